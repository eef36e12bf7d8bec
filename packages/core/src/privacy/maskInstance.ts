import type { ScenarioRecord } from '../engine/caseRecord.js';
import { maskFields } from './maskFields.js';

/**
 * A scenario instance as a member may read it: the values of the fields its scenario marks
 * `pii` (see `piiFieldsOf`) masked in `context.data`. The same record when there is nothing
 * to mask. Only unmasking (recorded in the access log) shows them in clear.
 *
 * @example
 * ```ts
 * import { maskInstance, piiFieldsOf } from '@zhizhi/core/privacy';
 * // maskInstance(record, piiFieldsOf(doc)).context.data.elderName → '***'
 * ```
 */
export function maskInstance(record: ScenarioRecord, pii: ReadonlySet<string>): ScenarioRecord {
  const data = maskFields(record.context.data, pii);
  if (data === record.context.data) return record;
  return { ...record, context: { ...record.context, data } };
}
