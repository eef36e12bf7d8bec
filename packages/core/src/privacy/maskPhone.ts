import { PII_MASK } from './piiMask.js';

/**
 * A phone number with its middle hidden: the first 3 and the last 4 digits stay
 * (`138****5678`); anything shorter than 8 characters becomes {@link PII_MASK}.
 *
 * @example
 * ```ts
 * import { maskPhone } from '@zhizhi/core/privacy';
 * maskPhone('13812345678'); // '138****5678'
 * ```
 */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return PII_MASK;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
