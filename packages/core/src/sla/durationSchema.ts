import * as z from 'zod/mini';
import { DURATION_PATTERN, isDuration } from './parseDuration.js';

/**
 * zod schema of a duration in any document zhizhi reads (scenarios, SLA policies, alert
 * routing, duty lists, machine JSON): the syntax of `DURATION_PATTERN` (kept in the JSON
 * Schema as `pattern`), and the bound of `isDuration` — at most ten years — as a refinement
 * whose issue carries `params.rule: 'durationRange'`. Every reader refuses exactly what
 * `parseDuration` refuses.
 *
 * @example
 * ```ts
 * import { durationSchema } from '@zhizhi/core/config';
 * durationSchema.safeParse('PT30M').success; // true
 * durationSchema.safeParse('P3661D').success; // false
 * ```
 */
export const durationSchema = z.string().check(
  z.regex(DURATION_PATTERN),
  z.refine((iso: string) => !DURATION_PATTERN.test(iso) || isDuration(iso), {
    message: 'a duration of at most 10 years (P3660D)',
    params: { rule: 'durationRange' },
  }),
);
