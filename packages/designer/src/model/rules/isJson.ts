/**
 * Whether `value` is plain JSON data: finite numbers, strings, booleans, null, arrays and
 * plain objects, without cycles, at most 64 levels deep.
 *
 * @internal
 * @example
 * ```ts
 * isJson({ a: [1, 'x', null] }); // true
 * isJson({ a: Number.NaN }); // false
 * ```
 */
export function isJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.entries(value).every(
    ([k, v]) => k !== '__proto__' && v !== undefined && isJson(v, depth + 1),
  );
}
