import type { CheckIn } from './checkInSchema.js';

/**
 * A stored check-in: the {@link CheckIn} and where it belongs — its `id` (derived from the
 * worker, duty, kind, time and household or place, so a retried check-in is stored once), the
 * worker's grid and town (rows carry their town), and when the store received it
 * (`recordedAt`, epoch ms).
 *
 * @example
 * ```ts
 * import type { CheckInRecord } from '@zhizhi/core/duty';
 * const line = (c: CheckInRecord) => `${c.workerId} ${c.dutyId} ${new Date(c.at).toISOString()}`;
 * ```
 */
export interface CheckInRecord extends CheckIn {
  id: string;
  townId: string;
  gridId: string;
  recordedAt: number;
}

/**
 * What `Client.listCheckIns` and `Store.checkIns` filter by: a town or several, a grid, a
 * worker, one id, and a span of `at` (`from` inclusive, `to` exclusive). Results come in the
 * order they were stored; pass the previous page's `cursor` to go on.
 *
 * @example
 * ```ts
 * import type { CheckInQuery } from '@zhizhi/core/duty';
 * const thisWeek: CheckInQuery = { workerId: 'qj-sj-c1-g1-worker', from: Date.UTC(2026, 0, 4, 16) };
 * ```
 */
export interface CheckInQuery {
  townId?: string | readonly string[];
  gridId?: string;
  workerId?: string;
  id?: string;
  from?: number;
  to?: number;
  limit?: number;
  /** Where the previous page ended (opaque). */
  cursor?: string;
}

/**
 * Whether a stored check-in matches a query's filters (not its paging).
 *
 * @example
 * ```ts
 * import { matchesCheckIn } from '@zhizhi/core/duty';
 * // matchesCheckIn(record, { workerId: 'qj-sj-c1-g1-worker' })
 * ```
 */
export function matchesCheckIn(c: CheckInRecord, q: CheckInQuery): boolean {
  const town = q.townId;
  if (
    town !== undefined &&
    (typeof town === 'string' ? c.townId !== town : !town.includes(c.townId))
  )
    return false;
  if (q.gridId !== undefined && c.gridId !== q.gridId) return false;
  if (q.workerId !== undefined && c.workerId !== q.workerId) return false;
  if (q.id !== undefined && c.id !== q.id) return false;
  if (q.from !== undefined && c.at < q.from) return false;
  return q.to === undefined || c.at < q.to;
}
