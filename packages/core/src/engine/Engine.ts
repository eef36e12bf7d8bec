import { type ChainVerdict, verifyAuditChain } from '../audit/auditChain.js';
import type { AuditEntry } from '../audit/auditEntry.js';
import { createCaseKind, defaultSlaPolicy } from '../case/createCaseKind.js';
import type { DutyLists } from '../duty/dutyListsSchema.js';
import type { Directory } from '../org/Directory.js';
import { createRuntime, type Runtime, type RuntimeResult } from '../runtime/Runtime.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';
import type { CaseRecord, Notification, PersistedCase } from './caseRecord.js';
import { type Clock, systemClock } from './clock.js';
import { MemoryStore } from './MemoryStore.js';
import type { CaseQuery, Store } from './Store.js';

export { defaultSlaPolicy };

/**
 * What the Engine needs (check untrusted configuration first with `checkConfig` from
 * `@zhizhi/core/config`; the Engine trusts what it is given): the org directory; optionally a store (default in-memory), a clock
 * (default the system's), an SLA policy, the routing duty lists, an id generator for new cases
 * and the claimant name this process uses when it claims timers.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { type EngineOptions } from '@zhizhi/core/runtime';
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
  /** How many cases' newest records the runtime keeps for `send` (see `RuntimeOptions`). */
  recentRecords?: number;
}

/**
 * What `report`, `send` and `restore` return: the case after the change with the audit entry
 * and notifications it produced, or a typed error (and nothing changed).
 *
 * @example
 * ```ts
 * import type { EngineResult } from '@zhizhi/core/runtime';
 * const statusOf = (r: EngineResult) => (r.ok ? r.record.status : r.error.code);
 * ```
 */
export type EngineResult = RuntimeResult<CaseRecord>;

/**
 * What subscribers hear after every applied change.
 *
 * @example
 * ```ts
 * import type { EngineChange } from '@zhizhi/core/runtime';
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
 * one atomic commit of record + audit entry + timers + outbox. A facade over the one
 * {@link Runtime} (`engine.runtime`) with the case kind plugged in; a `ScenarioEngine` built on
 * this Engine plugs the scenario kind into the same runtime.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
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
  /** The runtime this Engine fronts (shared with a `ScenarioEngine` built on it). */
  readonly runtime: Runtime;

  constructor(options: EngineOptions) {
    this.directory = options.directory;
    this.store = options.store ?? new MemoryStore();
    this.clock = options.clock ?? systemClock;
    const kind = createCaseKind({
      directory: this.directory,
      slaPolicy: options.slaPolicy,
      dutyLists: options.dutyLists,
    });
    this.slaPolicy = kind.slaPolicy;
    this.dutyLists = kind.dutyLists;
    this.runtime = createRuntime({
      directory: this.directory,
      store: this.store,
      clock: this.clock,
      kinds: [kind],
      ...(options.newId ? { newId: options.newId } : {}),
      ...(options.claimant ? { claimant: options.claimant } : {}),
      ...(options.timerLeaseMs ? { timerLeaseMs: options.timerLeaseMs } : {}),
      ...(options.recentRecords !== undefined ? { recentRecords: options.recentRecords } : {}),
    });
  }

  /**
   * Opens a case from a report. It rests in `gridHandling` (the reporter, one of the grid's
   * crew, handles it there), `intake`, or — when the report names a `lead` — `assigned`: a
   * duty officer or commander of the town may open and dispatch at once (one-click dispatch).
   * A reporter may report only inside their own unit (their grid, community, town or district).
   * `options.asSystem` (never from input) lets in-process hosts report as the system member;
   * only the runtime's own hand-off links a case to a scenario instance.
   */
  report(input: unknown, options: { asSystem?: boolean } = {}): Promise<EngineResult> {
    return this.runtime.create<CaseRecord>(
      'case',
      input,
      options.asSystem ? { asSystem: true } : undefined,
    );
  }

  /**
   * Sends an event to a case as the member named in `by`. Untrusted input is fine: it is
   * validated, authorised and either applied once or refused with a typed error. Pass
   * `expectedVersion` to refuse the event if the case changed since you read it; `record`, the
   * case as you have just read it from this Engine (`get`, or a result's `record`), saves reading
   * it again (a stale one is re-read; any other object is ignored).
   */
  send(
    caseId: string,
    input: unknown,
    options: { expectedVersion?: number; record?: CaseRecord } = {},
  ): Promise<EngineResult> {
    return this.runtime.send<CaseRecord>('case', caseId, input, options);
  }

  /** The case as stored now, or `undefined` (also for a scenario instance's id). */
  async get(caseId: string): Promise<CaseRecord | undefined> {
    const record = await this.runtime.load(caseId);
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
   * Calls `listener` synchronously after every change this process applies to a case; returns
   * the unsubscribe function. (To follow every process's changes, and resume after a dropped
   * connection, use the change feed: `engine.runtime.subscribe` or a `Client`.)
   */
  subscribe(listener: (change: EngineChange) => void): () => void {
    return this.runtime.onCommit(({ record, entry, notifications }) => {
      if (record.kind === 'case') listener({ record, entry, notifications });
    });
  }

  /**
   * Fires every timer due at the clock's time, earliest first, each once (claimed in the store
   * first): an SLA timer is an `SLA_OVERDUE` event sent by the system, which records
   * supervision (督办) and notifies the section lead, then the commander; a scenario step timer
   * (with a `ScenarioEngine` on this Engine) times its step out. Then delivers any hand-off left
   * in the outbox. A timer that was due while nothing ran fires on the first tick after.
   */
  async tick(): Promise<{ fired: number; results: EngineResult[] }> {
    const { fired, results } = await this.runtime.tick();
    return {
      fired,
      results: results.filter((r): r is EngineResult => !r.ok || r.record.kind === 'case'),
    };
  }

  /** Recomputes the case's audit hash chain. */
  async verify(caseId: string): Promise<ChainVerdict> {
    const [record, trail] = await Promise.all([
      this.store.load(caseId),
      this.store.auditTrail(caseId),
    ]);
    if (!record) return { ok: false, brokenAt: 0 };
    const verdict = verifyAuditChain(trail);
    const last = trail.at(-1);
    if (
      verdict.ok &&
      (record.version !== trail.length ||
        record.lastHash !== last?.hash ||
        record.updatedAt !== last?.at)
    ) {
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
