/**
 * A time as `YYYY-MM-DD HH:mm` in China Standard Time (UTC+8, no daylight saving), the
 * zone every zhizhi deployment runs in; deterministic on any machine.
 *
 * @example
 * ```ts
 * import { formatTime } from './formatTime.js';
 * formatTime(Date.parse('2026-09-01T08:00:00+08:00')); // '2026-09-01 08:00'
 * ```
 */
export function formatTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
