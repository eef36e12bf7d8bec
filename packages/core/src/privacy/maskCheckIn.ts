import type { CheckInRecord } from '../duty/CheckInRecord.js';
import type { Member } from '../org/orgSchema.js';
import { maskFreeText } from './maskFreeText.js';

/**
 * A check-in as a member may read it: the phone and ID-card numbers written in its note and
 * address masked ({@link maskFreeText}), except for the worker who checked in. The same record
 * when there is nothing to mask.
 *
 * @example
 * ```ts
 * import { maskCheckIn } from '@zhizhi/core/privacy';
 * // maskCheckIn(record, gridChief).note → '回访王大爷（138****5678）'
 * ```
 */
export function maskCheckIn(record: CheckInRecord, viewer: Pick<Member, 'id'>): CheckInRecord {
  if (record.workerId === viewer.id) return record;
  const note = record.note === undefined ? undefined : maskFreeText(record.note);
  const address = record.location?.address;
  const maskedAddress = address === undefined ? undefined : maskFreeText(address);
  if (note === record.note && maskedAddress === address) return record;
  return {
    ...record,
    ...(note !== undefined ? { note } : {}),
    ...(record.location && maskedAddress !== undefined
      ? { location: { ...record.location, address: maskedAddress } }
      : {}),
  };
}
