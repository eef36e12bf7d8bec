import { NAME_PART, NAME_START } from './nameChars.js';

/**
 * The reserved words of the expression language. They cannot name a field.
 *
 * @example
 * ```ts
 * import { exprKeywords } from '@zhizhi/core/expr';
 * exprKeywords.includes('contains'); // true
 * ```
 */
export const exprKeywords = [
  'and',
  'or',
  'not',
  'in',
  'contains',
  'true',
  'false',
  'null',
] as const;

const keywordSet: ReadonlySet<string> = new Set(exprKeywords);

const identifierPattern = new RegExp(`^[${NAME_START}_$][${NAME_PART}$\u200C\u200D]*$`, 'u');

/**
 * Whether `name` can be written as one segment of a field path: an identifier (Unicode
 * letters such as `心率` are fine) that is not a reserved word. Forbidden names are
 * identifiers too; check them with `isForbiddenName`.
 *
 * @example
 * ```ts
 * import { isFieldSegment } from '@zhizhi/core/expr';
 * isFieldSegment('heartRate'); // true
 * isFieldSegment('in'); // false
 * isFieldSegment('first name'); // false
 * ```
 */
export function isFieldSegment(name: string): boolean {
  return identifierPattern.test(name) && !keywordSet.has(name);
}

/** @internal Whether `word` is a reserved word. */
export function isKeyword(word: string): boolean {
  return keywordSet.has(word);
}
