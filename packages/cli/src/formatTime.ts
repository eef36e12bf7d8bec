const EIGHT_HOURS = 8 * 3_600_000;
const LAST_DATE = 8.64e15;

/**
 * A time as `YYYY-MM-DD HH:mm` in China Standard Time (UTC+8, no daylight saving), the
 * zone every zhizhi deployment runs in; deterministic on any machine. A number outside the
 * range of `Date` is printed as it is rather than thrown on.
 *
 * @example
 * ```ts
 * import { formatTime } from './formatTime.js';
 * formatTime(Date.parse('2026-09-01T08:00:00+08:00')); // '2026-09-01 08:00'
 * ```
 */
export function formatTime(ms: number): string {
  const shifted = ms + EIGHT_HOURS;
  if (!Number.isFinite(shifted) || Math.abs(shifted) > LAST_DATE) return String(ms);
  return new Date(shifted).toISOString().slice(0, 16).replace('T', ' ');
}
