/**
 * The ids of a scenario document (the scenario, steps, fields, triggers, task outcomes,
 * parallel branches, KPIs): a letter, then up to 63 letters, digits, `_` or `-`; never
 * `constructor` or `prototype`. They become XState state keys, `#id` targets and data keys,
 * so the schema, the compiler and the machine-JSON check all read them from here.
 *
 * @example
 * ```ts
 * import { ID_PATTERN } from '@zhizhi/core/scenario';
 * ID_PATTERN.test('callBack'); // true
 * ID_PATTERN.test('constructor'); // false
 * ```
 */
export const ID_PATTERN = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Where a transition may lead: a step id ({@link ID_PATTERN}) or `@join` (the end of a
 * parallel branch).
 *
 * @example
 * ```ts
 * import { GOTO_PATTERN } from '@zhizhi/core/scenario';
 * GOTO_PATTERN.test('@join'); // true
 * ```
 */
export const GOTO_PATTERN = /^(?:@join|(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_-]{0,63})$/;
