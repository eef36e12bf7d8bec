import { type ChainVerdict, sealAuditEntry, verifyAuditChain } from '../audit/auditChain.js';
import type { AuditEntry } from '../audit/auditEntry.js';
import { authorizeCaseEvent } from '../case/authorizeCaseEvent.js';
import { type CaseContext, type CaseReport, reportSchema } from '../case/caseContext.js';
import type { CaseCommand, CaseEvent } from '../case/caseEventSchemas.js';
import type { NotificationIntent } from '../case/caseNotifications.js';
import type { CaseStatus } from '../case/caseStatus.js';
import { createCaseMachine } from '../case/createCaseMachine.js';
import { type CaseStepper, createCaseStepper } from '../case/createCaseStepper.js';
import { initialCaseContext } from '../case/initialCaseContext.js';
import { parseCaseCommand, zodIssueError } from '../case/parseCaseCommand.js';
import { checkTarget } from '../duty/checkRouting.js';
import type { DutyLists } from '../duty/dutyListsSchema.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import { type Directory, SYSTEM_ACTOR_ID } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';
import { nextSlaTimer, type SlaTimer, slaDueAt } from '../sla/slaTimer.js';
import type { CaseRecord, Notification, PersistedCase } from './caseRecord.js';
import { type Clock, systemClock } from './clock.js';
import { MemoryStore } from './MemoryStore.js';
import { type CaseQuery, type Store, StoreConflict } from './Store.js';
import type { StepTimer } from './Timer.js';

/**
 * The default SLA policy: accept within 30 minutes, acknowledge within 1 hour, resolve
 * within 3 days; supervision climbs to the commander 2 hours after a missed deadline.
 *
 * @example
 * ```ts
 * import { defaultSlaPolicy } from '@zhizhi/core';
 * defaultSlaPolicy.defaults.resolve; // 'P3D'
 * ```
 */
export const defaultSlaPolicy: SlaPolicy = {
  defaults: { accept: 'PT30M', acknowledge: 'PT1H', resolve: 'P3D' },
  escalateAfter: 'PT2H',
  categories: [],
};

/**
 * What the Engine needs (check untrusted configuration first with `checkConfig` from
 * `@zhizhi/core/config`; the Engine trusts what it is given): the org directory; optionally a store (default in-memory), a clock
 * (default the system's), an SLA policy, the routing duty lists, an id generator for new cases
 * and the claimant name this process uses when it claims timers.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock, type EngineOptions } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const options: EngineOptions = { directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-03-02T09:00:00+08:00') };
 * ```
 */
export interface EngineOptions {
  directory: Directory;
  store?: Store;
  clock?: Clock;
  slaPolicy?: SlaPolicy;
  dutyLists?: DutyLists;
  newId?: () => string;
  claimant?: string;
  /** How long a claimed timer stays claimed if its firing does not commit (ms). Default 60 s. */
  timerLeaseMs?: number;
}

/**
 * What `report`, `send` and `restore` return: the case after the change with the audit entry
 * and notifications it produced, or a typed error (and nothing changed).
 *
 * @example
 * ```ts
 * import type { EngineResult } from '@zhizhi/core';
 * const statusOf = (r: EngineResult) => (r.ok ? r.record.status : r.error.code);
 * ```
 */
export type EngineResult =
  | { ok: true; record: CaseRecord; entry: AuditEntry; notifications: Notification[] }
  | { ok: false; error: CaseError };

/**
 * What subscribers hear after every applied change.
 *
 * @example
 * ```ts
 * import type { EngineChange } from '@zhizhi/core';
 * const log = (c: EngineChange) => console.log(c.entry.event, c.record.status);
 * ```
 */
export interface EngineChange {
  record: CaseRecord;
  entry: AuditEntry;
  notifications: Notification[];
}

/**
 * Hosts any number of cases on a {@link Store}: reports open them, `send` applies events
 * through the case machine (validated, authorised, audited in a hash chain, version-checked),
 * and `tick` fires SLA timers that are due. Cases are rows, not live actors; every change is
 * one atomic commit of record + audit entry + timers + outbox.
 *
 * @example
 * ```ts
 * import { Engine, Directory, SimulatedClock } from '@zhizhi/core';
 * import { sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
 * const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
 * const engine = new Engine({ directory: new Directory(sampleOrg), clock, slaPolicy: sampleSlaPolicy });
 * const opened = await engine.report({ gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker',
 *   category: 'riverPollution', severity: 'medium', title: '雨污混流' });
 * if (opened.ok) await engine.send(opened.record.id, { type: 'ACCEPT', by: 'qj-sj-duty' });
 * ```
 */
export class Engine {
  readonly directory: Directory;
  readonly store: Store;
  readonly clock: Clock;
  readonly slaPolicy: SlaPolicy;
  readonly dutyLists: DutyLists | undefined;
  readonly #stepper: CaseStepper;
  readonly #newId: () => string;
  readonly #claimant: string;
  readonly #leaseMs: number;
  readonly #listeners = new Set<(change: EngineChange) => void>();
  #stepTimers: ((timer: StepTimer) => Promise<{ ok: boolean }>) | undefined;

  constructor(options: EngineOptions) {
    this.directory = options.directory;
    this.store = options.store ?? new MemoryStore();
    this.clock = options.clock ?? systemClock;
    this.slaPolicy = options.slaPolicy ?? defaultSlaPolicy;
    this.dutyLists = options.dutyLists;
    this.#stepper = createCaseStepper(
      createCaseMachine({ directory: this.directory, dutyLists: this.dutyLists }),
    );
    this.#newId = options.newId ?? defaultId;
    this.#claimant = options.claimant ?? `engine-${defaultId()}`;
    this.#leaseMs = options.timerLeaseMs ?? 60_000;
  }

  /**
   * Opens a case from a report. It rests in `gridHandling` (the reporter, one of the grid's
   * crew, handles it there), `intake`, or — when the report names a `lead` — `assigned`: a
   * duty officer or commander of the town may open and dispatch at once (one-click dispatch),
   * and so may a scenario host, which reports as the system (`options.asSystem`, never from
   * input) with the step that opened it as `origin`. A reporter may report only inside their
   * own unit (their grid, community, town or district).
   */
  async report(input: unknown, options: { asSystem?: boolean } = {}): Promise<EngineResult> {
    const parsed = reportSchema.safeParse(input);
    if (!parsed.success) return fail(zodIssueError(parsed.error));
    const report: CaseReport = parsed.data;
    const reporter = this.directory.member(report.reporterId);
    if (!reporter || (reporter.role === 'system') !== (options.asSystem === true)) {
      return fail(caseError('actor.unknown', { actorId: report.reporterId }, ['reporterId']));
    }
    const now = this.clock.now();
    const id = report.id ?? this.#newId();
    const context = initialCaseContext(
      this.directory,
      this.slaPolicy,
      { ...report, id },
      reporter,
      now,
    );
    if (!context) {
      return fail(
        caseError('payload.invalid', { path: 'gridId', rule: 'unknown grid' }, ['gridId']),
      );
    }
    // Reporters report inside their own unit; only the grid's crew handle on the grid; only the
    // command center (or a scenario host) opens a case already dispatched.
    const reach = reporter.postId ? this.directory.post(reporter.postId)?.townId : reporter.unitId;
    const place = [context.gridId, context.communityId, context.townId, context.districtId];
    const crew = ['gridWorker', 'partTimeGridWorker', 'gridChief'].includes(reporter.role);
    const center = ['dutyOfficer', 'commander', 'system'].includes(reporter.role);
    const scope =
      reporter.role !== 'system' && !place.includes(reach as string)
        ? 'unit'
        : report.handleOnGrid && !(crew && reporter.unitId === context.gridId)
          ? 'grid'
          : report.lead && !center
            ? 'town'
            : null;
    if (scope) {
      return fail(caseError('actor.outsideScope', { actorId: reporter.id, scope }, ['reporterId']));
    }
    if (report.lead) {
      const targets = [report.lead, ...(report.coHandlers ?? [])];
      for (const [i, t] of targets.entries()) {
        const path = i === 0 ? ['lead'] : ['coHandlers', i - 1];
        const refusal = checkTarget(this.directory, this.dutyLists, context, t, i === 0, path);
        if (refusal) return fail(refusal);
      }
    }
    const step = this.#stepper.initial(context);
    // Everything but id, reporter and title (the note): a restore replays the trail from here.
    const { id: _id, reporterId: _by, title, ...data } = report;
    return this.#commit(undefined, reporter, 'REPORT', now, step.status, step.context, {
      note: title,
      data,
      intents: step.notifications,
    });
  }

  /**
   * Sends an event to a case as the member named in `by`. Untrusted input is fine: it is
   * validated, authorised and either applied once or refused with a typed error. Pass
   * `expectedVersion` to refuse the event if the case changed since you read it.
   */
  async send(
    caseId: string,
    input: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<EngineResult> {
    const parsed = parseCaseCommand(input);
    if (!parsed.ok) return fail(parsed.error);
    if (parsed.command.by === SYSTEM_ACTOR_ID) {
      return fail(
        caseError(
          'actor.roleNotAllowed',
          { role: 'system', type: parsed.command.type, status: '*' },
          ['by'],
        ),
      );
    }
    return this.#apply(caseId, parsed.command, options.expectedVersion);
  }

  async #apply(
    caseId: string,
    command: CaseCommand,
    expectedVersion?: number,
  ): Promise<EngineResult> {
    const record = await this.get(caseId);
    if (!record) return fail(caseError('case.notFound', { caseId }));
    if (expectedVersion !== undefined && expectedVersion !== record.version) {
      return fail(
        caseError('store.conflict', { expected: expectedVersion, actual: record.version }),
      );
    }
    const refusal = authorizeCaseEvent(
      this.directory,
      this.dutyLists,
      record.status,
      record.context,
      command,
    );
    if (refusal) return fail(refusal);
    if (command.type === 'MERGE') {
      const into = await this.get(command.intoCaseId);
      const why = !into
        ? 'not found'
        : into.townId !== record.townId
          ? 'another town'
          : into.status === 'closed'
            ? 'closed'
            : null;
      if (why)
        return fail(
          caseError('case.mergeTarget', { intoCaseId: command.intoCaseId, why }, ['intoCaseId']),
        );
    }
    const at = Math.max(this.clock.now(), record.updatedAt);
    // Not `{ ...command, at }`: a spread plus a new key gives every event its own hidden class,
    // which makes each property access on events (guards, assign, notify) megamorphic.
    const event = Object.assign({}, command) as CaseEvent;
    event.at = at;
    const step = this.#stepper.next(record.status, record.context, event);
    if (!step.changed) {
      return fail(caseError('event.wrongState', { type: command.type, status: record.status }));
    }
    const member = this.directory.member(command.by) as Member;
    const { type: _t, by: _b, ...payload } = command as CaseCommand & Record<string, unknown>;
    const noteKey = (['note', 'reason', 'result', 'plan'] as const).find(
      (k) => typeof payload[k] === 'string',
    );
    const note = noteKey ? (payload[noteKey] as string) : null;
    if (noteKey) delete payload[noteKey];
    return this.#commit(record, member, command.type, at, step.status, step.context, {
      note,
      data: Object.keys(payload).length > 0 ? payload : null,
      intents: step.notifications,
    });
  }

  async #commit(
    previous: CaseRecord | undefined,
    actor: Member,
    event: string,
    at: number,
    status: CaseStatus,
    context: CaseContext,
    detail: {
      note: string | null;
      data: Record<string, unknown> | null;
      intents: NotificationIntent[];
    },
  ): Promise<EngineResult> {
    const entry = sealAuditEntry(
      previous ? ({ seq: previous.version, hash: previous.lastHash } as AuditEntry) : undefined,
      {
        at,
        actorId: actor.id,
        role: actor.role,
        event,
        from: previous?.status ?? null,
        to: status,
        note: detail.note,
        data: detail.data,
      },
    );
    const record: CaseRecord = {
      kind: 'case',
      id: context.id,
      townId: context.townId,
      status,
      version: entry.seq,
      context,
      slaDueAt: slaDueAt(this.slaPolicy, status, context),
      lastHash: entry.hash,
      updatedAt: at,
    };
    const notifications = detail.intents.map(
      (intent, i): Notification => ({
        id: [record.id, entry.seq, i].join(':'), // flat, not a rope of 5 pieces
        caseId: record.id,
        townId: record.townId,
        seq: entry.seq,
        at,
        title: context.title,
        deliveredAt: null,
        topic: intent.topic,
        to: intent.to,
      }),
    );
    const timer = nextSlaTimer(this.slaPolicy, status, context);
    try {
      await this.store.commit({
        record,
        expectedVersion: previous?.version ?? 0,
        entries: [entry],
        timers: timer ? [timer] : [],
        notifications,
      });
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      return fail(
        previous
          ? caseError('store.conflict', { expected: error.expected, actual: error.actual })
          : caseError('case.exists', { caseId: record.id }),
      );
    }
    const change = { record, entry, notifications };
    for (const listener of this.#listeners) listener(change);
    return { ok: true, ...change };
  }

  /** The case as stored now, or `undefined` (also for a scenario instance's id). */
  async get(caseId: string): Promise<CaseRecord | undefined> {
    const record = await this.store.load(caseId);
    return record?.kind === 'case' ? record : undefined;
  }

  /** The case's full audit trail, oldest first. */
  auditTrail(caseId: string): Promise<AuditEntry[]> {
    return this.store.auditTrail(caseId);
  }

  /** Cases by town, status, section, or overdue (`now` defaults to the Engine's clock). */
  async list(query: Omit<CaseQuery, 'kind'> = {}): Promise<CaseRecord[]> {
    const records = await this.store.query(
      query.overdue === undefined ? query : { now: this.clock.now(), ...query },
    );
    return records.filter((r): r is CaseRecord => r.kind === 'case');
  }

  /**
   * Lets a scenario host (`ScenarioEngine` of `@zhizhi/core/scenario`) fire the step timers of
   * its instances from this Engine's `tick`, so one tick drives cases and scenarios alike.
   */
  handleStepTimers(handler: (timer: StepTimer) => Promise<{ ok: boolean }>): void {
    this.#stepTimers = handler;
  }

  /** Calls `listener` after every applied change; returns the unsubscribe function. */
  subscribe(listener: (change: EngineChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Fires every SLA timer due at the clock's time, earliest first, each once (claimed in the
   * store first): each firing is an `SLA_OVERDUE` event sent by the system, which records
   * supervision (督办) and notifies the section lead, then the commander. A timer that was due
   * while nothing ran fires on the first tick after.
   */
  async tick(): Promise<{ fired: number; results: EngineResult[] }> {
    const results: EngineResult[] = [];
    let steps = 0;
    for (let round = 0; round < 1000; round++) {
      const now = this.clock.now();
      // without a scenario host, step timers are not ours: ask for SLA timers only, so that
      // unhandled step timers cannot crowd them out of the batch
      const due = await this.store.dueTimers(now, 100, this.#stepTimers ? undefined : 'sla');
      if (due.length === 0) break;
      let progressed = false;
      for (const timer of due) {
        if (!(await this.store.claimTimer(timer.id, this.#claimant, now, now + this.#leaseMs))) {
          continue;
        }
        if (!('step' in timer)) results.push(await this.#fire(timer));
        else if ((await this.#stepTimers?.(timer))?.ok) steps += 1;
        progressed = true;
      }
      if (!progressed) break;
    }
    return { fired: results.filter((r) => r.ok).length + steps, results };
  }

  #fire(timer: SlaTimer): Promise<EngineResult> {
    return this.#apply(timer.caseId, {
      type: 'SLA_OVERDUE',
      by: SYSTEM_ACTOR_ID,
      clock: timer.clock,
      level: timer.level,
      dueAt: timer.dueAt,
    });
  }

  /** Recomputes the case's audit hash chain. */
  async verify(caseId: string): Promise<ChainVerdict> {
    const [record, trail] = await Promise.all([
      this.store.load(caseId),
      this.store.auditTrail(caseId),
    ]);
    if (!record) return { ok: false, brokenAt: 0 };
    const verdict = verifyAuditChain(trail);
    if (verdict.ok && (record.version !== trail.length || record.lastHash !== trail.at(-1)?.hash)) {
      return { ok: false, brokenAt: Math.min(record.version, trail.length) + 1 };
    }
    return verdict;
  }

  /** Exports a case (record, audit trail, timers) as plain JSON-safe data. */
  async persist(caseId: string): Promise<PersistedCase | undefined> {
    const record = await this.get(caseId);
    if (!record) return undefined;
    const [audit, timers] = await Promise.all([
      this.store.auditTrail(caseId),
      this.store.timersOf(caseId),
    ]);
    return { record, audit, timers };
  }
}

function fail(error: CaseError): EngineResult {
  return { ok: false, error };
}

/** Time-ordered, collision-safe enough for one store: base-36 time + 10 random digits. */
function defaultId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
