import * as z from 'zod/mini';
import { localizedTextSchema } from '../org/orgSchema.js';
import { DURATION_PATTERN, isDuration, parseDuration } from '../sla/parseDuration.js';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const HOUR = 3_600_000;

/** @internal An assessment period: an ISO 8601 duration of at least one hour (`PT4H`, `P1D`, `P7D`). */
const periodSchema = z.string().check(
  z.regex(DURATION_PATTERN, 'an ISO 8601 duration of W/D/H/M/S'),
  z.refine(
    (p: string) => !DURATION_PATTERN.test(p) || (isDuration(p) && parseDuration(p) >= HOUR),
    {
      error: 'a period of at least PT1H and at most 10 years',
    },
  ),
);

/**
 * zod schema of how often a duty is due: an ISO 8601 duration (`'P1D'`: once a day), a count
 * per period (`{ times: 2, per: 'P7D' }`: twice a week), or `'asNeeded'` for a duty done when
 * the occasion arises (helping with an emergency), which is recorded but not scored. Periods
 * are at least an hour; months and years are refused, as for SLA deadlines, so a period has
 * one length whatever the calendar (use `P28D` or `P30D`).
 *
 * @example
 * ```ts
 * import { dutyFrequencySchema } from '@zhizhi/core/duty';
 * dutyFrequencySchema.safeParse({ times: 2, per: 'P7D' }).success; // true
 * dutyFrequencySchema.safeParse('P1M').success; // false
 * ```
 */
export const dutyFrequencySchema = z.union([
  periodSchema,
  z.object({ times: z.number().check(z.int(), z.gte(1), z.lte(1000)), per: periodSchema }),
  z.literal('asNeeded'),
]);

/**
 * zod schema of one recurring duty of a grid worker's list: its id and name, how often it is
 * due, and what counts as done — a check-in of one of `done.kinds`, and, with `done.per`, one
 * for each household (户) or key place (场所) on the worker's roster. `local: true` marks the
 * "+1", the duty the town or community chose for its own grids.
 *
 * @example
 * ```ts
 * import { gridDutySchema } from '@zhizhi/core/duty';
 * gridDutySchema.parse({
 *   id: 'riversidePatrol',
 *   name: { zh: '江边巡查', en: 'Riverside patrol' },
 *   frequency: { times: 2, per: 'P7D' },
 *   done: { kinds: ['patrol'] },
 *   local: true,
 * });
 * ```
 */
export const gridDutySchema = z.object({
  id,
  name: localizedTextSchema,
  description: z.optional(localizedTextSchema),
  frequency: dutyFrequencySchema,
  done: z.object({
    kinds: z.array(id).check(z.minLength(1)),
    per: z.optional(z.enum(['household', 'place'])),
  }),
  local: z.optional(z.boolean()),
});

/**
 * zod schema of a grid worker's key-task list (网格员"6+1"重点任务清单): the duties a grid
 * worker does "by the list" and is assessed by (照单履职、对单考核). `unitId` is the town or
 * community that issued it. Duty ids must be unique (`duty.duplicateId` at the second one).
 *
 * @example
 * ```ts
 * import { gridDutyListSchema, builtInGridDuties } from '@zhizhi/core/duty';
 * gridDutyListSchema.parse({
 *   id: 'qj-sj-6plus1',
 *   name: { zh: '三江街道网格员“6+1”重点任务清单', en: 'Sanjiang grid workers’ 6+1 list' },
 *   duties: builtInGridDuties,
 * });
 * ```
 */
export const gridDutyListSchema = z.object({
  id,
  name: localizedTextSchema,
  unitId: z.optional(id),
  duties: z.array(gridDutySchema).check(
    z.minLength(1),
    z.superRefine((duties, ctx) => {
      const seen = new Set<string>();
      duties.forEach((duty, i) => {
        if (seen.has(duty.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate id ${duty.id}`,
            path: [i, 'id'],
            params: { code: 'duty.duplicateId', id: duty.id, list: 'duties' },
            input: duty.id,
          });
        }
        seen.add(duty.id);
      });
    }),
  ),
});

/**
 * How often a duty is due (see {@link dutyFrequencySchema}).
 *
 * @example
 * ```ts
 * import type { DutyFrequency } from '@zhizhi/core/duty';
 * const weekly: DutyFrequency = 'P7D';
 * ```
 */
export type DutyFrequency = z.infer<typeof dutyFrequencySchema>;

/**
 * One duty of a grid worker's list (see {@link gridDutySchema}).
 *
 * @example
 * ```ts
 * import type { GridDuty } from '@zhizhi/core/duty';
 * const publicity: GridDuty = {
 *   id: 'publicity',
 *   name: { zh: '正面宣传引导', en: 'Positive publicity' },
 *   frequency: 'P7D',
 *   done: { kinds: ['publicity'] },
 * };
 * ```
 */
export type GridDuty = z.infer<typeof gridDutySchema>;

/**
 * A grid worker's "6+1" key-task list (see {@link gridDutyListSchema}).
 *
 * @example
 * ```ts
 * import { builtInGridDuties, type GridDutyList } from '@zhizhi/core/duty';
 * const six: GridDutyList = { id: 'six', name: { zh: '六项', en: 'The six' }, duties: [...builtInGridDuties] };
 * ```
 */
export type GridDutyList = z.infer<typeof gridDutyListSchema>;
