import type { AlertEvent } from '../../alert/alertSchema.js';
import { routeAlert } from '../../alert/routeAlert.js';
import { canonicalJson } from '../../audit/auditChain.js';
import type { AuditEntry } from '../../audit/auditEntry.js';
import type { DefinitionRecord, Notification, ScenarioRecord } from '../../engine/caseRecord.js';
import type { StepTimer } from '../../engine/Timer.js';
import { type Directory, SYSTEM_ACTOR_ID } from '../../org/Directory.js';
import type { Member } from '../../org/orgSchema.js';
import type { Handoff } from '../../runtime/Handoff.js';
import type { Decision, InstanceKind, KindHost } from '../../runtime/InstanceKind.js';
import type { validateScenario } from '../check/validateScenario.js';
import { admitScenarioData } from './admitScenarioData.js';
import { authorizeScenarioCommand, outsideTown } from './authorizeScenarioCommand.js';
import {
  createScenarioStepper,
  type ScenarioStepper,
  type ScenarioStepResult,
} from './createScenarioStepper.js';
import { type LoadedScenario, loadScenario } from './loadScenario.js';
import { payloadError, runError } from './runError.js';
import {
  type ScenarioCommand,
  scenarioCommandSchema,
  startScenarioSchema,
} from './scenarioCommandSchema.js';
import type { ScenarioContext, ScenarioEvent } from './scenarioContext.js';
import { scenarioNotification } from './scenarioNotification.js';

interface ExtraNotification {
  topic: string;
  to: { kind: string; id: string }[];
  channels: string[];
  acknowledgeBy: number | null;
  fields: Record<string, unknown>;
}

/**
 * The scenario instance (一件事) as an instance kind of the runtime. Definitions live in the
 * store, versioned: `deploy` checks and stores one, instances run on the version they started
 * with, and a restarted host finds its definitions in the store. A `dispatch` step opens its
 * case through a hand-off written in the same commit; the case's acknowledgement comes back the
 * same way, and only from the case that step opened.
 *
 * @example
 * ```ts
 * import { createCaseKind, Directory } from '@zhizhi/core';
 * import { createRuntime } from '@zhizhi/core/runtime';
 * import { createScenarioKind } from '@zhizhi/core/scenario';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const directory = new Directory(sampleOrg);
 * const scenarios = createScenarioKind({ directory });
 * const runtime = createRuntime({ directory, kinds: [createCaseKind({ directory }), scenarios] });
 * ```
 */
export function createScenarioKind(options: { directory: Directory }) {
  const { directory } = options;
  const loaded = new Map<string, LoadedScenario>();

  /** The loaded definition `id@version`, or the latest of `id`, from the cache or the store. */
  async function resolve(
    host: KindHost,
    id: string,
    version?: string,
  ): Promise<LoadedScenario | undefined> {
    if (version !== undefined && loaded.has(`${id}@${version}`))
      return loaded.get(`${id}@${version}`);
    const def = await host.store.definition(id, version);
    if (!def) return undefined;
    const key = `${def.id}@${def.version}`;
    const cached = loaded.get(key);
    if (cached) return cached;
    const result = loadScenario(def.doc, directory);
    if (!result.ok) return undefined; // stored definitions were checked; an org change may refuse one
    loaded.set(key, result.value);
    return result.value;
  }

  function propose(
    host: KindHost,
    registered: LoadedScenario,
    previous: ScenarioRecord | undefined,
    id: string,
    actor: Member,
    event: string,
    at: number,
    step: ScenarioStepResult,
    detail: {
      note: string | null;
      data: Record<string, unknown> | null;
      extra?: ExtraNotification[];
    },
  ): Decision<ScenarioRecord> {
    return {
      ok: true,
      proposal: {
        id,
        previous,
        actor,
        event,
        at,
        to: step.status,
        note: detail.note,
        data: detail.data,
        seal(entry: AuditEntry) {
          const version = entry.seq;
          const dispatches = step.effects.filter((e) => e.type === 'zz.dispatch');
          // The record keeps the stepper's own context object (so the next command steps on from
          // its snapshot). A dispatch entered a step, so that context is this step's fresh
          // object: its `cases` may be replaced in place before anyone else sees it.
          const context: ScenarioContext = step.context;
          if (dispatches.length > 0) context.cases = { ...context.cases };
          const handoffs: Handoff[] = [];
          for (const [i, d] of dispatches.entries()) {
            const p = d.params as {
              step: string;
              lead: { kind: 'post' | 'department'; id: string };
              coHandlers: { kind: 'post' | 'department'; id: string }[];
              category: string | null;
            };
            const caseId = `${id}:${p.step}:${version}`;
            context.cases[p.step] = caseId;
            const s = registered.steps.get(p.step);
            handoffs.push({
              id: `${id}:${version}:h${i}`,
              townId: context.townId,
              at,
              from: { kind: 'scenario', id, seq: version },
              to: { kind: 'case', id: caseId },
              command: {
                type: 'OPEN',
                report: {
                  gridId: context.gridId,
                  reporterId: SYSTEM_ACTOR_ID,
                  category: p.category ?? registered.doc.category ?? registered.doc.id,
                  severity: 'high',
                  title: `${registered.doc.name.zh}：${s?.label?.zh ?? p.step}`.slice(0, 200),
                  description: `${registered.doc.name.en} — ${id} (${actor.id})`,
                  lead: p.lead,
                  coHandlers: p.coHandlers,
                  origin: { instanceId: id, step: p.step },
                },
              },
            });
          }
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
              scenarioNotification(directory, registered.doc, record, e, entry.seq, i, at),
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
          return { record, timers, notifications, handoffs };
        },
      },
    };
  }

  async function start(
    host: KindHost,
    input: unknown,
    trusted: { alertId?: string | undefined; extra?: ExtraNotification[] | undefined },
  ): Promise<Decision<ScenarioRecord>> {
    const parsed = startScenarioSchema.safeParse(input);
    if (!parsed.success) return payloadError(parsed.error.issues[0]);
    const s = parsed.data;
    const registered = await resolve(host, s.scenario, s.version);
    const key = s.version ? `${s.scenario}@${s.version}` : s.scenario;
    if (!registered) return runError('run.unknownScenario', { scenario: key }, ['scenario']);
    const trigger = registered.doc.triggers.find((t) => t.id === s.trigger);
    if (!trigger) return runError('run.unknownTrigger', { trigger: s.trigger }, ['trigger']);
    const member = directory.member(s.by);
    if (!member || member.role === 'system')
      return runError('run.unknownActor', { actorId: s.by }, ['by']);
    const town = directory.ancestorAt(s.gridId, 'town');
    const grid = directory.unit(s.gridId);
    if (!town || grid?.level !== 'grid')
      return runError('run.payload', { path: 'gridId', rule: 'unknown grid' }, ['gridId']);
    const outside = outsideTown(directory, member, town.id);
    if (outside) return outside;
    // A dispatch step names fixed posts/departments: they must serve this town, or every case
    // it opens would be refused later.
    for (const st of registered.doc.steps) {
      if (st.kind !== 'dispatch') continue;
      for (const t of [st.lead, ...(st.coHandlers ?? [])]) {
        const serves =
          t.kind === 'post'
            ? directory.post(t.id)?.townId === town.id
            : directory.department(t.id)?.districtId ===
              directory.ancestorAt(town.id, 'district')?.id;
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
    const data = admitScenarioData(
      registered.doc,
      null,
      s.data ?? {},
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
    const at = host.clock.now();
    const id = s.id ?? `${registered.doc.id}-${host.newId()}`;
    const step = registered.stepper.initial({
      trigger: trigger.id,
      townId: town.id,
      gridId: grid.id,
      at,
      data: data.value,
      lists: s.lists ?? {},
      alertId: trusted.alertId ?? null,
    });
    if (step.loop) return runError('run.instantLoop', { step: step.loop }, ['trigger']);
    return propose(host, registered, undefined, id, member, 'START', at, step, {
      note: trigger.id,
      data: { scenario: registered.doc.id, version: registered.doc.version, trigger: trigger.id },
      extra: trusted.extra ?? [],
    });
  }

  function apply(
    host: KindHost,
    registered: LoadedScenario,
    record: ScenarioRecord,
    member: Member,
    command: ScenarioCommand | ScenarioEvent,
  ): Decision<ScenarioRecord> {
    if (record.context.outcome !== null) return runError('run.finished', { id: record.id });
    const at = Math.max(host.clock.now(), record.updatedAt);
    const event = { ...command, at } as ScenarioEvent;
    const step = registered.stepper.next(record.status, record.context, event);
    const stepId = 'step' in command ? command.step : 'name' in command ? command.name : '';
    if (step.loop) return runError('run.instantLoop', { step: step.loop });
    if (!step.changed)
      return runError('run.notActive', { step: stepId, type: command.type }, ['step']);
    const { type: _t, by: _b, ...payload } = command as Record<string, unknown>;
    return propose(host, registered, record, record.id, member, command.type, at, step, {
      note: 'outcome' in command ? command.outcome : null,
      data: Object.keys(payload).length > 0 ? payload : null,
    });
  }

  async function internal(
    host: KindHost,
    record: ScenarioRecord,
    event: { type: 'TIMEOUT' | 'CASE_ACKNOWLEDGED'; step: string; caseId?: string },
  ): Promise<Decision<ScenarioRecord>> {
    const registered = await resolve(host, record.scenario.id, record.scenario.version);
    if (!registered) return runError('run.unknownScenario', { scenario: record.scenario.id });
    const system = directory.member(SYSTEM_ACTOR_ID);
    if (!system) return runError('run.unknownActor', { actorId: SYSTEM_ACTOR_ID });
    return apply(host, registered, record, system, {
      ...event,
      by: SYSTEM_ACTOR_ID,
    } as ScenarioEvent);
  }

  /**
   * An alert that rises while its instance runs is pushed again to the recipients of its new
   * level (分级推送), recorded as an `ALERT_ESCALATED` entry that leaves the instance where it is.
   */
  async function reroute(
    host: KindHost,
    record: ScenarioRecord,
    event: AlertEvent,
    by: string,
  ): Promise<Decision<ScenarioRecord>> {
    const registered = await resolve(host, record.scenario.id, record.scenario.version);
    const member = directory.member(by);
    if (!registered || !member) return runError('run.notFound', { id: record.id });
    const routing = registered.doc.alertRouting;
    if (!routing || record.context.outcome !== null)
      return runError('run.finished', { id: record.id });
    const at = Math.max(host.clock.now(), record.updatedAt);
    const route = routeAlert(event.alert, routing, { at });
    const { alert } = event;
    return propose(
      host,
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

  /**
   * The closure of a case a dispatch step opened: an entry on the instance's trail (its
   * timeline shows when its case closed), the instance left where it is — even if it has ended.
   */
  async function recordClosure(
    host: KindHost,
    record: ScenarioRecord,
    step: string,
    caseId: string,
    closedAt: number,
  ): Promise<Decision<ScenarioRecord>> {
    const registered = await resolve(host, record.scenario.id, record.scenario.version);
    const system = directory.member(SYSTEM_ACTOR_ID);
    if (!registered || !system) return runError('run.notFound', { id: record.id });
    const at = Math.max(host.clock.now(), record.updatedAt);
    return propose(
      host,
      registered,
      record,
      record.id,
      system,
      'CASE_CLOSED',
      at,
      { changed: true, status: record.status, done: false, context: record.context, effects: [] },
      { note: null, data: { step, caseId, closedAt } },
    );
  }

  const kind = {
    kind: 'scenario' as const,
    timerKind: 'step' as const,

    /** The loaded definition `id@version` (or the latest of `id`), from this process's cache or the store. */
    resolve,

    /** Keeps a loaded definition in this process's cache (it is stored by `deploy`). */
    remember(value: LoadedScenario): void {
      const key = `${value.doc.id}@${value.doc.version}`;
      if (!loaded.has(key)) loaded.set(key, value);
    },

    /** Drops a definition from this process's cache (the store's copy wins next time). */
    forget(id: string, version: string): void {
      loaded.delete(`${id}@${version}`);
    },

    /** A definition this process already loaded (synchronous; `undefined` if not loaded yet). */
    cached(id: string, version?: string): LoadedScenario | undefined {
      if (version !== undefined) return loaded.get(`${id}@${version}`);
      let latest: LoadedScenario | undefined;
      for (const l of loaded.values()) if (l.doc.id === id) latest = l;
      return latest;
    },

    /**
     * Checks and stores a definition. The same `id@version` deployed again with the same
     * content is a no-op; with other content it is refused (versions are immutable).
     */
    async deploy(
      host: KindHost,
      doc: unknown,
      by: string,
    ): Promise<
      | { ok: true; definition: DefinitionRecord; created: boolean }
      | { ok: false; diagnostics: ReturnType<typeof validateScenario> }
    > {
      const result = loadScenario(doc, directory);
      if (!result.ok) return result;
      const { doc: parsed } = result.value;
      const definition: DefinitionRecord = {
        id: parsed.id,
        version: parsed.version,
        doc: JSON.parse(JSON.stringify(parsed)),
        deployedAt: host.clock.now(),
        deployedBy: by,
      };
      const key = `${parsed.id}@${parsed.version}`;
      const created = await host.store.putDefinition(definition);
      if (!created) {
        const stored = await host.store.definition(parsed.id, parsed.version);
        if (canonicalJson(stored?.doc) !== canonicalJson(definition.doc)) {
          const e = runError(
            'run.alreadyDeployed',
            { scenario: parsed.id, version: parsed.version },
            ['version'],
          ).error;
          return {
            ok: false,
            diagnostics: [{ code: e.code, path: e.path, severity: 'error', message: e.message }],
          };
        }
        loaded.set(key, loaded.get(key) ?? result.value);
        return { ok: true, definition: stored as DefinitionRecord, created: false };
      }
      loaded.set(key, result.value);
      return { ok: true, definition, created: true };
    },

    /**
     * Starts an instance. Only in-process hosts pass `trusted` (the alert that started it and
     * the routing pushes of its level); a client's input never carries them.
     */
    create(
      host: KindHost,
      input: unknown,
      trusted?: Record<string, unknown>,
    ): Promise<Decision<ScenarioRecord>> {
      const t = (trusted ?? {}) as { alertId?: string; extra?: ExtraNotification[] };
      return start(host, input, { alertId: t.alertId, extra: t.extra });
    },

    async command(
      host: KindHost,
      record: ScenarioRecord,
      input: unknown,
      trusted?: Record<string, unknown>,
    ) {
      if (trusted?.reroute) {
        const t = trusted as { reroute: AlertEvent; by: string };
        return reroute(host, record, t.reroute, t.by);
      }
      const type =
        typeof input === 'object' && input !== null
          ? (input as { type?: unknown }).type
          : undefined;
      if (
        typeof type !== 'string' ||
        !['TASK_COMPLETE', 'CHECK_IN', 'SIGNAL', 'EVENT'].includes(type)
      ) {
        return runError('run.unknownEvent', { type: String(type).slice(0, 64) }, ['type']);
      }
      const parsed = scenarioCommandSchema.safeParse(input);
      if (!parsed.success) return payloadError(parsed.error.issues[0]);
      const command = parsed.data;
      const registered = await resolve(host, record.scenario.id, record.scenario.version);
      if (!registered) return runError('run.unknownScenario', { scenario: record.scenario.id });
      const member = directory.member(command.by);
      if (!member || member.role === 'system')
        return runError('run.unknownActor', { actorId: command.by }, ['by']);
      const refusal = authorizeScenarioCommand(directory, registered.doc, record, member, command);
      if (refusal) return refusal;
      return apply(host, registered, record, member, command);
    },

    async timer(
      host: KindHost,
      record: ScenarioRecord,
      timer: import('../../engine/Timer.js').Timer,
    ): Promise<Decision<ScenarioRecord>> {
      const t = timer as StepTimer;
      // a timer claimed by a process that stalled past its lease may come late: it times out
      // only the step's running timer, never a later entry of the same step
      if (record.context.timers[t.step] !== t.dueAt) {
        return runError('run.notActive', { step: t.step, type: 'TIMEOUT' }, ['step']);
      }
      return internal(host, record, { type: 'TIMEOUT', step: t.step });
    },

    async handoff(host: KindHost, record: ScenarioRecord | undefined, handoff: Handoff) {
      const c = handoff.command as { type?: unknown; step?: unknown; caseId?: unknown };
      if (!record) return runError('run.notFound', { id: handoff.to.id });
      // only the case this instance's step opened may move it (a case can never claim an origin)
      if (
        (c.type !== 'CASE_ACKNOWLEDGED' && c.type !== 'CASE_CLOSED') ||
        typeof c.step !== 'string' ||
        typeof c.caseId !== 'string' ||
        record.context.cases[c.step] !== c.caseId ||
        handoff.from.kind !== 'case' ||
        handoff.from.id !== c.caseId
      ) {
        return runError('run.notActive', { step: String(c.step), type: String(c.type) }, ['step']);
      }
      if (c.type === 'CASE_CLOSED')
        return recordClosure(host, record, c.step, c.caseId, handoff.at);
      return internal(host, record, { type: 'CASE_ACKNOWLEDGED', step: c.step, caseId: c.caseId });
    },

    notFound: (id: string) => runError('run.notFound', { id }).error,
    conflict: (_id: string, expected: number, actual: number) =>
      runError('run.conflict', { expected, actual }).error,
    exists: (id: string) => runError('run.exists', { id }).error,
  } satisfies InstanceKind<ScenarioRecord> & Record<string, unknown>;
  return kind;
}

/**
 * The scenario kind {@link createScenarioKind} returns.
 *
 * @example
 * ```ts
 * import type { ScenarioKind } from '@zhizhi/core/scenario';
 * const deployOf = (k: ScenarioKind) => k.deploy;
 * ```
 */
export type ScenarioKind = ReturnType<typeof createScenarioKind>;
