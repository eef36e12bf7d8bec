/**
 * The characters of a name (a field, a path segment, a step id), as regular-expression class
 * contents for the `u` flag, shared by the expression tokenizer and the scenario schema so that
 * they can never disagree. A name starts with a letter of any script (`\p{L}`, and letter
 * numbers such as `〇`) and goes on with letters, combining marks, decimal digits and connectors
 * such as `_`: `heartRate`, `心率`, `गिरना`, `楼层2`.
 *
 * @internal
 * @example
 * ```ts
 * import { NAME_PART, NAME_START } from './nameChars.js';
 * new RegExp(`^[${NAME_START}][${NAME_PART}]*$`, 'u').test('心率'); // true
 * ```
 */
export const NAME_START = '\\p{L}\\p{Nl}';

/**
 * See {@link NAME_START}.
 *
 * @internal
 * @example
 * ```ts
 * import { NAME_PART } from './nameChars.js';
 * new RegExp(`^[${NAME_PART}]+$`, 'u').test('rate_2'); // true
 * ```
 */
export const NAME_PART = '\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}';
