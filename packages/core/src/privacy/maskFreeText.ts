import { maskIdCard } from './maskIdCard.js';
import { maskPhone } from './maskPhone.js';

/** 18-character ID-card numbers (17 digits and a digit or X), not inside a longer run. */
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/**
 * Mainland mobile numbers, optionally after +86 and split by spaces or hyphens (3-4-4), not
 * inside a longer run of letters and digits (a hex id, an idempotency key, a device serial).
 */
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])/g;

/**
 * Free text (a case's title or description, a note in its audit trail, a check-in's note) with
 * the personal numbers written in it masked: 18-character ID-card numbers (`1101**********002X`)
 * and mainland mobile numbers `1[3-9]\d{9}` (`138****5678`, also after `+86` or written
 * `138 1234 5678` / `138-1234-5678`). Numbers inside longer runs of letters and digits (a hex
 * id, a serial number) are left alone; beside Chinese text or punctuation they are masked.
 * The same string when there is nothing to mask.
 *
 * @example
 * ```ts
 * import { maskFreeText } from '@zhizhi/core/privacy';
 * maskFreeText('王大爷 13812345678，身份证 11010519491231002X');
 * // '王大爷 138****5678，身份证 1101**********002X'
 * ```
 */
export function maskFreeText(text: string): string {
  if (!/\d{11}|\d[ -]\d{4}[ -]\d{4}/.test(text)) return text;
  return text
    .replace(ID_CARD, (id) => maskIdCard(id))
    .replace(MOBILE, (phone) => {
      const digits = phone.replace(/\D/g, '').slice(-11);
      return maskPhone(digits);
    });
}
