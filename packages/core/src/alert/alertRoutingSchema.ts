import * as z from 'zod/mini';
import { durationSchema } from '../sla/durationSchema.js';

const id = z.string().check(z.minLength(1), z.maxLength(128));

/**
 * zod schema of who gets an alert: a post (岗位), a district department, a district's
 * city-operations center (城运中心), a town's command center or a grid — each by id. A
 * `commandCenter` or `grid` without an id means the alert's own town or grid (from the
 * reading), so one rule serves every town.
 *
 * @example
 * ```ts
 * import { alertTargetSchema } from '@zhizhi/core/alert';
 * alertTargetSchema.parse({ kind: 'post', id: 'qj-sj-xfgl' });
 * alertTargetSchema.parse({ kind: 'grid' }); // the alert's own grid
 * ```
 */
export const alertTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), id }),
  z.object({ kind: z.literal('department'), id }),
  z.object({ kind: z.literal('cityOperationsCenter'), id }),
  z.object({ kind: z.literal('commandCenter'), id: z.optional(id) }),
  z.object({ kind: z.literal('grid'), id: z.optional(id) }),
]);

/**
 * A target of an alert routing rule (see {@link alertTargetSchema}).
 *
 * @example
 * ```ts
 * import type { AlertTarget } from '@zhizhi/core/alert';
 * const ops: AlertTarget = { kind: 'cityOperationsCenter', id: 'qj-cyzx' };
 * ```
 */
export type AlertTarget = z.infer<typeof alertTargetSchema>;

/**
 * The channels an alert is pushed on: the platform's phone app, SMS, a voice call, the
 * command hall's big screen.
 *
 * @example
 * ```ts
 * import { alertChannels } from '@zhizhi/core/alert';
 * alertChannels; // ['app', 'sms', 'voice', 'screen']
 * ```
 */
export const alertChannels = ['app', 'sms', 'voice', 'screen'] as const;

/**
 * One of {@link alertChannels}.
 *
 * @example
 * ```ts
 * import type { AlertChannel } from '@zhizhi/core/alert';
 * const c: AlertChannel = 'voice';
 * ```
 */
export type AlertChannel = (typeof alertChannels)[number];

const levelRoute = z.object({
  to: z.array(alertTargetSchema).check(z.minLength(1), z.maxLength(64)),
  channels: z.array(z.enum(alertChannels)).check(z.minLength(1)),
  acknowledgeWithin: durationSchema,
});

/**
 * zod schema of the pushing-by-level rule (分级推送): for each alert level, who gets it, on
 * which channels, and within which ISO 8601 duration (`'PT5M'`) they must acknowledge it.
 *
 * @example
 * ```ts
 * import { alertRoutingSchema } from '@zhizhi/core/alert';
 * alertRoutingSchema.parse({
 *   levels: {
 *     1: {
 *       to: [{ kind: 'post', id: 'qj-sj-xfgl' }, { kind: 'cityOperationsCenter', id: 'qj-cyzx' }],
 *       channels: ['app', 'sms', 'voice', 'screen'],
 *       acknowledgeWithin: 'PT5M',
 *     },
 *     2: { to: [{ kind: 'post', id: 'qj-sj-xfgl' }], channels: ['app', 'sms'], acknowledgeWithin: 'PT30M' },
 *     3: { to: [{ kind: 'grid' }], channels: ['app'], acknowledgeWithin: 'PT2H' },
 *   },
 * });
 * ```
 */
export const alertRoutingSchema = z.object({
  levels: z.object({ 1: levelRoute, 2: levelRoute, 3: levelRoute }),
});

/**
 * An alert routing rule (see {@link alertRoutingSchema}).
 *
 * @example
 * ```ts
 * import type { AlertRouting } from '@zhizhi/core/alert';
 * const channelsOfLevel1 = (r: AlertRouting) => r.levels[1].channels;
 * ```
 */
export type AlertRouting = z.infer<typeof alertRoutingSchema>;
