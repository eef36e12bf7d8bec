import * as z from 'zod/mini';
import { roles, sections } from '../org/roles.js';
import { reporterContactSchema } from '../privacy/reporterContactSchema.js';
import { dispatchTargetSchema } from './caseEventSchemas.js';
import { outcomes, severities, slaClocks } from './caseStatus.js';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * zod schema of a {@link CaseContext}: checks persisted or imported cases before the Engine
 * trusts them.
 *
 * @example
 * ```ts
 * import { caseContextSchema } from '@zhizhi/core/persist';
 * caseContextSchema.safeParse({ id: 'c1' }).success; // false
 * ```
 */
export const caseContextSchema = z.object({
  id: text(256),
  districtId: text(128),
  townId: text(128),
  communityId: text(128),
  gridId: text(128),
  category: text(64),
  severity: z.enum(severities),
  title: text(200),
  description: z.string().check(z.maxLength(4000)),
  location: z.nullable(
    z.object({
      lat: z.number(),
      lng: z.number(),
      address: z.optional(z.string().check(z.maxLength(400))),
    }),
  ),
  photos: z.array(text(2048)).check(z.maxLength(200)),
  reporterId: text(128),
  reporterRole: z.enum(roles),
  /** The reporter's contact details, if the report gave them (personal data). */
  reporter: z.optional(reporterContactSchema),
  handleOnGrid: z.boolean(),
  reportedAt: z.number().check(z.int()),
  /** When the running SLA clock started (intake and dispatching share one), else when the status was entered. */
  enteredAt: z.number().check(z.int()),
  updatedAt: z.number().check(z.int()),
  /** The section responsible: the lead post's, else the category's (from the SLA policy). */
  section: z.nullable(z.enum(sections)),
  lead: z.nullable(dispatchTargetSchema),
  coHandlers: z.array(dispatchTargetSchema).check(z.maxLength(64)),
  dispatchedAt: z.nullable(z.number().check(z.int())),
  /** Resolve deadline given at dispatch, if any. */
  dueAt: z.nullable(z.number().check(z.int())),
  emergency: z.nullable(z.object({ plan: text(200), declaredAt: z.number().check(z.int()) })),
  /** The supervision (督办) level reached on the current status's clock. */
  supervision: z.nullable(z.object({ clock: z.enum(slaClocks), level: z.literal([1, 2]) })),
  outcome: z.nullable(z.enum(outcomes)),
  mergedInto: z.nullable(text(256)),
  returns: z.number().check(z.int(), z.nonnegative()),
  reopens: z.number().check(z.int(), z.nonnegative()),
  /** The scenario instance and step that opened the case, if a scenario did. */
  origin: z.optional(z.nullable(z.object({ instanceId: text(256), step: text(64) }))),
});

/**
 * Everything the case machine knows about one case. Plain JSON; times are epoch milliseconds.
 *
 * @example
 * ```ts
 * import type { CaseContext } from '@zhizhi/core';
 * const lead = (ctx: CaseContext) => ctx.lead?.id ?? '—';
 * ```
 */
export type CaseContext = z.infer<typeof caseContextSchema>;
