import { NAME_PART, NAME_START } from '../../expr/nameChars.js';
import { NOT_UNSAFE_ID } from '../../ids/unsafeIdPattern.js';

/** An id without anchors: a letter of any script, then up to 63 letters, marks, digits, `_` or `-`; never an `Object.prototype` name (the safe-id rule). */
const ID = `${NOT_UNSAFE_ID}[${NAME_START}][${NAME_PART}-]{0,63}`;

/**
 * The ids of a scenario document (the scenario, steps, triggers, task outcomes, parallel
 * branches, KPIs): a letter of any script (`callBack`, `核实`), then up to 63 letters, combining
 * marks, digits, `_` or `-`; never `__proto__`, `constructor`, `toString` or another `Object.prototype` name (the safe-id rule of `@zhizhi/core`). They become XState state
 * keys, `#id` targets and event fields, so the schema, the compiler and the machine-JSON check
 * all read them from here. Field ids are stricter: see `FIELD_ID_PATTERN`.
 *
 * @example
 * ```ts
 * import { ID_PATTERN } from '@zhizhi/core/scenario';
 * ID_PATTERN.test('callBack'); // true
 * ID_PATTERN.test('上门核实'); // true
 * ID_PATTERN.test('constructor'); // false
 * ```
 */
export const ID_PATTERN = new RegExp(`^${ID}$`, 'u');

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
export const GOTO_PATTERN = new RegExp(`^(?:@join|${ID})$`, 'u');

/**
 * Where a duration KPI starts: a step id or `@start` (the instance's start).
 *
 * @internal
 * @example
 * ```ts
 * import { KPI_FROM_PATTERN } from './scenarioIds.js';
 * KPI_FROM_PATTERN.test('@start'); // true
 * ```
 */
export const KPI_FROM_PATTERN = new RegExp(`^(?:@start|${ID})$`, 'u');

/**
 * A state key of machine JSON: a step id, `$start` or `$done`.
 *
 * @internal
 * @example
 * ```ts
 * import { STATE_KEY_PATTERN } from './scenarioIds.js';
 * STATE_KEY_PATTERN.test('$done'); // true
 * ```
 */
export const STATE_KEY_PATTERN = new RegExp(`^(?:\\$start|\\$done|${ID})$`, 'u');
