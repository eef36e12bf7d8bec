import { PII_MASK } from './piiMask.js';

/**
 * An identity card number with its middle hidden: the first 4 characters (the province and
 * city) and the last 4 stay, the 10 between (district, birth date) become `*`
 * (`1101**********123X`); anything shorter than 10 characters becomes {@link PII_MASK}.
 *
 * @example
 * ```ts
 * import { maskIdCard } from '@zhizhi/core/privacy';
 * maskIdCard('11010519491231002X'); // '1101**********002X'
 * ```
 */
export function maskIdCard(idCard: string): string {
  if (idCard.length < 10) return PII_MASK;
  return `${idCard.slice(0, 4)}${'*'.repeat(idCard.length - 8)}${idCard.slice(-4)}`;
}
