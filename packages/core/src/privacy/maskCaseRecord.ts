import type { CaseRecord } from '../engine/caseRecord.js';
import type { Member } from '../org/orgSchema.js';
import { maskReporterContact } from './maskReporterContact.js';

/**
 * A case as a member may read it: the reporter's contact details (`context.reporter`) masked,
 * except for the reporter themself. The same record when there is nothing to mask.
 *
 * Read paths mask for everyone else, including the members {@link maySeePersonalData} allows:
 * they see the clear values only by unmasking, which leaves an entry in the access log — so
 * every disclosure to someone other than the person concerned is on record.
 *
 * @example
 * ```ts
 * import { maskCaseRecord } from '@zhizhi/core/privacy';
 * // maskCaseRecord(record, dutyOfficer).context.reporter?.phone → '138****5678'
 * ```
 */
export function maskCaseRecord(record: CaseRecord, viewer: Pick<Member, 'id'>): CaseRecord {
  const contact = record.context.reporter;
  if (!contact || record.context.reporterId === viewer.id) return record;
  return { ...record, context: { ...record.context, reporter: maskReporterContact(contact) } };
}
