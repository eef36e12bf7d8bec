const DAY = 86_400_000;
/** China Standard Time, UTC+8 (no daylight saving): where the duty lists' weeks begin. */
const CST = 8 * 3_600_000;

/**
 * Monday 00:00 in China (UTC+8) of the week `at` falls in, as epoch ms: the start of the
 * span `zz-duty-list` assesses by default.
 *
 * @example
 * ```ts
 * import { startOfWeek } from '@zhizhi/widgets';
 * new Date(startOfWeek(Date.UTC(2026, 0, 7, 3))).toISOString(); // '2026-01-04T16:00:00.000Z'
 * ```
 */
export function startOfWeek(at: number): number {
  const day = Math.floor((at + CST) / DAY);
  const weekday = (day + 3) % 7; // 1970-01-01 was a Thursday; Monday is 0
  return (day - weekday) * DAY - CST;
}
