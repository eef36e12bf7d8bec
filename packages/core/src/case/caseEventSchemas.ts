import * as z from 'zod/mini';
import { slaClocks } from './caseStatus.js';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = text(128);
const photos = z.optional(z.array(text(2048)).check(z.maxLength(20)));
const by = id;

/**
 * zod schema of a dispatch target: a town post or a district department.
 *
 * @example
 * ```ts
 * import { dispatchTargetSchema } from '@zhizhi/core';
 * dispatchTargetSchema.parse({ kind: 'post', id: 'qj-sj-xfgl' });
 * ```
 */
export const dispatchTargetSchema = z.object({ kind: z.enum(['post', 'department']), id });

/**
 * A dispatch target: the post or department that leads or co-handles a case.
 *
 * @example
 * ```ts
 * import type { DispatchTarget } from '@zhizhi/core';
 * const lead: DispatchTarget = { kind: 'department', id: 'qj-cgj' };
 * ```
 */
export type DispatchTarget = z.infer<typeof dispatchTargetSchema>;

/**
 * zod schemas of every event a case accepts, keyed by event type. Each event names its
 * sender in `by` (a member id); the Engine adds the time.
 *
 * @example
 * ```ts
 * import { caseEventSchemas } from '@zhizhi/core';
 * caseEventSchemas.REJECT.safeParse({ type: 'REJECT', by: 'm1' }).success; // false: reason missing
 * ```
 */
export const caseEventSchemas = {
  RESOLVE_ON_SITE: z.object({ type: z.literal('RESOLVE_ON_SITE'), by, result: text(2000), photos }),
  ESCALATE: z.object({ type: z.literal('ESCALATE'), by, reason: z.optional(text(2000)) }),
  ACCEPT: z.object({ type: z.literal('ACCEPT'), by, note: z.optional(text(2000)) }),
  REJECT: z.object({ type: z.literal('REJECT'), by, reason: text(2000) }),
  MERGE: z.object({ type: z.literal('MERGE'), by, intoCaseId: id }),
  DISPATCH: z.object({
    type: z.literal('DISPATCH'),
    by,
    lead: dispatchTargetSchema,
    coHandlers: z.optional(z.array(dispatchTargetSchema).check(z.maxLength(12))),
    dueAt: z.optional(z.number().check(z.int(), z.nonnegative())),
    note: z.optional(text(2000)),
  }),
  ACKNOWLEDGE: z.object({ type: z.literal('ACKNOWLEDGE'), by, note: z.optional(text(2000)) }),
  RETURN: z.object({ type: z.literal('RETURN'), by, reason: text(2000) }),
  PROGRESS: z.object({ type: z.literal('PROGRESS'), by, note: text(2000), photos }),
  REQUEST_SUPPORT: z.object({
    type: z.literal('REQUEST_SUPPORT'),
    by,
    targets: z.array(dispatchTargetSchema).check(z.minLength(1), z.maxLength(12)),
    note: z.optional(text(2000)),
  }),
  RESOLVE: z.object({ type: z.literal('RESOLVE'), by, result: text(2000), photos }),
  CONFIRM: z.object({ type: z.literal('CONFIRM'), by, note: z.optional(text(2000)) }),
  REOPEN: z.object({ type: z.literal('REOPEN'), by, reason: text(2000) }),
  CANCEL: z.object({ type: z.literal('CANCEL'), by, reason: text(2000) }),
  DECLARE_EMERGENCY: z.object({ type: z.literal('DECLARE_EMERGENCY'), by, plan: text(200) }),
  STAND_DOWN: z.object({ type: z.literal('STAND_DOWN'), by, note: z.optional(text(2000)) }),
  SLA_OVERDUE: z.object({
    type: z.literal('SLA_OVERDUE'),
    by,
    clock: z.enum(slaClocks),
    level: z.literal([1, 2]),
    dueAt: z.number().check(z.int()),
  }),
};

/**
 * The type of a case event.
 *
 * @example
 * ```ts
 * import type { CaseEventType } from '@zhizhi/core';
 * const t: CaseEventType = 'DISPATCH';
 * ```
 */
export type CaseEventType = keyof typeof caseEventSchemas;

/**
 * Every case event type.
 *
 * @example
 * ```ts
 * import { caseEventTypes } from '@zhizhi/core';
 * caseEventTypes.length; // 17
 * ```
 */
export const caseEventTypes = Object.keys(caseEventSchemas) as CaseEventType[];

/**
 * An event as a caller sends it to the Engine (no time: the Engine's clock stamps it).
 *
 * @example
 * ```ts
 * import type { CaseCommand } from '@zhizhi/core';
 * const e: CaseCommand = { type: 'ACCEPT', by: 'qj-sj-duty' };
 * ```
 */
export type CaseCommand = {
  [K in CaseEventType]: z.infer<(typeof caseEventSchemas)[K]>;
}[CaseEventType];

/**
 * An event as the case machine receives it: a {@link CaseCommand} stamped with `at` (epoch ms).
 *
 * @example
 * ```ts
 * import type { CaseEvent } from '@zhizhi/core';
 * const e: CaseEvent = { type: 'ACCEPT', by: 'qj-sj-duty', at: Date.UTC(2026, 0, 1) };
 * ```
 */
export type CaseEvent = CaseCommand & { at: number };
