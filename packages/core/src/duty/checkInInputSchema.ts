import * as z from 'zod/mini';
import { checkInSchema } from './checkInSchema.js';

const { workerId: _worker, at, ...rest } = checkInSchema.shape;

/**
 * zod schema of what a member sends to check in (`Client.checkIn(by, input)`, `POST
 * /api/check-ins`): a {@link checkInSchema | check-in} without `workerId` — the worker is the
 * member checking in (on a server, the token's subject), never a field of the input — and with
 * `at` optional (default: now). Unknown properties are refused, so a `workerId` in the input is
 * an error naming it rather than silently ignored.
 *
 * @example
 * ```ts
 * import { checkInInputSchema } from '@zhizhi/core/duty';
 * checkInInputSchema.safeParse({ dutyId: 'dailyPatrol', kind: 'patrol' }).success; // true
 * checkInInputSchema.safeParse({ dutyId: 'dailyPatrol', kind: 'patrol', workerId: 'x' }).success; // false
 * ```
 */
export const checkInInputSchema = z.strictObject({ ...rest, at: z.optional(at) });

/**
 * What a member sends to check in (see {@link checkInInputSchema}).
 *
 * @example
 * ```ts
 * import type { CheckInInput } from '@zhizhi/core/duty';
 * const input: CheckInInput = { dutyId: 'dailyPatrol', kind: 'patrol', at: Date.now() };
 * ```
 */
export type CheckInInput = z.infer<typeof checkInInputSchema>;
