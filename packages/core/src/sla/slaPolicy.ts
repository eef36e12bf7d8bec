import * as z from 'zod/mini';
import type { CaseContext } from '../case/caseContext.js';
import type { SlaClock, severities } from '../case/caseStatus.js';
import { sections } from '../org/roles.js';
import { DURATION_PATTERN, parseDuration } from './parseDuration.js';

const duration = z.string().check(z.regex(DURATION_PATTERN));
const deadlines = z.object({ accept: duration, acknowledge: duration, resolve: duration });
const someDeadlines = z.optional(
  z.object({
    accept: z.optional(duration),
    acknowledge: z.optional(duration),
    resolve: z.optional(duration),
  }),
);

/**
 * zod schema of an SLA policy: default deadlines for the three clocks, per-category
 * deadlines by severity and the category's responsible section, and how long after a missed
 * deadline supervision (督办) climbs from the section lead to the commander.
 *
 * @example
 * ```ts
 * import { slaPolicySchema } from '@zhizhi/core/config';
 * slaPolicySchema.parse({
 *   defaults: { accept: 'PT30M', acknowledge: 'PT1H', resolve: 'P3D' },
 *   escalateAfter: 'PT2H',
 *   categories: [{ category: 'riverPollution', section: 'economicDevelopment', high: { resolve: 'P1D' } }],
 * });
 * ```
 */
export const slaPolicySchema = z.object({
  defaults: deadlines,
  escalateAfter: duration,
  categories: z.array(
    z.object({
      category: z.string().check(z.minLength(1), z.maxLength(64)),
      section: z.optional(z.enum(sections)),
      low: someDeadlines,
      medium: someDeadlines,
      high: someDeadlines,
    }),
  ),
});

/**
 * An SLA policy (see {@link slaPolicySchema}).
 *
 * @example
 * ```ts
 * import type { SlaPolicy } from '@zhizhi/core';
 * const p: SlaPolicy = { defaults: { accept: 'PT30M', acknowledge: 'PT1H', resolve: 'P3D' }, escalateAfter: 'PT1H', categories: [] };
 * ```
 */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/**
 * The deadline of one clock for a case, in milliseconds from the moment the clock starts.
 *
 * @example
 * ```ts
 * import { slaDeadline } from '@zhizhi/core';
 * import { sampleSlaPolicy } from '@zhizhi/core/sample';
 * slaDeadline(sampleSlaPolicy, 'schoolSafety', 'high', 'accept');
 * ```
 */
export function slaDeadline(
  policy: SlaPolicy,
  category: string,
  severity: (typeof severities)[number],
  clock: SlaClock,
): number {
  const byCategory = policy.categories.find((c) => c.category === category);
  return parseDuration(byCategory?.[severity]?.[clock] ?? policy.defaults[clock]);
}

/**
 * The section responsible for a category by default (before a post is chosen), if the policy names one.
 *
 * @example
 * ```ts
 * import { sectionOfCategory } from '@zhizhi/core';
 * import { sampleSlaPolicy } from '@zhizhi/core/sample';
 * sectionOfCategory(sampleSlaPolicy, 'electricalFire'); // 'safetyRuleOfLaw'
 * ```
 */
export function sectionOfCategory(policy: SlaPolicy, category: string): CaseContext['section'] {
  return policy.categories.find((c) => c.category === category)?.section ?? null;
}
