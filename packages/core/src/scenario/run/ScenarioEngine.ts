import type { AlertEvent } from '../../alert/alertSchema.js';
import { routeAlert } from '../../alert/routeAlert.js';
import { sealAuditEntry } from '../../audit/auditChain.js';
import type { AuditEntry } from '../../audit/auditEntry.js';
import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { Notification, ScenarioRecord } from '../../engine/caseRecord.js';
import type { Engine, EngineChange } from '../../engine/Engine.js';
import { StoreConflict } from '../../engine/Store.js';
import type { StepTimer } from '../../engine/Timer.js';
import { SYSTEM_ACTOR_ID } from '../../org/Directory.js';
import type { Member } from '../../org/orgSchema.js';
import { validateScenario } from '../check/validateScenario.js';
import { compileScenario } from '../compile/compileScenario.js';
import { createScenarioMachine } from '../compile/createScenarioMachine.js';
import { type Scenario, type ScenarioStep, scenarioSchema } from '../document/scenarioSchema.js';
import { authorizeScenarioCommand, outsideTown } from './authorizeScenarioCommand.js';
import { checkScenarioData } from './checkScenarioData.js';
import {
  createScenarioStepper,
  type ScenarioEffect,
  type ScenarioStepper,
} from './createScenarioStepper.js';
import { payloadError, runError } from './runError.js';
import {
  type ScenarioCommand,
  scenarioCommandSchema,
  startScenarioSchema,
} from './scenarioCommandSchema.js';
import type { ScenarioContext, ScenarioEvent } from './scenarioContext.js';
import { scenarioNotification } from './scenarioNotification.js';

/**
 * What `start` and `send` return: the instance after the change with its audit entry and
 * notifications, or a diagnostic saying why nothing changed.
 *
 * @example
 * ```ts
 * import type { ScenarioResult } from '@zhizhi/core/scenario';
 * const where = (r: ScenarioResult) => (r.ok ? r.record.status : r.error.code);
 * ```
 */
export type ScenarioResult =
  | { ok: true; record: ScenarioRecord; entry: AuditEntry; notifications: Notification[] }
  | { ok: false; error: Diagnostic };

interface ExtraNotification {
  topic: string;
  to: { kind: string; id: string }[];
  channels: string[];
  acknowledgeBy: number | null;
  fields: Record<string, unknown>;
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

interface Registered {
  doc: Scenario;
  stepper: ScenarioStepper;
  steps: Map<string, ScenarioStep>;
}

/**
 * Runs scenario instances (一件事) beside an Engine's cases: the same store, the same audit
 * hash chain, the same outbox, the same optimistic versions and the same durable timers (the
 * Engine's `tick` fires step timers through this host). Register validated scenario documents,
 * `start` instances, `send` task completions, check-ins, signals and events. A `dispatch` step
 * opens a real case, already assigned to the step's lead, through the Engine; when that case is
 * acknowledged the instance moves on.
 *
 * @example
 * ```ts
 * import { Directory, Engine, SimulatedClock } from '@zhizhi/core';
 * import { ScenarioEngine } from '@zhizhi/core/scenario';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const engine = new Engine({ directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-03-02T09:00:00+08:00') });
 * const scenarios = new ScenarioEngine(engine);
 * // scenarios.register(healthBandDoc);
 * // await scenarios.start({ scenario: 'elderly-health-band', trigger: 'manual', by: 'qj-sj-duty', gridId: 'qj-sj-c1-g1' });
 * ```
 */
export class ScenarioEngine {
  readonly engine: Engine;
  readonly #registry = new Map<string, Registered>();
  readonly #listeners = new Set<(change: { record: ScenarioRecord; entry: AuditEntry }) => void>();
  #pending: Promise<unknown> = Promise.resolve();
  #counter = 0;

  constructor(engine: Engine) {
    this.engine = engine;
    engine.handleStepTimers((timer) => this.#timeout(timer));
    engine.subscribe((change) => this.#onCase(change));
  }

  /**
   * Validates (against the Engine's org) and compiles a scenario document and makes it
   * startable as `id` (latest registered version) and `id@version`.
   */
  register(doc: unknown): { ok: true; key: string } | { ok: false; diagnostics: Diagnostic[] } {
    const diagnostics = validateScenario(doc, this.engine.directory).filter(
      (d) => d.severity === 'error',
    );
    if (diagnostics.length > 0) return { ok: false, diagnostics };
    const parsed = scenarioSchema.parse(doc);
    const machine = createScenarioMachine(JSON.parse(JSON.stringify(compileScenario(parsed))));
    const entry: Registered = {
      doc: parsed,
      stepper: createScenarioStepper(machine),
      steps: new Map(parsed.steps.map((s) => [s.id, s])),
    };
    const key = `${parsed.id}@${parsed.version}`;
    this.#registry.set(key, entry);
    this.#registry.set(parsed.id, entry);
    return { ok: true, key };
  }

  /** The registered document for `id` or `id@version`. */
  scenario(key: string): Scenario | undefined {
    return this.#registry.get(key)?.doc;
  }

  /** Starts an instance at its trigger's start step, as the member `by`. */
  start(input: unknown): Promise<ScenarioResult> {
    return this.#start(input, []);
  }

  /**
   * Feeds an alert event from the alert normaliser (`createAlertNormalizer`): a raised or
   * escalated alert starts an instance of every registered scenario with a sensor trigger for
   * its type and level (trigger `fields` copy values out of the alert, e.g. `type`, `level`,
   * `value`, `location.address`), with the scenario's `alertRouting` for that level pushed in
   * the same commit (分级推送: every recipient of the level at the same moment). Further events
   * of the same alert go to the open instances it started (found in the store by their
   * `alertId`, so a restarted host finds them too): a rise is pushed to the new level's
   * recipients (an `ALERT_ESCALATED` entry), and every event is also sent as a `SIGNAL` named
   * after its kind (`escalated`, `deescalated`, `cleared`). `by` is the sensor member reporting it.
   */
  async onAlert(event: AlertEvent, by: string): Promise<ScenarioResult[]> {
    const { alert } = event;
    const running = (await this.list({ townId: alert.townId ?? undefined }))
      .filter((r) => r.context.alertId === alert.alertId && r.context.outcome === null)
      .map((r) => r.id);
    if (running.length > 0) {
      const results: ScenarioResult[] = [];
      for (const id of running) {
        if (event.kind === 'escalated') results.push(await this.#reroute(id, event, by));
        const signalled = await this.send(id, { type: 'SIGNAL', by, name: event.kind, data: {} });
        // an instance that waits for no such signal just keeps going
        if (signalled.ok || signalled.error.code !== 'run.notActive') results.push(signalled);
      }
      return results;
    }
    if (event.kind !== 'raised' && event.kind !== 'escalated') return [];
    const results: ScenarioResult[] = [];
    for (const [key, registered] of this.#registry) {
      if (!key.includes('@')) continue;
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
        const result = await this.#start(
          {
            scenario: registered.doc.id,
            version: registered.doc.version,
            trigger: trigger.id,
            by,
            gridId: alert.gridId ?? '',
            data,
            alertId: alert.alertId,
          },
          route
            ? [
                {
                  topic: `alert.level${route.level}`,
                  to: route.to,
                  channels: route.channels,
                  acknowledgeBy: route.acknowledgeBy,
                  fields: { type: alert.type, level: alert.level, location: alert.location },
                },
              ]
            : [],
        );
        results.push(result);
      }
    }
    return results;
  }

  /**
   * An alert that rises while its instance runs is pushed again to the recipients of its new
   * level (分级推送), recorded as an `ALERT_ESCALATED` entry that leaves the instance where it is.
   */
  async #reroute(instanceId: string, event: AlertEvent, by: string): Promise<ScenarioResult> {
    const record = await this.get(instanceId);
    const registered =
      record && this.#registry.get(`${record.scenario.id}@${record.scenario.version}`);
    const member = this.engine.directory.member(by);
    if (!record || !registered || !member) return runError('run.notFound', { id: instanceId });
    const routing = registered.doc.alertRouting;
    if (!routing || record.context.outcome !== null)
      return runError('run.finished', { id: instanceId });
    const at = Math.max(this.engine.clock.now(), record.updatedAt);
    const route = routeAlert(event.alert, routing, { at });
    const { alert } = event;
    return this.#commit(
      registered,
      record,
      record.id,
      member,
      'ALERT_ESCALATED',
      at,
      { changed: true, status: record.status, done: false, context: record.context, effects: [] },
      {
        note: null,
        data: { alertId: alert.alertId, level: alert.level, previousLevel: event.previousLevel },
        extra: [
          {
            topic: `alert.level${route.level}`,
            to: route.to,
            channels: route.channels,
            acknowledgeBy: route.acknowledgeBy,
            fields: { type: alert.type, level: alert.level, location: alert.location },
          },
        ],
      },
    );
  }

  async #start(input: unknown, extra: ExtraNotification[]): Promise<ScenarioResult> {
    const parsed = startScenarioSchema.safeParse(input);
    if (!parsed.success) return payloadError(parsed.error.issues[0]);
    const start = parsed.data;
    const key = start.version ? `${start.scenario}@${start.version}` : start.scenario;
    const registered = this.#registry.get(key);
    if (!registered) return runError('run.unknownScenario', { scenario: key }, ['scenario']);
    const trigger = registered.doc.triggers.find((t) => t.id === start.trigger);
    if (!trigger) return runError('run.unknownTrigger', { trigger: start.trigger }, ['trigger']);
    const member = this.engine.directory.member(start.by);
    if (!member || member.role === 'system')
      return runError('run.unknownActor', { actorId: start.by }, ['by']);
    const town = this.engine.directory.ancestorAt(start.gridId, 'town');
    const grid = this.engine.directory.unit(start.gridId);
    if (!town || grid?.level !== 'grid')
      return runError('run.payload', { path: 'gridId', rule: 'unknown grid' }, ['gridId']);
    const outside = outsideTown(this.engine.directory, member, town.id);
    if (outside) return outside;
    // A dispatch step names fixed posts/departments: they must serve this town, or every case
    // it opens would be refused later.
    for (const s of registered.doc.steps) {
      if (s.kind !== 'dispatch') continue;
      for (const t of [s.lead, ...(s.coHandlers ?? [])]) {
        const serves =
          t.kind === 'post'
            ? this.engine.directory.post(t.id)?.townId === town.id
            : this.engine.directory.department(t.id)?.districtId ===
              this.engine.directory.ancestorAt(town.id, 'district')?.id;
        if (!serves)
          return runError('run.outsideTown', { actorId: `${t.kind}:${t.id}`, townId: town.id }, [
            'gridId',
          ]);
      }
    }
    const starters =
      trigger.kind === 'manual'
        ? trigger.roles
        : trigger.kind === 'sensor'
          ? ['sensor', 'dutyOfficer', 'commander']
          : trigger.kind === 'schedule'
            ? ['dutyOfficer', 'commander']
            : null;
    if (starters && !starters.includes(member.role)) {
      return runError('run.notAssignee', { actorId: member.id, step: trigger.start }, ['by']);
    }
    const data = checkScenarioData(
      registered.doc,
      null,
      start.data ?? {},
      registered.doc.fields.map((f) => f.id),
    );
    if (!data.ok) return data;
    // A report form or a sensor trigger that collects a required field must deliver it.
    const collected =
      trigger.kind === 'report'
        ? trigger.fields
        : trigger.kind === 'sensor'
          ? (trigger.fields ?? []).map((f) => f.field)
          : [];
    for (const f of registered.doc.fields) {
      if (f.required && collected.includes(f.id) && !Object.hasOwn(data.value, f.id)) {
        return runError('run.missingField', { field: f.id, trigger: trigger.id }, ['data', f.id]);
      }
    }
    const at = this.engine.clock.now();
    const id =
      start.id ?? `${registered.doc.id}-${at.toString(36)}-${(++this.#counter).toString(36)}`;
    const step = registered.stepper.initial({
      trigger: trigger.id,
      townId: town.id,
      gridId: grid.id,
      at,
      data: data.value,
      lists: start.lists ?? {},
      alertId: start.alertId ?? null,
    });
    return this.#commit(registered, undefined, id, member, 'START', at, step, {
      note: trigger.id,
      data: { scenario: registered.doc.id, version: registered.doc.version, trigger: trigger.id },
      extra,
    });
  }

  /** Sends a task completion, check-in, signal or event to an instance, as the member `by`. */
  async send(
    instanceId: string,
    input: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<ScenarioResult> {
    const type =
      typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    if (
      typeof type !== 'string' ||
      !['TASK_COMPLETE', 'CHECK_IN', 'SIGNAL', 'EVENT'].includes(type)
    ) {
      return runError('run.unknownEvent', { type: String(type).slice(0, 64) }, ['type']);
    }
    const parsed = scenarioCommandSchema.safeParse(input);
    if (!parsed.success) return payloadError(parsed.error.issues[0]);
    const command = parsed.data;
    const record = await this.get(instanceId);
    if (!record) return runError('run.notFound', { id: instanceId });
    if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
      return runError('run.conflict', {
        expected: options.expectedVersion,
        actual: record.version,
      });
    }
    const registered = this.#registry.get(`${record.scenario.id}@${record.scenario.version}`);
    if (!registered) return runError('run.unknownScenario', { scenario: record.scenario.id });
    const member = this.engine.directory.member(command.by);
    if (!member || member.role === 'system')
      return runError('run.unknownActor', { actorId: command.by }, ['by']);
    const refusal = authorizeScenarioCommand(
      this.engine.directory,
      registered.doc,
      record,
      member,
      command,
    );
    if (refusal) return refusal;
    return this.#apply(registered, record, member, command);
  }

  async #apply(
    registered: Registered,
    record: ScenarioRecord,
    member: Member,
    command: ScenarioCommand | ScenarioEvent,
  ): Promise<ScenarioResult> {
    if (record.context.outcome !== null) return runError('run.finished', { id: record.id });
    const at = Math.max(this.engine.clock.now(), record.updatedAt);
    const event = { ...command, at } as ScenarioEvent;
    const step = registered.stepper.next(record.status, record.context, event);
    const stepId = 'step' in command ? command.step : 'name' in command ? command.name : '';
    if (!step.changed)
      return runError('run.notActive', { step: stepId, type: command.type }, ['step']);
    const { type: _t, by: _b, ...payload } = command as Record<string, unknown>;
    return this.#commit(registered, record, record.id, member, command.type, at, step, {
      note: 'outcome' in command ? command.outcome : null,
      data: Object.keys(payload).length > 0 ? payload : null,
    });
  }

  async #commit(
    registered: Registered,
    previous: ScenarioRecord | undefined,
    id: string,
    actor: Member,
    event: string,
    at: number,
    step: ReturnType<ScenarioStepper['next']>,
    detail: {
      note: string | null;
      data: Record<string, unknown> | null;
      extra?: ExtraNotification[];
    },
  ): Promise<ScenarioResult> {
    const context: ScenarioContext = { ...step.context, cases: { ...step.context.cases } };
    const version = (previous?.version ?? 0) + 1;
    const dispatches = step.effects.filter((e) => e.type === 'zz.dispatch');
    for (const d of dispatches)
      context.cases[d.params.step as string] = `${id}:${d.params.step}:${version}`;
    const entry = sealAuditEntry(
      previous ? ({ seq: previous.version, hash: previous.lastHash } as AuditEntry) : undefined,
      {
        at,
        actorId: actor.id,
        role: actor.role,
        event,
        from: previous?.status ?? null,
        to: step.status,
        note: detail.note,
        data: detail.data,
      },
    );
    const timers: StepTimer[] = Object.entries(context.timers).map(([s, dueAt]) => ({
      id: `${id}:${s}:${dueAt}`,
      caseId: id,
      townId: context.townId,
      step: s,
      dueAt,
    }));
    const record: ScenarioRecord = {
      kind: 'scenario',
      id,
      townId: context.townId,
      scenario: { id: registered.doc.id, version: registered.doc.version },
      status: step.status,
      version,
      context,
      slaDueAt: timers.length > 0 ? Math.min(...timers.map((t) => t.dueAt)) : null,
      lastHash: entry.hash,
      updatedAt: at,
    };
    const notifications = step.effects
      .filter((e) => e.type !== 'zz.dispatch')
      .map((e, i) =>
        scenarioNotification(this.engine.directory, registered.doc, record, e, entry.seq, i, at),
      );
    for (const [i, n] of (detail.extra ?? []).entries()) {
      notifications.unshift({
        id: `${id}:${entry.seq}:a${i}`,
        caseId: id,
        townId: context.townId,
        seq: entry.seq,
        at,
        title: registered.doc.name.zh,
        deliveredAt: null,
        topic: n.topic,
        to: n.to as Notification['to'],
        channels: n.channels,
        fields: { ...n.fields, acknowledgeBy: n.acknowledgeBy },
      });
    }
    try {
      await this.engine.store.commit({
        record,
        expectedVersion: previous?.version ?? 0,
        entries: [entry],
        timers,
        notifications,
      });
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      return previous
        ? runError('run.conflict', { expected: error.expected, actual: error.actual })
        : runError('run.exists', { id });
    }
    const change = { record, entry };
    for (const listener of this.#listeners) listener(change);
    for (const d of dispatches) await this.#dispatch(registered, record, d, actor);
    return { ok: true, record, entry, notifications };
  }

  async #dispatch(
    registered: Registered,
    record: ScenarioRecord,
    effect: ScenarioEffect,
    actor: Member,
  ) {
    const p = effect.params as {
      step: string;
      lead: { kind: 'post' | 'department'; id: string };
      coHandlers: { kind: 'post' | 'department'; id: string }[];
      category: string | null;
    };
    const step = registered.steps.get(p.step);
    const opened = await this.engine.report(
      {
        id: record.context.cases[p.step],
        gridId: record.context.gridId,
        reporterId: SYSTEM_ACTOR_ID,
        category: p.category ?? registered.doc.category ?? registered.doc.id,
        severity: 'high',
        title: `${registered.doc.name.zh}：${step?.label?.zh ?? p.step}`.slice(0, 200),
        description: `${registered.doc.name.en} — ${record.id} (${actor.id})`,
        lead: p.lead,
        coHandlers: p.coHandlers,
        origin: { instanceId: record.id, step: p.step },
      },
      { asSystem: true },
    );
    if (!opened.ok) {
      this.problems.push({
        at: this.engine.clock.now(),
        instanceId: record.id,
        what: `dispatch ${p.step}: ${opened.error.code} ${opened.error.message.en}`,
      });
    }
  }

  #onCase(change: EngineChange): void {
    const origin = change.record.context.origin;
    if (change.entry.event !== 'ACKNOWLEDGE' || !origin) return;
    this.#pending = this.#pending.then(() =>
      this.#internalSafely(origin.instanceId, {
        type: 'CASE_ACKNOWLEDGED',
        step: origin.step,
        caseId: change.record.id,
      }),
    );
  }

  /** Problems met while carrying out effects (a dispatch the Engine refused, a failed hand-off). */
  readonly problems: { at: number; instanceId: string; what: string }[] = [];

  async #internalSafely(
    instanceId: string,
    event: { type: 'CASE_ACKNOWLEDGED'; step: string; caseId: string },
  ) {
    try {
      const r = await this.#internal(instanceId, event);
      if (!r.ok)
        this.problems.push({
          at: this.engine.clock.now(),
          instanceId,
          what: `${event.type}: ${r.error.code}`,
        });
    } catch (error) {
      this.problems.push({
        at: this.engine.clock.now(),
        instanceId,
        what: `${event.type}: ${(error as Error).message}`,
      });
    }
  }

  /** Resolves when the instance updates caused by case changes (acknowledgements) are applied. */
  settled(): Promise<unknown> {
    return this.#pending;
  }

  #timeout(timer: StepTimer): Promise<ScenarioResult> {
    return this.#internal(timer.caseId, { type: 'TIMEOUT', step: timer.step });
  }

  async #internal(
    instanceId: string,
    event: { type: 'TIMEOUT' | 'CASE_ACKNOWLEDGED'; step: string; caseId?: string },
  ) {
    const record = await this.get(instanceId);
    const registered =
      record && this.#registry.get(`${record.scenario.id}@${record.scenario.version}`);
    if (!record || !registered) return runError('run.notFound', { id: instanceId });
    const system = this.engine.directory.member(SYSTEM_ACTOR_ID) as Member;
    return this.#apply(registered, record, system, {
      ...event,
      by: SYSTEM_ACTOR_ID,
    } as ScenarioEvent);
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

  /** Calls `listener` after every applied change to an instance; returns the unsubscribe function. */
  subscribe(listener: (change: { record: ScenarioRecord; entry: AuditEntry }) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
