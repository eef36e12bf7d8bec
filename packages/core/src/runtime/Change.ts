import type { AuditEntry } from '../audit/auditEntry.js';
import type { Notification } from '../engine/caseRecord.js';

/**
 * One committed change in the change feed: every commit gets the next sequence number, so a
 * reader that remembers the last `seq` it saw and asks again from there misses nothing and
 * sees nothing twice. Carries the instance's kind, id, town, new version and status, the audit
 * entry and the notifications written in the same commit.
 *
 * @example
 * ```ts
 * import type { Change } from '@zhizhi/core/runtime';
 * const line = (c: Change) => `#${c.seq} ${c.kind} ${c.instanceId} v${c.version} → ${c.status}`;
 * ```
 */
export interface Change {
  seq: number;
  kind: string;
  instanceId: string;
  townId: string;
  version: number;
  status: string;
  entry: AuditEntry;
  notifications: Notification[];
}

/**
 * Which changes a feed reader wants: one town or several, one kind, one instance.
 *
 * @example
 * ```ts
 * import type { ChangeFilter } from '@zhizhi/core/runtime';
 * const mine: ChangeFilter = { townId: ['qj-sj'], kind: 'case' };
 * ```
 */
export interface ChangeFilter {
  townId?: string | readonly string[];
  kind?: string;
  instanceId?: string;
}

/**
 * Whether a change passes a filter.
 *
 * @example
 * ```ts
 * import { matchesChange } from '@zhizhi/core/runtime';
 * // matchesChange(change, { townId: 'qj-sj' })
 * ```
 */
export function matchesChange(change: Change, filter: ChangeFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.kind !== undefined && change.kind !== filter.kind) return false;
  if (filter.instanceId !== undefined && change.instanceId !== filter.instanceId) return false;
  const town = filter.townId;
  if (town === undefined) return true;
  return typeof town === 'string' ? change.townId === town : town.includes(change.townId);
}
