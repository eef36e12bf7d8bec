/** A JSON value as the scenario document holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON path into the document: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/**
 * One recorded edit of the document, enough to do and to undo it byte for byte:
 * - `set`: the value at `path` goes from `before` to `after` (either absent when the key is
 *   added or removed; `at` is the key's position in its object, so an undo puts a removed key
 *   back where it was);
 * - `insert` / `remove`: `value` enters or leaves the array at `path` at `index`.
 *
 * Changes are plain JSON, so a history of them can be saved with the draft.
 *
 * @example
 * ```ts
 * import type { Change } from '@zhizhi/designer/model';
 * const move: Change = { op: 'set', path: ['steps', 2, 'layout'], before: { x: 0, y: 0 }, after: { x: 40, y: 0 } };
 * ```
 */
export type Change =
  | { op: 'set'; path: JsonPath; before?: Json; after?: Json; at?: number }
  | { op: 'insert'; path: JsonPath; index: number; value: Json }
  | { op: 'remove'; path: JsonPath; index: number; value: Json };
