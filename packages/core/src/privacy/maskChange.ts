import type { Member } from '../org/orgSchema.js';
import type { Change } from '../runtime/Change.js';
import { maskAuditEntry } from './maskAuditEntry.js';
import { maskFields } from './maskFields.js';

/**
 * A change of the feed as a member may read it: its audit entry masked as
 * {@link maskAuditEntry} does, and the `pii` field values its notifications carry masked.
 * `pii` is the scenario's personal fields for a scenario instance's change (empty for a case).
 *
 * @example
 * ```ts
 * import { maskChange } from '@zhizhi/core/privacy';
 * // maskChange(change, viewer, piiFieldsOf(doc))
 * ```
 */
export function maskChange(
  change: Change,
  viewer: Pick<Member, 'id'>,
  pii: ReadonlySet<string> = new Set(),
): Change {
  const entry = maskAuditEntry(change.entry, viewer, pii);
  let notifications = change.notifications;
  if (pii.size > 0 && notifications.some((n) => n.fields)) {
    notifications = notifications.map((n) => {
      if (!n.fields) return n;
      const fields = maskFields(n.fields, pii);
      return fields === n.fields ? n : { ...n, fields };
    });
  }
  if (entry === change.entry && notifications === change.notifications) return change;
  return { ...change, entry, notifications };
}
