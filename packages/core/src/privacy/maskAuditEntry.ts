import type { AuditEntry } from '../audit/auditEntry.js';
import type { Member } from '../org/orgSchema.js';
import { maskFields } from './maskFields.js';
import { maskFreeText } from './maskFreeText.js';
import { maskReporterContact } from './maskReporterContact.js';
import type { ReporterContact } from './reporterContactSchema.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The free-text fields of an entry's data (a report's, a note's, a resolution's, a refusal's). */
const FREE_TEXT = ['title', 'description', 'note', 'result', 'reason'] as const;

/** The data's free text with phone and ID-card numbers masked (the same object if none). */
function maskDataText(data: Record<string, unknown>): Record<string, unknown> {
  let out = data;
  const put = (key: string, value: unknown) => {
    if (out === data) out = { ...data };
    out[key] = value;
  };
  for (const key of FREE_TEXT) {
    const v = data[key];
    if (typeof v !== 'string') continue;
    const m = maskFreeText(v);
    if (m !== v) put(key, m);
  }
  const loc = data.location;
  if (isObject(loc) && typeof loc.address === 'string') {
    const m = maskFreeText(loc.address);
    if (m !== loc.address) put('location', { ...loc, address: m });
  }
  return out;
}

/**
 * An audit entry as a member may read it: a report's contact details (`data.reporter`) and the
 * phone and ID-card numbers written in its note and free text (`note`; `data.title`,
 * `description`, `note`, `result`, `reason`, `location.address`) masked unless the reader is the
 * entry's actor (who wrote them), and the values of `pii` fields a scenario command carried
 * (`data.data`) masked. A masked entry keeps its `hash`
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
  const own = entry.actorId === viewer.id;
  const note = !own && typeof entry.note === 'string' ? maskFreeText(entry.note) : entry.note;
  const data = entry.data;
  if (!data) return note === entry.note ? entry : { ...entry, note };
  let masked: Record<string, unknown> = own ? data : maskDataText(data);
  if (isObject(data.reporter) && !own) {
    masked = { ...masked, reporter: maskReporterContact(data.reporter as ReporterContact) };
  }
  if (pii.size > 0 && isObject(data.data)) {
    const fields = maskFields(data.data, pii);
    if (fields !== data.data) masked = { ...masked, data: fields };
  }
  if (masked === data && note === entry.note) return entry;
  return { ...entry, note, data: masked };
}
