import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseStatus } from '../case/caseStatus.js';
import type { CheckInQuery, CheckInRecord } from '../duty/CheckInRecord.js';
import type { SectionId } from '../org/roles.js';
import type { Change, ChangeFilter } from '../runtime/Change.js';
import type { Handoff, HandoffFailure } from '../runtime/Handoff.js';
import type { Commit, DefinitionRecord, InstanceRecord, Notification } from './caseRecord.js';
import type { Timer } from './Timer.js';

/**
 * What {@link Store.query} and `Engine.list` filter by. `overdue` needs `now`. Results come in
 * creation order; pass the previous page's `cursor` (from `Store.page`) to go on.
 *
 * @example
 * ```ts
 * import type { CaseQuery } from '@zhizhi/core/runtime';
 * const q: CaseQuery = { townId: 'qj-sj', status: ['assigned', 'inProgress'], overdue: true, now: Date.now() };
 * ```
 */
export interface CaseQuery {
  /** `case` (default) or `scenario`. */
  kind?: 'case' | 'scenario';
  townId?: string;
  status?: CaseStatus | CaseStatus[] | string | string[];
  section?: SectionId;
  overdue?: boolean;
  now?: number;
  limit?: number;
  /** Where the previous page ended (opaque). */
  cursor?: string;
}

/**
 * A page of records and the cursor of the next page (`null` at the end).
 *
 * @example
 * ```ts
 * import type { CaseRecord } from '@zhizhi/core';
 * import type { Page } from '@zhizhi/core/runtime';
 * const more = (p: Page<CaseRecord>) => p.cursor !== null;
 * ```
 */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * Thrown by a store when a commit's `expectedVersion` is not the stored version (someone else
 * changed the instance first), or when the hand-off it `delivers` was already delivered
 * (`actual` is then -1). The runtime turns it into a typed error.
 *
 * @example
 * ```ts
 * import { StoreConflict } from '@zhizhi/core/runtime';
 * new StoreConflict('c1', 3, 4).actual; // 4
 * ```
 */
export class StoreConflict extends Error {
  constructor(
    readonly caseId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Instance ${caseId}: expected version ${expected}, found ${actual}`);
    this.name = 'StoreConflict';
  }
}

/**
 * Where the runtime keeps instances (cases, scenario instances), their audit trails, durable
 * timers, the outbox (notifications and hand-offs), the change feed and deployed scenario
 * definitions. Every method may be asynchronous (a database); `commit` is atomic, checks the
 * version (optimistic concurrency) and gives the change its feed sequence number; timers are
 * claimed before firing so that any number of runtimes sharing a store fire each one once.
 * Core ships {@link MemoryStore}; `@zhizhi/server` adds PostgreSQL.
 *
 * @example
 * ```ts
 * import { MemoryStore, type Store } from '@zhizhi/core/runtime';
 * const store: Store = new MemoryStore();
 * ```
 */
export interface Store {
  /**
   * Applies a commit atomically and returns its change-feed sequence number, or throws
   * {@link StoreConflict} and changes nothing.
   */
  commit(commit: Commit): Promise<number>;
  load(caseId: string): Promise<InstanceRecord | undefined>;
  auditTrail(caseId: string): Promise<AuditEntry[]>;
  timersOf(caseId: string): Promise<Timer[]>;
  /** Timers due at `now`, earliest first, that nobody holds a live claim on (of one kind, if given). */
  dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]>;
  /** Claims a timer until `until`; true for exactly one claimant while the claim lives. */
  claimTimer(timerId: string, claimant: string, now: number, until: number): Promise<boolean>;
  /** Records matching the query, in creation order (scenario instances with `kind: 'scenario'`). */
  query(query: CaseQuery): Promise<InstanceRecord[]>;
  /** One page of `query`'s results and the cursor of the next. */
  page(query: CaseQuery): Promise<Page<InstanceRecord>>;
  pendingNotifications(limit: number): Promise<Notification[]>;
  markDelivered(ids: string[], at: number): Promise<void>;
  /** Hand-offs not yet delivered, oldest first. */
  pendingHandoffs(limit: number): Promise<Handoff[]>;
  /** Records a refused hand-off as done (once: false if it was no longer pending). */
  failHandoff(failure: HandoffFailure): Promise<boolean>;
  /** Hand-offs the targets refused, oldest first. */
  handoffFailures(): Promise<HandoffFailure[]>;
  /** Committed changes after `seq`, in commit order, that pass the filter (at most `limit`). */
  changesSince(seq: number, filter?: ChangeFilter, limit?: number): Promise<Change[]>;
  /** The sequence number of the latest commit (0 before any). */
  lastSeq(): Promise<number>;
  /** Stores a scenario definition; false if `id@version` is already stored (it is not replaced). */
  putDefinition(definition: DefinitionRecord): Promise<boolean>;
  /** The definition `id@version`, or the latest deployed version of `id`. */
  definition(id: string, version?: string): Promise<DefinitionRecord | undefined>;
  /** Every stored definition, in deployment order. */
  definitions(): Promise<DefinitionRecord[]>;
  // ── check-ins (打卡): append-only facts beside the instances, not in the change feed ──
  /** Stores a check-in; false if one with its `id` is already stored (it is not replaced). */
  putCheckIn(record: CheckInRecord): Promise<boolean>;
  /** One page of the check-ins matching the query, in the order they were stored. */
  checkIns(query: CheckInQuery): Promise<Page<CheckInRecord>>;
}
