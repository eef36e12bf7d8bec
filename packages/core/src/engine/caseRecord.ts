import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseContext } from '../case/caseContext.js';
import type { NotificationIntent } from '../case/caseNotifications.js';
import type { CaseStatus } from '../case/caseStatus.js';
import type { Timer } from '../sla/slaTimer.js';

/**
 * One case as the store keeps it: a plain row, not a live actor. `version` counts the applied
 * events (the report is version 1); `lastHash` is the head of its audit chain; `slaDueAt` is
 * when its running SLA clock falls due (for "overdue" queries).
 *
 * @example
 * ```ts
 * import type { CaseRecord } from '@zhizhi/core';
 * const isOpen = (r: CaseRecord) => r.status !== 'closed';
 * ```
 */
export interface CaseRecord {
  readonly id: string;
  readonly townId: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly context: CaseContext;
  readonly slaDueAt: number | null;
  readonly lastHash: string;
  readonly updatedAt: number;
}

/**
 * An outbound notification in the outbox, written in the same commit as the transition that
 * caused it, for a server to deliver later.
 *
 * @example
 * ```ts
 * import type { Notification } from '@zhizhi/core';
 * const pending = (n: Notification) => n.deliveredAt === null;
 * ```
 */
export interface Notification extends NotificationIntent {
  id: string;
  caseId: string;
  townId: string;
  /** The audit entry that caused it. */
  seq: number;
  at: number;
  title: string;
  deliveredAt: number | null;
}

/**
 * One atomic write: the new record (whose version must follow `expectedVersion`; 0 creates),
 * the audit entries to append, the case's complete set of timers (replacing the old set) and
 * the notifications to add to the outbox.
 *
 * @example
 * ```ts
 * import type { Commit } from '@zhizhi/core';
 * const isCreate = (c: Commit) => c.expectedVersion === 0;
 * ```
 */
export interface Commit {
  record: CaseRecord;
  expectedVersion: number;
  entries: AuditEntry[];
  timers: Timer[];
  notifications: Notification[];
}

/**
 * A case exported with everything needed to resume it elsewhere: its record, its full audit
 * trail and its timers. Plain JSON.
 *
 * @example
 * ```ts
 * import type { PersistedCase } from '@zhizhi/core';
 * const json = (p: PersistedCase) => JSON.stringify(p);
 * ```
 */
export interface PersistedCase {
  record: CaseRecord;
  audit: AuditEntry[];
  timers: Timer[];
}
