/**
 * The ISO 8601 durations zhizhi accepts: weeks, days, hours, minutes, seconds; at least one.
 *
 * @example
 * ```ts
 * import { DURATION_PATTERN } from '@zhizhi/core';
 * DURATION_PATTERN.test('P1DT12H'); // true
 * ```
 */
export const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const parsed = new Map<string, number>();

/**
 * Parses an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P3D`, `PT30M`,
 * `P1DT12H`, `PT0.5S`) into milliseconds. Years and months are refused: their length depends
 * on the calendar, and SLA deadlines must not.
 *
 * @example
 * ```ts
 * import { parseDuration } from '@zhizhi/core';
 * parseDuration('PT24M'); // 1440000
 * ```
 */
export function parseDuration(iso: string): number {
  const known = parsed.get(iso);
  if (known !== undefined) return known;
  const m = DURATION_PATTERN.exec(iso);
  if (!m) {
    throw new RangeError(`Not an ISO 8601 duration of W/D/H/M/S: ${JSON.stringify(iso)}`);
  }
  const [, w, d, h, min, s] = m;
  const ms = Math.round(
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86400 +
      Number(h ?? 0) * 3600 +
      Number(min ?? 0) * 60 +
      Number(s ?? 0)) *
      1000,
  );
  // A policy names a handful of durations; every SLA computation parsed them again.
  if (parsed.size < 256) parsed.set(iso, ms);
  return ms;
}

/**
 * Whether a string is a duration {@link parseDuration} accepts.
 *
 * @example
 * ```ts
 * import { isDuration } from '@zhizhi/core';
 * isDuration('P1M'); // false (months are refused)
 * ```
 */
export function isDuration(iso: string): boolean {
  return DURATION_PATTERN.test(iso);
}
