import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { parseDuration } from '../sla/parseDuration.js';
import type { CheckIn } from './checkInSchema.js';
import { dutyDiagnostic } from './dutyCatalog.js';
import type { GridDuty, GridDutyList } from './gridDutyListSchema.js';
import type {
  AssessByListOptions,
  DutyAssessment,
  DutyGap,
  ListAssessment,
} from './ListAssessment.js';

const perText = {
  household: { perZh: '户', perEn: 'household' },
  place: { perZh: '重点场所', perEn: 'key place' },
} as const;

interface Tally {
  duty: GridDuty;
  times: number;
  period: number | null;
  periods: number;
  roster: string[] | null;
  counts: Map<number, Map<string, number>>;
  open: number;
  checkIns: number;
}

/** Periods one duty may span in one assessment (over two years of hourly periods). */
const MAX_PERIODS = 20_000;

const iso = (ms: number) =>
  Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);

function tallyOf(duty: GridDuty, index: number, options: AssessByListOptions, out: Diagnostic[]) {
  const f = duty.frequency;
  const per = duty.done.per;
  let roster: string[] | null = null;
  if (per !== undefined) {
    const given = per === 'household' ? options.households : options.places;
    if (given && given.length > 0) roster = [...new Set(given)];
    else {
      const params = { dutyId: duty.id, ...perText[per] };
      out.push(
        dutyDiagnostic('duty.noTargets', ['duties', index, 'done', 'per'], params, 'warning'),
      );
    }
  }
  const period = f === 'asNeeded' ? null : parseDuration(typeof f === 'object' ? f.per : f);
  return {
    duty,
    times: typeof f === 'object' ? f.times : 1,
    period,
    periods: period === null ? 0 : Math.floor((options.to - options.from) / period),
    roster,
    counts: new Map(),
    open: 0,
    checkIns: 0,
  } satisfies Tally;
}

/** Whether a check-in counts for its duty; pushes the reason when it does not. */
function accept(c: CheckIn, i: number, tally: Tally, out: Diagnostic[]): string | false {
  const { duty, roster } = tally;
  if (!duty.done.kinds.includes(c.kind)) {
    const params = { kind: c.kind, dutyId: duty.id, kinds: duty.done.kinds.join(', ') };
    out.push(dutyDiagnostic('duty.checkInWrongKind', ['checkIns', i, 'kind'], params));
    return false;
  }
  const per = duty.done.per;
  if (roster === null || per === undefined) return '';
  const target = per === 'household' ? c.household : c.place;
  const params = { dutyId: duty.id, target: target ?? '', ...perText[per] };
  if (target === undefined) {
    out.push(dutyDiagnostic('duty.checkInMissingTarget', ['checkIns', i, per], params));
    return false;
  }
  if (!roster.includes(target)) {
    out.push(dutyDiagnostic('duty.checkInUnknownTarget', ['checkIns', i, per], params));
    return false;
  }
  return target;
}

function judge(tally: Tally, from: number, to: number, gaps: DutyGap[]): DutyAssessment {
  const { duty, times, period, periods, roster, checkIns } = tally;
  const base = { dutyId: duty.id, name: duty.name };
  if (period === null) {
    return {
      ...base,
      periods,
      required: 0,
      done: checkIns,
      checkIns,
      missedPeriods: 0,
      score: null,
    };
  }
  const slots = roster ?? [''];
  const perPeriod = times * slots.length;
  let done = 0;
  let missedPeriods = 0;
  for (let k = 0; k < periods; k++) {
    const counts = tally.counts.get(k);
    let doneK = 0;
    const missing: string[] = [];
    for (const slot of slots) {
      const n = Math.min(counts?.get(slot) ?? 0, times);
      doneK += n;
      if (n < times && roster) missing.push(slot);
    }
    done += doneK;
    if (doneK < perPeriod) {
      missedPeriods++;
      const start = from + k * period;
      const end = start + period;
      const gap: DutyGap = { ...base, from: start, to: end, required: perPeriod, done: doneK };
      if (roster) gap.missing = missing;
      gaps.push(gap);
    }
  }
  const required = periods * perPeriod;
  const result: DutyAssessment = {
    ...base,
    periods,
    required,
    done,
    checkIns,
    missedPeriods,
    score: required > 0 ? (done / required) * 100 : null,
  };
  if (from + periods * period < to) {
    result.open = { from: from + periods * period, to, checkIns: tally.open };
  }
  return result;
}

/**
 * Assesses one grid worker "by the list" (照单履职、对单考核): for each duty, how many
 * check-ins were required over the span and how many were done, which periods fell short, a
 * score 0–100 and the list of gaps. Only the worker's own check-ins are read. A check-in
 * outside the span, for a duty not on the list, of a kind the duty does not accept, or naming
 * no household or place (or one not on the roster) is not counted and is reported as a
 * diagnostic whose path points into `checkIns`. Pure and deterministic; never throws.
 *
 * @example
 * ```ts
 * import { assessByList, sampleGridDutyList } from '@zhizhi/core/duty';
 * const monday = Date.UTC(2026, 0, 4, 16); // 2026-01-05 00:00 in Chongqing
 * const a = assessByList(
 *   sampleGridDutyList,
 *   [{ workerId: 'qj-sj-c1-g1-worker', dutyId: 'dailyPatrol', kind: 'patrol', at: monday + 3_600_000 }],
 *   { workerId: 'qj-sj-c1-g1-worker', from: monday, to: monday + 86_400_000 },
 * );
 * a.duties.find((d) => d.dutyId === 'dailyPatrol')?.score; // 100
 * ```
 */
export function assessByList(
  list: GridDutyList,
  checkIns: readonly CheckIn[],
  options: AssessByListOptions,
): ListAssessment {
  const { workerId, from, to } = options;
  const diagnostics: Diagnostic[] = [];
  const result = { listId: list.id, workerId, from, to };
  if (!(Number.isFinite(from) && Number.isFinite(to) && from < to)) {
    diagnostics.push(
      dutyDiagnostic('duty.invalidPeriod', ['to'], { from: iso(from), to: iso(to) }),
    );
    return { ...result, score: 100, duties: [], gaps: [], diagnostics };
  }
  const tallies = new Map<string, Tally>();
  list.duties.forEach((duty, i) => {
    if (!tallies.has(duty.id)) tallies.set(duty.id, tallyOf(duty, i, options, diagnostics));
  });
  const longest = Math.max(...[...tallies.values()].map((t) => t.periods));
  if (longest > MAX_PERIODS) {
    const params = { periods: longest, max: MAX_PERIODS };
    diagnostics.push(dutyDiagnostic('duty.tooManyPeriods', ['to'], params));
    return { ...result, score: 100, duties: [], gaps: [], diagnostics };
  }
  checkIns.forEach((c, i) => {
    if (c.workerId !== workerId) return;
    if (!(c.at >= from && c.at < to)) {
      const params = { at: iso(c.at), from: iso(from), to: iso(to) };
      diagnostics.push(
        dutyDiagnostic('duty.checkInOutsidePeriod', ['checkIns', i, 'at'], params, 'warning'),
      );
      return;
    }
    const tally = tallies.get(c.dutyId);
    if (!tally) {
      diagnostics.push(
        dutyDiagnostic('duty.checkInUnknownDuty', ['checkIns', i, 'dutyId'], { dutyId: c.dutyId }),
      );
      return;
    }
    const slot = accept(c, i, tally, diagnostics);
    if (slot === false) return;
    tally.checkIns++;
    if (tally.period === null) return;
    const k = Math.floor((c.at - from) / tally.period);
    if (k >= tally.periods) {
      tally.open++;
      return;
    }
    const counts = tally.counts.get(k) ?? new Map<string, number>();
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
    tally.counts.set(k, counts);
  });
  const gaps: DutyGap[] = [];
  const duties = [...tallies.values()].map((t) => judge(t, from, to, gaps));
  gaps.sort((a, b) => a.from - b.from);
  const scored = duties.flatMap((d) => (d.score === null ? [] : [d.score]));
  const mean = scored.length > 0 ? scored.reduce((s, x) => s + x, 0) / scored.length : 100;
  for (const d of duties) if (d.score !== null) d.score = Math.round(d.score * 10) / 10;
  return { ...result, score: Math.round(mean * 10) / 10, duties, gaps, diagnostics };
}
