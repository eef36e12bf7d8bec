import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { LocalizedText } from '../i18n/Lang.js';

/**
 * Whom and which time span {@link assessByList} assesses. `from` is inclusive, `to`
 * exclusive, both epoch milliseconds; periods start at `from`. `households` and `places` are
 * the worker's rosters (key residents, key places) for duties assessed per household or place.
 *
 * @example
 * ```ts
 * import type { AssessByListOptions } from '@zhizhi/core/duty';
 * const week: AssessByListOptions = {
 *   workerId: 'qj-sj-c1-g1-worker',
 *   from: Date.UTC(2026, 0, 4, 16), // Monday 00:00 in Chongqing (UTC+8)
 *   to: Date.UTC(2026, 0, 11, 16),
 *   households: ['11-2-301', '12-1-502'],
 * };
 * ```
 */
export interface AssessByListOptions {
  workerId: string;
  from: number;
  to: number;
  households?: readonly string[];
  places?: readonly string[];
}

/**
 * How one duty of the list was done. `periods` counts the whole periods in the span;
 * `required` is times × roster size × periods and `done` what was done towards it, capped
 * per period and per household or place, so extra work in one period never makes up for a
 * missed one. `checkIns` counts every check-in accepted for the duty, uncapped, the open
 * period included. `open` is the trailing period that has not ended by `to`: it is shown but
 * not judged. `score` is `done / required` as 0–100 (one decimal), `null` when nothing was
 * required (a duty done "as needed", or no whole period in the span).
 *
 * @example
 * ```ts
 * import type { DutyAssessment } from '@zhizhi/core/duty';
 * const line = (d: DutyAssessment) => `${d.name.zh} ${d.done}/${d.required}`;
 * ```
 */
export interface DutyAssessment {
  dutyId: string;
  name: LocalizedText;
  periods: number;
  required: number;
  done: number;
  checkIns: number;
  missedPeriods: number;
  score: number | null;
  open?: { from: number; to: number; checkIns: number };
}

/**
 * One period in which a duty fell short: what was required and done, and, for a duty
 * assessed per household or place, whom the worker did not reach.
 *
 * @example
 * ```ts
 * import type { DutyGap } from '@zhizhi/core/duty';
 * const say = (g: DutyGap) => `${g.name.en}: ${g.done}/${g.required} from ${new Date(g.from).toISOString()}`;
 * ```
 */
export interface DutyGap {
  dutyId: string;
  name: LocalizedText;
  from: number;
  to: number;
  required: number;
  done: number;
  missing?: string[];
}

/**
 * An assessment "by the list" (对单考核) of one worker over one span: each duty's result,
 * the overall `score` (the mean of the scored duties' scores, one decimal; 100 when nothing
 * was due), the gaps in time order, and diagnostics for check-ins that were not counted.
 *
 * @example
 * ```ts
 * import type { ListAssessment } from '@zhizhi/core/duty';
 * const passed = (a: ListAssessment) => a.score >= 90 && a.gaps.length === 0;
 * ```
 */
export interface ListAssessment {
  listId: string;
  workerId: string;
  from: number;
  to: number;
  score: number;
  duties: DutyAssessment[];
  gaps: DutyGap[];
  diagnostics: Diagnostic[];
}
