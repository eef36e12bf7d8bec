/**
 * The declared type of a data field, for {@link typeCheckExpression}: a scalar, an array
 * of strings or numbers, or an object with its own fields. A `date` holds epoch
 * milliseconds or an ISO-8601 string with an offset; dates compare with dates and feed
 * `minutesSince`, `hoursSince` and `daysSince`.
 *
 * @example
 * ```ts
 * import type { FieldType } from '@zhizhi/core/expr';
 * const household: FieldType = { object: { floor: 'number', tags: 'string[]' } };
 * ```
 */
export type FieldType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'string[]'
  | 'number[]'
  | { object: Record<string, FieldType> };
