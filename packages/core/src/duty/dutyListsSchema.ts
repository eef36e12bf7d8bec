import * as z from 'zod/mini';
import { safeIdSchema } from '../ids/safeIdSchema.js';
import { sections } from '../org/roles.js';

const id = safeIdSchema;

/**
 * zod schema of the routing duty lists of a district's towns:
 * - `statutory` — the town's list of statutory duties (法定职责清单): a matter on it is led by a
 *   post of the named section of the case's town;
 * - `departmentLed` — matters a district department leads with the town assisting
 *   (部门主责、镇街配合): a matter on it is led by one of the named departments, never by a town post.
 *
 * @example
 * ```ts
 * import { dutyListsSchema } from '@zhizhi/core/config';
 * dutyListsSchema.parse({
 *   statutory: [{ category: 'riverPollution', section: 'economicDevelopment' }],
 *   departmentLed: [{ category: 'roadFacilities', departmentIds: ['qj-cgj'] }],
 * });
 * ```
 */
export const dutyListsSchema = z.object({
  statutory: z.array(z.object({ category: id, section: z.enum(sections) })),
  departmentLed: z.array(
    z.object({ category: id, departmentIds: z.array(id).check(z.minLength(1)) }),
  ),
});

/**
 * The routing duty lists (see {@link dutyListsSchema}).
 *
 * @example
 * ```ts
 * import type { DutyLists } from '@zhizhi/core';
 * const none: DutyLists = { statutory: [], departmentLed: [] };
 * ```
 */
export type DutyLists = z.infer<typeof dutyListsSchema>;
