import { NOT_UNSAFE_ID } from '../ids/unsafeIdPattern.js';
import { exprKeywords } from './exprKeywords.js';
import { forbiddenNames } from './forbiddenNames.js';
import { NAME_PART, NAME_START } from './nameChars.js';

/**
 * What a scenario field id may be: a name a condition can use as it is. A letter of any script
 * (`heartRate`, `心率`), then up to 63 letters, combining marks, digits or `_`; not a reserved
 * word of the condition language (`and`, `or`, `not`, `in`, `contains`, `true`, `false`,
 * `null`) nor `__proto__`, `constructor` or `prototype`. No `-`: `heart-rate` would read as a
 * subtraction. The expression tokenizer reads every such id as one field name.
 *
 * @example
 * ```ts
 * import { FIELD_ID_PATTERN } from '@zhizhi/core/expr';
 * FIELD_ID_PATTERN.test('心率'); // true
 * FIELD_ID_PATTERN.test('heart-rate'); // false
 * FIELD_ID_PATTERN.test('in'); // false
 * ```
 */
export const FIELD_ID_PATTERN = new RegExp(
  `^(?!(?:${[...exprKeywords, ...forbiddenNames].join('|')})$)${NOT_UNSAFE_ID}[${NAME_START}][${NAME_PART}]{0,63}$`,
  'u',
);
