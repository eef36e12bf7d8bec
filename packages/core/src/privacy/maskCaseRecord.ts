import type { CaseRecord } from '../engine/caseRecord.js';
import type { Member } from '../org/orgSchema.js';
import { maskFreeText } from './maskFreeText.js';
import { maskReporterContact } from './maskReporterContact.js';

/**
 * A case as a member may read it: the reporter's contact details (`context.reporter`) masked,
 * and the phone and ID-card numbers written in its title, description and address masked
 * ({@link maskFreeText}), except for the reporter themself. The same record when there is
 * nothing to mask.
 *
 * Read paths mask for everyone else, including the members {@link maySeePersonalData} allows:
 * they see the clear values only by unmasking, which leaves an entry in the access log — so
 * every disclosure to someone other than the person concerned is on record.
 *
 * @example
 * ```ts
 * import { maskCaseRecord } from '@zhizhi/core/privacy';
 * // maskCaseRecord(record, dutyOfficer).context.reporter?.phone → '138****5678'
 * // maskCaseRecord(record, dutyOfficer).context.title → '王大爷 138****5678 家漏水'
 * ```
 */
export function maskCaseRecord(record: CaseRecord, viewer: Pick<Member, 'id'>): CaseRecord {
  const c = record.context;
  if (c.reporterId === viewer.id) return record;
  const title = maskFreeText(c.title);
  const description = maskFreeText(c.description);
  const address = c.location?.address;
  const maskedAddress = address === undefined ? undefined : maskFreeText(address);
  if (
    !c.reporter &&
    title === c.title &&
    description === c.description &&
    maskedAddress === address
  )
    return record;
  return {
    ...record,
    context: {
      ...c,
      title,
      description,
      ...(c.reporter ? { reporter: maskReporterContact(c.reporter) } : {}),
      ...(c.location && maskedAddress !== undefined
        ? { location: { ...c.location, address: maskedAddress } }
        : {}),
    },
  };
}
