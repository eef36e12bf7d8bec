import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * zod schema of a check-in (打卡): a grid worker records doing a duty of the list. `kind` is
 * what was done (`'patrol'`, `'visit'`, `'call'`, `'inspection'`…) and decides which duties it
 * counts for; `household` or `place` names whom it was for, when the duty is assessed per
 * household or key place; `at` is epoch milliseconds, like every time in @zhizhi/core.
 *
 * @example
 * ```ts
 * import { checkInSchema } from '@zhizhi/core/duty';
 * checkInSchema.parse({
 *   workerId: 'qj-sj-c1-g1-worker',
 *   dutyId: 'serveResidents',
 *   kind: 'call',
 *   at: Date.UTC(2026, 0, 5, 1),
 *   household: '11-2-301',
 *   note: '电话问候独居老人，身体无恙 / Phoned an elderly resident living alone: all well',
 * });
 * ```
 */
export const checkInSchema = z.object({
  workerId: id,
  dutyId: id,
  kind: id,
  at: z.number().check(z.int(), z.gte(0)),
  location: z.optional(
    z.object({
      lat: z.number().check(z.gte(-90), z.lte(90)),
      lng: z.number().check(z.gte(-180), z.lte(180)),
      address: z.optional(z.string().check(z.maxLength(400))),
    }),
  ),
  household: z.optional(id),
  place: z.optional(id),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * A check-in (see {@link checkInSchema}).
 *
 * @example
 * ```ts
 * import type { CheckIn } from '@zhizhi/core/duty';
 * const patrol: CheckIn = { workerId: 'qj-sj-c1-g1-worker', dutyId: 'dailyPatrol', kind: 'patrol', at: 0 };
 * ```
 */
export type CheckIn = z.infer<typeof checkInSchema>;
