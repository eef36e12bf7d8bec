import type { Member } from '../org/orgSchema.js';
import type { Change } from '../runtime/Change.js';
import { maskAuditEntry } from './maskAuditEntry.js';
import { maskFields } from './maskFields.js';
import { maskFreeText } from './maskFreeText.js';

/**
 * A change of the feed as a member may read it: its audit entry masked as
 * {@link maskAuditEntry} does, the phone and ID-card numbers in its notifications' titles masked
 * (a title quotes the case's), and the `pii` field values its notifications carry masked.
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
  if (notifications.length > 0) {
    let changed = false;
    const next = notifications.map((n) => {
      const title = maskFreeText(n.title);
      const fields = pii.size > 0 && n.fields ? maskFields(n.fields, pii) : n.fields;
      if (title === n.title && fields === n.fields) return n;
      changed = true;
      return { ...n, title, ...(fields ? { fields } : {}) };
    });
    if (changed) notifications = next;
  }
  if (entry === change.entry && notifications === change.notifications) return change;
  return { ...change, entry, notifications };
}
