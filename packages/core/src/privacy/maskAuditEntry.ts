import type { AuditEntry } from '../audit/auditEntry.js';
import type { Member } from '../org/orgSchema.js';
import { maskFields } from './maskFields.js';
import { maskReporterContact } from './maskReporterContact.js';
import type { ReporterContact } from './reporterContactSchema.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An audit entry as a member may read it: a report's contact details (`data.reporter`)
 * masked unless the reader is the entry's actor (the reporter), and the values of `pii`
 * fields a scenario command carried (`data.data`) masked. A masked entry keeps its `hash`
 * but no longer hashes to it: verify trails on the server (`/audit/verify`), or unmask first.
 *
 * @example
 * ```ts
 * import { maskAuditEntry } from '@zhizhi/core/privacy';
 * // maskAuditEntry(reportEntry, dutyOfficer).data.reporter.phone → '138****5678'
 * ```
 */
export function maskAuditEntry(
  entry: AuditEntry,
  viewer: Pick<Member, 'id'>,
  pii: ReadonlySet<string> = new Set(),
): AuditEntry {
  const data = entry.data;
  if (!data) return entry;
  let masked: Record<string, unknown> = data;
  if (isObject(data.reporter) && entry.actorId !== viewer.id) {
    masked = { ...masked, reporter: maskReporterContact(data.reporter as ReporterContact) };
  }
  if (pii.size > 0 && isObject(data.data)) {
    const fields = maskFields(data.data, pii);
    if (fields !== data.data) masked = { ...masked, data: fields };
  }
  return masked === data ? entry : { ...entry, data: masked };
}
