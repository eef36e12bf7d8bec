import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseStatus } from '../case/caseStatus.js';
import type { SectionId } from '../org/roles.js';
import type { Commit, InstanceRecord, Notification } from './caseRecord.js';
import type { Timer } from './Timer.js';

/**
 * What {@link Store.query} and `Engine.list` filter by. `overdue` needs `now`.
 *
 * @example
 * ```ts
 * import type { CaseQuery } from '@zhizhi/core';
 * const q: CaseQuery = { townId: 'qj-sj', status: ['assigned', 'inProgress'], overdue: true, now: Date.now() };
 * ```
 */
export interface CaseQuery {
  /** `case` (default) or `scenario`. */
  kind?: 'case' | 'scenario';
  townId?: string;
  status?: CaseStatus | CaseStatus[];
  section?: SectionId;
  overdue?: boolean;
  now?: number;
  limit?: number;
}

/**
 * Thrown by a store when a commit's `expectedVersion` is not the stored version: someone else
 * changed the case first. The Engine turns it into a `store.conflict` error.
 *
 * @example
 * ```ts
 * import { StoreConflict } from '@zhizhi/core';
 * new StoreConflict('c1', 3, 4).actual; // 4
 * ```
 */
export class StoreConflict extends Error {
  constructor(
    readonly caseId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Case ${caseId}: expected version ${expected}, found ${actual}`);
    this.name = 'StoreConflict';
  }
}

/**
 * Where the Engine keeps cases. Every method may be asynchronous (a database); `commit` is
 * atomic and checks the version (optimistic concurrency); timers are claimed before firing so
 * that any number of Engines sharing a store fire each one once. Core ships
 * {@link MemoryStore}; `@zhizhi/server` adds PostgreSQL.
 *
 * @example
 * ```ts
 * import { MemoryStore, type Store } from '@zhizhi/core';
 * const store: Store = new MemoryStore();
 * ```
 */
export interface Store {
  /** Applies a commit atomically, or throws {@link StoreConflict} and changes nothing. */
  commit(commit: Commit): Promise<void>;
  load(caseId: string): Promise<InstanceRecord | undefined>;
  auditTrail(caseId: string): Promise<AuditEntry[]>;
  timersOf(caseId: string): Promise<Timer[]>;
  /** Timers due at `now`, earliest first, that nobody holds a live claim on (of one kind, if given). */
  dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]>;
  /** Claims a timer until `until`; true for exactly one claimant while the claim lives. */
  claimTimer(timerId: string, claimant: string, now: number, until: number): Promise<boolean>;
  /** Cases matching the query (scenario instances with `kind: 'scenario'`). */
  query(query: CaseQuery): Promise<InstanceRecord[]>;
  pendingNotifications(limit: number): Promise<Notification[]>;
  markDelivered(ids: string[], at: number): Promise<void>;
}
