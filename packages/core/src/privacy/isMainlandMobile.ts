/**
 * Whether a string is a mainland China mobile number: 11 digits, `1`, then `3`–`9`.
 *
 * @example
 * ```ts
 * import { isMainlandMobile } from '@zhizhi/core/privacy';
 * isMainlandMobile('13812345678'); // true
 * isMainlandMobile('+8613812345678'); // false: digits only
 * ```
 */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}
