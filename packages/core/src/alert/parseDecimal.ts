/** Optional sign, digits with an optional fraction (or a fraction alone), optional exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a decimal number written as text (a CAP parameter, a coordinate): an optional sign,
 * digits with an optional fraction, an optional exponent (`512.5`, `-3`, `1e-7`). Anything else
 * is `null` — an empty string (which `Number` reads as 0), hexadecimal `0x1F`, binary `0b11`,
 * octal `0o7`, `Infinity`, `NaN`, separators, or a value too large to be finite. The one
 * parser the alert layer reads numbers with.
 *
 * @example
 * ```ts
 * import { parseDecimal } from '@zhizhi/core/alert';
 * parseDecimal('512.5'); // 512.5
 * parseDecimal('0x1F'); // null
 * parseDecimal(''); // null
 * ```
 */
export function parseDecimal(text: string): number | null {
  if (typeof text !== 'string' || text.length > 400 || !DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
