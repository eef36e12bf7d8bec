import * as z from 'zod/mini';
import { safeIdSchema } from '../ids/safeIdSchema.js';
import { sections } from '../org/roles.js';
import { durationSchema } from './durationSchema.js';

const duration = durationSchema;
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
      category: safeIdSchema.check(z.maxLength(64)),
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
