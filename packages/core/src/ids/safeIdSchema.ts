import * as z from 'zod/mini';

/**
 * Ids no user-supplied id may be: `prototype` and every name `Object.prototype` has
 * (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, …). An object keyed by such an id
 * reads or replaces what every object inherits — a category `constructor` once counted as
 * `Object`'s source text in the KPIs. The list is fixed (not read from the running engine), so
 * an id is refused alike in every browser and in Node.
 *
 * @example
 * ```ts
 * import { unsafeIds } from '@zhizhi/core';
 * unsafeIds.includes('toString'); // true
 * ```
 */
export const unsafeIds = [
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'prototype',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

const UNSAFE = 'a safe id, not an Object.prototype name';

/**
 * The one id rule for everything that is keyed by user data: an id is safe unless it is one of
 * {@link unsafeIds}. Report categories, org ids, duty-list and SLA-policy categories, scenario
 * ids and the names of a scenario's lists and data all follow it.
 *
 * @example
 * ```ts
 * import { isSafeId } from '@zhizhi/core';
 * isSafeId('riverPollution'); // true
 * isSafeId('__proto__'); // false
 * ```
 */
export function isSafeId(id: string): boolean {
  return !(unsafeIds as readonly string[]).includes(id);
}

/**
 * zod schema of a safe id: 1–128 characters, not one of {@link unsafeIds}. Narrow it further
 * with `.check(…)` where an id has a stricter form.
 *
 * @example
 * ```ts
 * import { safeIdSchema } from '@zhizhi/core';
 * safeIdSchema.safeParse('qj-sj-c1-g1').success; // true
 * safeIdSchema.safeParse('constructor').success; // false
 * ```
 */
export const safeIdSchema = z.string().check(
  z.minLength(1),
  z.maxLength(128),
  // `z.check`, not `z.refine`: the same rule without zod's custom-schema machinery in the bundle
  z.check<string>((ctx) => {
    if (!isSafeId(ctx.value)) {
      ctx.issues.push({ code: 'custom', message: UNSAFE, input: ctx.value });
    }
  }),
);
