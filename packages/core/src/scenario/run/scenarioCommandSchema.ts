import * as z from 'zod/mini';
import { isReservedId } from '../../ids/isReservedId.js';
import { isSafeId } from '../../ids/safeIdSchema.js';

const name = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * A record whose own keys must all be safe ids, checked on the input as given: zod drops an own
 * `__proto__` key (as `JSON.parse` makes it) silently, and would pass `constructor` on, so both
 * are refused here, alike, at `[…, key]`.
 */
function safeKeys<T extends z.core.$ZodType>(record: T) {
  return z.pipe(
    z.unknown().check(
      z.superRefine((value, ctx) => {
        if (typeof value !== 'object' || value === null) return;
        for (const key of Object.keys(value)) {
          if (!isSafeId(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'a safe name: not __proto__, constructor or another Object.prototype name',
              input: value,
            });
          }
        }
      }),
    ),
    record,
  );
}

/** Field values; `__proto__`, `constructor` and the like are refused alike, with their path. */
const data = z.optional(safeKeys(z.record(z.string().check(z.maxLength(64)), z.unknown())));

/**
 * zod schemas of the events a caller may send to a scenario instance (`TIMEOUT` and
 * `CASE_ACKNOWLEDGED` come only from the Engine itself).
 *
 * @example
 * ```ts
 * import { scenarioCommandSchema } from '@zhizhi/core/scenario';
 * scenarioCommandSchema.safeParse({ type: 'TASK_COMPLETE', by: 'w1', step: 'call', outcome: 'fine' }).success; // true
 * ```
 */
export const scenarioCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('TASK_COMPLETE'), by: name, step: name, outcome: name, data }),
  z.object({ type: z.literal('CHECK_IN'), by: name, step: name, target: name, data }),
  z.object({ type: z.literal('SIGNAL'), by: name, name, data }),
  z.object({ type: z.literal('EVENT'), by: name, name, data }),
]);

/**
 * A command a caller sends to a scenario instance.
 *
 * @example
 * ```ts
 * import type { ScenarioCommand } from '@zhizhi/core/scenario';
 * const c: ScenarioCommand = { type: 'CHECK_IN', by: 'rider1', step: 'outreach', target: 'h-001' };
 * ```
 */
export type ScenarioCommand = z.infer<typeof scenarioCommandSchema>;

/**
 * zod schema of the input that starts an instance. (The alert an instance answers is never
 * taken from input: only the runtime's alert path sets it.)
 *
 * @example
 * ```ts
 * import { startScenarioSchema } from '@zhizhi/core/scenario';
 * startScenarioSchema.safeParse({ scenario: 'elderly-health-band', trigger: 'manual', by: 'qj-sj-duty', gridId: 'qj-sj-c1-g1' }).success; // true
 * ```
 */
export const startScenarioSchema = z.object({
  /** Not a reserved id: the cases a dispatch step opens are `id:step:version`, in the same store. */
  id: z.optional(
    name.check(
      z.check<string>((ctx) => {
        if (isReservedId(ctx.value)) {
          const message = 'not an id the runtime reserves (system, or one with a colon)';
          ctx.issues.push({ code: 'custom', message, input: ctx.value });
        }
      }),
    ),
  ),
  scenario: name,
  version: z.optional(name),
  trigger: name,
  by: name,
  gridId: name,
  data,
  lists: z.optional(safeKeys(z.record(name, z.array(name).check(z.maxLength(100_000))))),
});

/**
 * The input that starts an instance.
 *
 * @example
 * ```ts
 * import type { StartScenario } from '@zhizhi/core/scenario';
 * const s: StartScenario = { scenario: 'anti-fraud-outreach', trigger: 'manual', by: 'qj-sj-duty', gridId: 'qj-sj-c1-g1' };
 * ```
 */
export type StartScenario = z.infer<typeof startScenarioSchema>;
