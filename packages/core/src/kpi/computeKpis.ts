import type { AuditEntry } from '../audit/auditEntry.js';
import type { SlaClock } from '../case/caseStatus.js';
import { slaClocks } from '../case/caseStatus.js';
import type { CaseRecord } from '../engine/caseRecord.js';

/**
 * Summary statistics of a set of durations (milliseconds).
 *
 * @example
 * ```ts
 * import type { DurationStats } from '@zhizhi/core/kpi';
 * const hours = (s: DurationStats) => (s.median ?? 0) / 3_600_000;
 * ```
 */
export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Key performance indicators computed from cases and their audit trails.
 *
 * @example
 * ```ts
 * import type { Kpis } from '@zhizhi/core/kpi';
 * const closedShare = (k: Kpis) => k.closed / Math.max(1, k.cases);
 * ```
 */
export interface Kpis {
  cases: number;
  open: number;
  closed: number;
  /**
   * Report → first accept; each (re)dispatch → its acknowledge; first dispatch → last resolve
   * (the whole handling, reopenings included, while the resolve SLA counts from the last
   * dispatch); report → closed. A one-click case's dispatch is its report: its acknowledge and
   * resolve durations count from the report, and it has no accept duration (no intake wait).
   */
  durations: Record<'accept' | 'acknowledge' | 'resolve' | 'close', DurationStats>;
  /**
   * Per clock: the clock runs that finished (`met` + `missed`) and the share met. A case can run
   * a clock more than once (a return restarts accept and acknowledge, a reopening restarts
   * resolve), so these count runs, not cases; a run supervised before it stopped is missed.
   */
  slaCompliance: Record<SlaClock, { met: number; missed: number; rate: number | null }>;
  supervisions: { level1: number; level2: number };
  /**
   * Counts keyed by data (`byOutcome` … `byStatus`) are objects without a prototype: a key is
   * only ever a count, whatever its name (read them with `Object.entries` or `Object.hasOwn`).
   */
  byOutcome: Record<string, number>;
  bySection: Record<string, number>;
  byPost: Record<string, number>;
  byGrid: Record<string, number>;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  /**
   * Cases reported (`byDay`) and closed (`closedByDay`) per calendar day, keyed `YYYY-MM-DD` in
   * China Standard Time (UTC+8) unless `utcOffsetMinutes` says otherwise: the trend line.
   */
  byDay: Record<string, number>;
  closedByDay: Record<string, number>;
  /** Open cases whose running clock is past due at `now`, most overdue first. */
  overdue: { caseId: string; townId: string; status: string; dueAt: number; overdueMs: number }[];
}

/**
 * One case with its trail, as {@link computeKpis} reads it.
 *
 * @example
 * ```ts
 * import type { CaseWithTrail } from '@zhizhi/core/kpi';
 * const n = (c: CaseWithTrail) => c.audit.length;
 * ```
 */
export interface CaseWithTrail {
  record: CaseRecord;
  audit: readonly AuditEntry[];
}

function stats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] as number;
  return {
    count: v.length,
    mean: Math.round(v.reduce((s, x) => s + x, 0) / v.length),
    median: at(0.5),
    p90: at(0.9),
    max: v[v.length - 1] as number,
  };
}

/**
 * A count keyed by user data (a category, a grid, a post…): an object without a prototype, so a
 * key such as `constructor` or `__proto__` is just a key (it used to read `Object`'s function).
 */
const counts = (): Record<string, number> => Object.create(null);
const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

/** The event that stops each clock. */
const clockStop: Record<SlaClock, string[]> = {
  accept: ['DISPATCH', 'REJECT', 'MERGE'],
  acknowledge: ['ACKNOWLEDGE', 'RETURN'],
  resolve: ['RESOLVE'],
};
const clockStart: Record<SlaClock, string[]> = {
  accept: ['intake', 'dispatching'],
  acknowledge: ['assigned'],
  resolve: ['inProgress'],
};

/**
 * Computes KPIs from audit trails: durations (accept, acknowledge, resolve, close), SLA
 * compliance per clock (a clock counts as missed if it was supervised before it stopped),
 * supervision counts, counts by outcome, section, lead post, grid, category, status and day
 * (reported, closed), and the overdue list at `now`.
 *
 * @example
 * ```ts
 * import { computeKpis } from '@zhizhi/core/kpi';
 * computeKpis([], { now: Date.now() }).cases; // 0
 * ```
 */
export function computeKpis(
  cases: readonly CaseWithTrail[],
  options: { now: number; utcOffsetMinutes?: number },
): Kpis {
  const offset = (options.utcOffsetMinutes ?? 480) * 60_000;
  const day = (at: number) => new Date(at + offset).toISOString().slice(0, 10);
  const d = {
    accept: [] as number[],
    acknowledge: [] as number[],
    resolve: [] as number[],
    close: [] as number[],
  };
  const compliance = Object.fromEntries(
    slaClocks.map((c) => [c, { met: 0, missed: 0, rate: null as number | null }]),
  ) as Kpis['slaCompliance'];
  const k: Kpis = {
    cases: cases.length,
    open: 0,
    closed: 0,
    durations: {} as Kpis['durations'],
    slaCompliance: compliance,
    supervisions: { level1: 0, level2: 0 },
    byOutcome: counts(),
    bySection: counts(),
    byPost: counts(),
    byGrid: counts(),
    byCategory: counts(),
    byStatus: counts(),
    byDay: counts(),
    closedByDay: counts(),
    overdue: [],
  };
  for (const { record, audit } of cases) {
    const ctx = record.context;
    bump(k.byStatus, record.status);
    bump(k.byGrid, ctx.gridId);
    bump(k.byCategory, ctx.category);
    if (ctx.section) bump(k.bySection, ctx.section);
    if (ctx.lead?.kind === 'post') bump(k.byPost, ctx.lead.id);
    if (record.status === 'closed') {
      k.closed += 1;
      bump(k.byOutcome, ctx.outcome ?? 'unknown');
    } else {
      k.open += 1;
      if (record.slaDueAt !== null && record.slaDueAt <= options.now) {
        k.overdue.push({
          caseId: record.id,
          townId: record.townId,
          status: record.status,
          dueAt: record.slaDueAt,
          overdueMs: options.now - record.slaDueAt,
        });
      }
    }
    const first = audit[0];
    if (!first) continue;
    bump(k.byDay, day(first.at));
    const find = (type: string) => audit.find((e) => e.event === type);
    const accept = find('ACCEPT');
    if (accept) d.accept.push(accept.at - first.at);
    let lastDispatch: number | null = null;
    let firstDispatch: number | null = null;
    let lastResolve: number | null = null;
    let running = null as { clock: SlaClock; missed: boolean } | null;
    for (const e of audit) {
      if (e.event === 'DISPATCH' || (e.event === 'REPORT' && e.to === 'assigned')) {
        lastDispatch = e.at;
        firstDispatch ??= e.at;
      }
      if (e.event === 'ACKNOWLEDGE' && lastDispatch !== null)
        d.acknowledge.push(e.at - lastDispatch);
      if (e.event === 'RESOLVE') lastResolve = e.at;
      if (e.event === 'SLA_OVERDUE') {
        const level = e.data?.level;
        if (level === 1) k.supervisions.level1 += 1;
        if (level === 2) k.supervisions.level2 += 1;
        if (running) running.missed = true;
        continue;
      }
      if (running && clockStop[running.clock].includes(e.event)) {
        compliance[running.clock][running.missed ? 'missed' : 'met'] += 1;
        running = null;
      }
      if (e.from !== e.to || e.from === null) {
        const clock = slaClocks.find((c) => clockStart[c].includes(e.to));
        if (clock && running?.clock !== clock) running = { clock, missed: false };
        if (!clock) running = null;
      }
    }
    if (lastResolve !== null && firstDispatch !== null) d.resolve.push(lastResolve - firstDispatch);
    const last = audit[audit.length - 1];
    if (record.status === 'closed' && last) {
      d.close.push(last.at - first.at);
      bump(k.closedByDay, day(last.at));
    }
  }
  k.durations = {
    accept: stats(d.accept),
    acknowledge: stats(d.acknowledge),
    resolve: stats(d.resolve),
    close: stats(d.close),
  };
  for (const c of slaClocks) {
    const { met, missed } = compliance[c];
    compliance[c].rate = met + missed === 0 ? null : met / (met + missed);
  }
  k.overdue.sort((a, b) => b.overdueMs - a.overdueMs);
  return k;
}
