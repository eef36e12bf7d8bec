import type { AlertEvent } from '../../alert/alertSchema.js';
import { routeAlert } from '../../alert/routeAlert.js';
import { canonicalJson } from '../../audit/auditChain.js';
import type { AuditEntry } from '../../audit/auditEntry.js';
import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { ScenarioRecord } from '../../engine/caseRecord.js';
import type { Engine } from '../../engine/Engine.js';
import type { RuntimeResult } from '../../runtime/Runtime.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { createScenarioKind, type ScenarioKind } from './createScenarioKind.js';
import { loadScenario } from './loadScenario.js';
import { runError } from './runError.js';

/**
 * What `start` and `send` return: the instance after the change with its audit entry,
 * notifications and feed sequence number, or an error saying why nothing changed (the one
 * runtime result, as for cases).
 *
 * @example
 * ```ts
 * import type { ScenarioResult } from '@zhizhi/core/scenario';
 * const where = (r: ScenarioResult) => (r.ok ? r.record.status : r.error.code);
 * ```
 */
export type ScenarioResult = RuntimeResult<ScenarioRecord>;

/**
 * Runs scenario instances (一件事) beside an Engine's cases: it plugs the scenario kind into the
 * Engine's runtime, so instances share the store, the audit hash chain, the outbox, the
 * optimistic versions, the durable timers and the change feed with cases. Register validated
 * scenario documents (stored as versioned definitions), `start` instances, `send` task
 * completions, check-ins, signals and events. A `dispatch` step opens a real case, already
 * assigned to the step's lead, through a hand-off written in the same commit; when that case
 * is acknowledged the instance moves on, the same way.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
 * import { ScenarioEngine } from '@zhizhi/core/scenario';
 * import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
 * const engine = new Engine({ directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-03-02T09:00:00+08:00') });
 * const scenarios = new ScenarioEngine(engine);
 * const healthBandDoc = builtInScenarios.find((doc) => doc.id === 'elderly-health-band');
 * scenarios.register(healthBandDoc); // { ok: true, key: 'elderly-health-band@1.0.0' }
 * await scenarios.start({ scenario: 'elderly-health-band', trigger: 'manual', by: 'qj-sj-duty', gridId: 'qj-sj-c1-g1' });
 * ```
 */
export class ScenarioEngine {
  readonly engine: Engine;
  /** The scenario kind plugged into the Engine's runtime. */
  readonly kind: ScenarioKind;
  #deploys: Promise<unknown> = Promise.resolve();

  /** Hand-offs the runtime could not deliver (a dispatch the case kind refused, …). */
  readonly problems: { at: number; instanceId: string; what: string }[] = [];

  constructor(engine: Engine) {
    this.engine = engine;
    this.kind = createScenarioKind({ directory: engine.directory });
    engine.runtime.addKind(this.kind);
    engine.runtime.onHandoffFailed((failure, h) => {
      this.problems.push({
        at: failure.at,
        instanceId: h.from.kind === 'scenario' ? h.from.id : h.to.id,
        what: `${h.command.type as string} ${h.to.id}: ${failure.error.code} ${failure.error.message.en}`,
      });
    });
  }

  /**
   * Validates (against the Engine's org) and compiles a scenario document, stores it as a
   * definition and makes it startable as `id` (latest registered version) and `id@version`.
   * A version already registered with other content is refused: versions are immutable.
   */
  register(doc: unknown): { ok: true; key: string } | { ok: false; diagnostics: Diagnostic[] } {
    const loaded = loadScenario(doc, this.engine.directory);
    if (!loaded.ok) return loaded;
    const { id, version } = loaded.value.doc;
    const host = this.engine.runtime.host;
    const cached = this.kind.cached(id, version);
    if (cached && canonicalJson(cached.doc) !== canonicalJson(loaded.value.doc)) {
      const e = runError('run.alreadyDeployed', { scenario: id, version }, ['version']).error;
      return { ok: false, diagnostics: [{ ...e, severity: 'error' }] };
    }
    this.kind.remember(loaded.value);
    const deployed = this.#deploys.then(() => this.kind.deploy(host, loaded.value.doc, 'system'));
    this.#deploys = deployed.then((r) => {
      if (!r.ok) {
        // the store holds other content under this version: it wins
        this.kind.forget(id, version);
        this.problems.push({
          at: host.clock.now(),
          instanceId: `${id}@${version}`,
          what: `register: ${r.diagnostics[0]?.code}`,
        });
      }
    });
    return { ok: true, key: `${id}@${version}` };
  }

  /** The registered document for `id` or `id@version` loaded by this process. */
  scenario(key: string): Scenario | undefined {
    const at = key.lastIndexOf('@');
    return at < 0
      ? this.kind.cached(key)?.doc
      : this.kind.cached(key.slice(0, at), key.slice(at + 1))?.doc;
  }

  /** Starts an instance at its trigger's start step, as the member `by`. */
  async start(input: unknown): Promise<ScenarioResult> {
    await this.#deploys;
    return this.engine.runtime.create<ScenarioRecord>('scenario', input);
  }

  /**
   * Feeds an alert event from the alert normaliser (`createAlertNormalizer`): a raised or
   * escalated alert starts an instance of the latest version of every deployed scenario with a
   * sensor trigger for its type and level (trigger `fields` copy values out of the alert, e.g.
   * `type`, `level`, `value`, `location.address`), with the scenario's `alertRouting` for that
   * level pushed in the same commit (分级推送). Further events of the same alert go to the open
   * instances it started (found in the store by their `alertId`, which only this path sets, so
   * a restarted host finds them too): a rise is pushed to the new level's recipients (an
   * `ALERT_ESCALATED` entry), and every event is also sent as a `SIGNAL` named after its kind
   * (`escalated`, `deescalated`, `cleared`). `by` is the sensor member reporting it.
   */
  async onAlert(event: AlertEvent, by: string): Promise<ScenarioResult[]> {
    await this.#deploys;
    const { alert } = event;
    const runtime = this.engine.runtime;
    const running = (await this.list({ townId: alert.townId ?? undefined }))
      .filter((r) => r.context.alertId === alert.alertId && r.context.outcome === null)
      .map((r) => r.id);
    if (running.length > 0) {
      const results: ScenarioResult[] = [];
      for (const id of running) {
        if (event.kind === 'escalated') {
          results.push(
            await runtime.send<ScenarioRecord>('scenario', id, null, {
              trusted: { reroute: event, by },
            }),
          );
        }
        const signalled = await this.send(id, { type: 'SIGNAL', by, name: event.kind, data: {} });
        // an instance that waits for no such signal just keeps going
        if (signalled.ok || signalled.error.code !== 'run.notActive') results.push(signalled);
      }
      return results;
    }
    if (event.kind !== 'raised' && event.kind !== 'escalated') return [];
    const results: ScenarioResult[] = [];
    const latest = new Map<string, string>();
    for (const d of await this.engine.store.definitions()) latest.set(d.id, d.version);
    for (const [id, version] of latest) {
      const registered = await this.kind.resolve(runtime.host, id, version);
      if (!registered) continue;
      for (const trigger of registered.doc.triggers) {
        if (trigger.kind !== 'sensor' || !trigger.match.types.includes(alert.type)) continue;
        if (trigger.match.maxLevel !== undefined && alert.level > trigger.match.maxLevel) continue;
        const data: Record<string, unknown> = {};
        for (const { field, from } of trigger.fields ?? []) {
          const value = pluck(alert, from);
          if (value !== undefined && value !== null) data[field] = value;
        }
        const routing = registered.doc.alertRouting;
        const route = routing ? routeAlert(alert, routing, { at: this.engine.clock.now() }) : null;
        const extra = route
          ? [
              {
                topic: `alert.level${route.level}`,
                to: route.to,
                channels: route.channels,
                acknowledgeBy: route.acknowledgeBy,
                fields: { type: alert.type, level: alert.level, location: alert.location },
              },
            ]
          : [];
        results.push(
          await runtime.create<ScenarioRecord>(
            'scenario',
            {
              scenario: registered.doc.id,
              version: registered.doc.version,
              trigger: trigger.id,
              by,
              gridId: alert.gridId ?? '',
              data,
            },
            { alertId: alert.alertId, extra },
          ),
        );
      }
    }
    return results;
  }

  /** Sends a task completion, check-in, signal or event to an instance, as the member `by`. */
  async send(
    instanceId: string,
    input: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<ScenarioResult> {
    await this.#deploys;
    return this.engine.runtime.send<ScenarioRecord>('scenario', instanceId, input, options);
  }

  /** Resolves when every hand-off waiting in the outbox (acknowledgements, dispatches) is delivered. */
  async settled(): Promise<unknown> {
    await this.#deploys;
    return this.engine.runtime.drain();
  }

  /** The instance as stored now, or `undefined`. */
  async get(instanceId: string): Promise<ScenarioRecord | undefined> {
    const record = await this.engine.store.load(instanceId);
    return record?.kind === 'scenario' ? record : undefined;
  }

  /** The instance's audit trail, oldest first. */
  auditTrail(instanceId: string): Promise<AuditEntry[]> {
    return this.engine.store.auditTrail(instanceId);
  }

  /** Instances, optionally of one town. */
  async list(query: { townId?: string } = {}): Promise<ScenarioRecord[]> {
    const records = await this.engine.store.query({ ...query, kind: 'scenario' });
    return records.filter((r): r is ScenarioRecord => r.kind === 'scenario');
  }

  /**
   * Calls `listener` synchronously after every change this process applies to an instance;
   * returns the unsubscribe function.
   */
  subscribe(listener: (change: { record: ScenarioRecord; entry: AuditEntry }) => void): () => void {
    return this.engine.runtime.onCommit(({ record, entry }) => {
      if (record.kind === 'scenario') listener({ record, entry });
    });
  }
}

/** Own-property lookup of a dotted path (`location.address`) in an alert. */
function pluck(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
