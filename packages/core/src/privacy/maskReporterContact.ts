import { maskIdCard } from './maskIdCard.js';
import { maskPhone } from './maskPhone.js';
import { PII_MASK } from './piiMask.js';
import type { ReporterContact } from './reporterContactSchema.js';

/**
 * A reporter's contact details masked: the phone as `138****5678`, the ID number as
 * `1101**********123X`, the name as {@link PII_MASK}.
 *
 * @example
 * ```ts
 * import { maskReporterContact } from '@zhizhi/core/privacy';
 * maskReporterContact({ name: '王女士', phone: '13812345678' }); // { name: '***', phone: '138****5678' }
 * ```
 */
export function maskReporterContact(contact: ReporterContact): ReporterContact {
  return {
    ...(contact.name !== undefined ? { name: PII_MASK } : {}),
    phone: maskPhone(contact.phone),
    ...(contact.idCard !== undefined ? { idCard: maskIdCard(contact.idCard) } : {}),
  };
}
