const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Whether a string is an 18-character resident identity card number (居民身份证号码,
 * GB 11643-1999): 17 digits whose birth date (characters 7–14) is a real date, then the
 * ISO 7064 MOD 11-2 check character (`0`–`9` or an upper-case `X`).
 *
 * @example
 * ```ts
 * import { isResidentIdNumber } from '@zhizhi/core/privacy';
 * isResidentIdNumber('11010519491231002X'); // true
 * isResidentIdNumber('110105194912310021'); // false: wrong check character
 * ```
 */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] === value[17];
}
