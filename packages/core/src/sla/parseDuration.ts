/**
 * The ISO 8601 durations zhizhi accepts, as a pattern: weeks, days, hours, minutes, seconds; at
 * least one. The pattern is the syntax only: a duration must also be at most
 * {@link MAX_DURATION_MS} long, which {@link isDuration} and {@link parseDuration} check.
 *
 * @example
 * ```ts
 * import { DURATION_PATTERN } from '@zhizhi/core';
 * DURATION_PATTERN.test('P1DT12H'); // true
 * ```
 */
export const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The longest duration accepted: ten years of 366 days (`P3660D`), 316,224,000,000 ms. Any
 * SLA, wait, acknowledgement deadline or duty period longer than that is a mistake, and a bound
 * keeps every due time a finite, safe integer (a duration such as `P` + 400 nines + `D` would
 * otherwise become `Infinity`).
 *
 * @example
 * ```ts
 * import { MAX_DURATION_MS } from '@zhizhi/core';
 * MAX_DURATION_MS / 86_400_000; // 3660
 * ```
 */
export const MAX_DURATION_MS = 3660 * 86_400_000;

const parsed = new Map<string, number>();

/** The length of a duration in ms, or `null` when it is not one or is out of bounds. */
function durationMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const known = parsed.get(iso);
  if (known !== undefined) return known;
  const m = DURATION_PATTERN.exec(iso);
  if (!m) return null;
  const [, w, d, h, min, s] = m;
  const ms = Math.round(
    ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86400 +
      Number(h ?? 0) * 3600 +
      Number(min ?? 0) * 60 +
      Number(s ?? 0)) *
      1000,
  );
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) return null;
  // A policy names a handful of durations; every SLA computation parsed them again.
  if (parsed.size < 256) parsed.set(iso, ms);
  return ms;
}

/**
 * Parses an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P3D`, `PT30M`,
 * `P1DT12H`, `PT0.5S`) into milliseconds. Years and months are refused: their length depends
 * on the calendar, and SLA deadlines must not. So is anything longer than
 * {@link MAX_DURATION_MS} (ten years): the result is always a finite, safe integer. Throws a
 * `RangeError` for what it refuses; {@link isDuration} asks first.
 *
 * @example
 * ```ts
 * import { parseDuration } from '@zhizhi/core';
 * parseDuration('PT24M'); // 1440000
 * ```
 */
export function parseDuration(iso: string): number {
  const ms = durationMs(iso);
  if (ms === null) {
    const shown = typeof iso === 'string' && iso.length > 40 ? `${iso.slice(0, 40)}…` : iso;
    throw new RangeError(
      `Not an ISO 8601 duration of W/D/H/M/S of at most 10 years (P3660D): ${JSON.stringify(shown)}`,
    );
  }
  return ms;
}

/**
 * Whether a string is a duration {@link parseDuration} accepts: the syntax of
 * {@link DURATION_PATTERN}, and at most {@link MAX_DURATION_MS} long.
 *
 * @example
 * ```ts
 * import { isDuration } from '@zhizhi/core';
 * isDuration('P1M'); // false (months are refused)
 * isDuration('P3661D'); // false (more than ten years)
 * ```
 */
export function isDuration(iso: string): boolean {
  return durationMs(iso) !== null;
}
