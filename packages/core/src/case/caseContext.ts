import * as z from 'zod/mini';
import { isReservedId } from '../ids/isReservedId.js';
import { safeIdSchema } from '../ids/safeIdSchema.js';
import { reporterContactSchema } from '../privacy/reporterContactSchema.js';
import { dispatchTargetSchema } from './caseEventSchemas.js';
import { severities } from './caseStatus.js';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * zod schema of a report (上报): what a grid worker, resident, sensor or portal sends to open a case.
 * The grid places the case in its community, town and district. The category is a safe id
 * (never `__proto__`, `constructor` or another `Object.prototype` name: KPIs count by it).
 *
 * @example
 * ```ts
 * import { reportSchema } from '@zhizhi/core';
 * reportSchema.parse({
 *   gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-w', category: 'riverPollution',
 *   severity: 'medium', title: '雨污混流', handleOnGrid: false,
 * });
 * ```
 */
const reportShape = {
  id: z.optional(
    text(128).check(
      z.check<string>((ctx) => {
        if (isReservedId(ctx.value)) {
          const message = 'not an id the runtime reserves (system, or one with a colon)';
          ctx.issues.push({ code: 'custom', message, input: ctx.value });
        }
      }),
    ),
  ),
  gridId: text(128),
  reporterId: text(128),
  category: safeIdSchema.check(z.maxLength(64)),
  severity: z.enum(severities),
  title: text(200),
  description: z.optional(z.string().check(z.maxLength(4000))),
  location: z.optional(
    z.object({
      lat: z.number().check(z.gte(-90), z.lte(90)),
      lng: z.number().check(z.gte(-180), z.lte(180)),
      address: z.optional(z.string().check(z.maxLength(400))),
    }),
  ),
  photos: z.optional(z.array(text(2048)).check(z.maxLength(20))),
  handleOnGrid: z.optional(z.boolean()),
  /** The reporter's contact details (personal data: masked on reads, see `@zhizhi/core/privacy`). */
  reporter: z.optional(reporterContactSchema),
  lead: z.optional(dispatchTargetSchema),
  coHandlers: z.optional(z.array(dispatchTargetSchema).check(z.maxLength(12))),
};

export const reportSchema = z.object(reportShape);

/**
 * A report the runtime itself files (a scenario's dispatch step opening a case, or a trail
 * being replayed): a report plus the `origin` instance and step, and ids the runtime derives
 * (with `:`). Never parsed from a client's input.
 *
 * @internal
 */
export const openedReportSchema = z.object({
  ...reportShape,
  id: z.optional(text(256)),
  origin: z.optional(z.object({ instanceId: text(256), step: text(64) })),
});

/**
 * A report as the Engine receives it.
 *
 * @example
 * ```ts
 * import type { CaseReport } from '@zhizhi/core';
 * const r: CaseReport = { gridId: 'g1', reporterId: 'w1', category: 'schoolSafety', severity: 'high', title: '人行道过窄' };
 * ```
 */
export type CaseReport = z.infer<typeof reportSchema>;

/**
 * A report the runtime files itself, with the instance and step it comes from.
 *
 * @internal
 */
export type OpenedReport = z.infer<typeof openedReportSchema>;

export type { CaseContext } from './caseContextSchema.js';
