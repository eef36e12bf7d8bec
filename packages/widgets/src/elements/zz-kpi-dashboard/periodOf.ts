/** China Standard Time, the widgets' calendar: a day starts at 00:00 UTC+8. */
const CST = 8 * 3_600_000;
const DAY = 86_400_000;

/**
 * An instant from a `from`/`to` attribute: a date `YYYY-MM-DD` (00:00 China Standard Time; for
 * `to`, the end of that day) or an ISO date-time with an offset. `undefined` when absent, `NaN`
 * when it is neither.
 *
 * @example
 * ```ts
 * import { periodBound } from '@zhizhi/widgets/elements/zz-kpi-dashboard';
 * periodBound('2026-09-01', 'from') === Date.parse('2026-09-01T00:00:00+08:00'); // true
 * ```
 */
export function periodBound(value: string | undefined, end: 'from' | 'to'): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00+08:00`);
    return end === 'to' ? start + DAY : start;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) return Date.parse(value);
  return Number.NaN;
}

/**
 * The calendar days (China Standard Time, `YYYY-MM-DD`) of `[from, to)`, at most `max` of them
 * (the last ones) — the categories of the trend line, matching the `byDay` keys of the KPIs.
 *
 * @example
 * ```ts
 * import { daysOf } from '@zhizhi/widgets/elements/zz-kpi-dashboard';
 * daysOf(Date.parse('2026-09-01T00:00:00+08:00'), Date.parse('2026-09-03T00:00:00+08:00')); // ['2026-09-01', '2026-09-02']
 * ```
 */
export function daysOf(from: number, to: number, max = 92): string[] {
  const first = Math.floor((from + CST) / DAY);
  const last = Math.ceil((to + CST) / DAY) - 1;
  const out: string[] = [];
  for (let d = Math.max(first, last - max + 1); d <= last; d++)
    out.push(new Date(d * DAY).toISOString().slice(0, 10));
  return out;
}
