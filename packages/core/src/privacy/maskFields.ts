import { PII_MASK } from './piiMask.js';

/**
 * A copy of a field-value object with the values of the personal fields replaced by
 * {@link PII_MASK} (whatever their type: a number or a list is personal data as much as a
 * string); the same object when none of its keys is personal.
 *
 * @example
 * ```ts
 * import { maskFields } from '@zhizhi/core/privacy';
 * maskFields({ heartRate: 150, room: '3-201' }, new Set(['heartRate'])); // { heartRate: '***', room: '3-201' }
 * ```
 */
export function maskFields<T extends Record<string, unknown>>(
  values: T,
  personal: ReadonlySet<string>,
): T {
  if (!Object.keys(values).some((k) => personal.has(k) && values[k] !== null)) return values;
  // fromEntries defines own keys: a `__proto__` key stays a key, never a prototype
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, personal.has(k) && v !== null ? PII_MASK : v]),
  ) as T;
}
