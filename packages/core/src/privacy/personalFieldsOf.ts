import type { InstanceRecord } from '../engine/caseRecord.js';

/**
 * The paths of the personal values a record holds now (what unmasking it discloses, for the
 * access log): `reporter.name`, `reporter.phone`, `reporter.idCard` of a case; `data.<field>`
 * of an instance's `pii` fields.
 *
 * @example
 * ```ts
 * import { personalFieldsOf } from '@zhizhi/core/privacy';
 * // personalFieldsOf(caseRecord) → ['reporter.phone', 'reporter.idCard']
 * ```
 */
export function personalFieldsOf(
  record: InstanceRecord,
  pii: ReadonlySet<string> = new Set(),
): string[] {
  if (record.kind === 'case') {
    const contact = record.context.reporter;
    if (!contact) return [];
    return (['name', 'phone', 'idCard'] as const)
      .filter((k) => contact[k] !== undefined)
      .map((k) => `reporter.${k}`);
  }
  return Object.keys(record.context.data)
    .filter((k) => pii.has(k) && record.context.data[k] !== null)
    .map((k) => `data.${k}`);
}
