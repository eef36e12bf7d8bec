/** Work allowed per suggester (cells of the distance table), so that a document full of typos stays fast. */
const BUDGET = 2_000_000;

/**
 * Optimal-string-alignment distance between `a` and `b` (insertions, deletions, substitutions
 * and swaps of two neighbours each cost 1; letters compared without case), or `max + 1` as
 * soon as it is known to exceed `max`.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Makes a finder of the closest of `candidates` to a misspelt name: the candidate that differs
 * only in case, else the one at the smallest edit distance (a letter added, dropped, changed or
 * two swapped) if that is at most a third of the name's length (at least 1). Ties go to the
 * candidate listed first; no candidate close enough gives `undefined`. Each finder does a
 * bounded amount of work in all, so a document full of typos cannot make a check slow (past
 * that, it just stops suggesting).
 *
 * @example
 * ```ts
 * import { closestName } from '@zhizhi/core/scenario';
 * const suggest = closestName(['gridWorker', 'gridChief', 'dutyOfficer']);
 * suggest('gridworker'); // 'gridWorker'
 * suggest('gridChef'); // 'gridChief'
 * suggest('mayor'); // undefined
 * ```
 */
export function closestName(candidates: Iterable<string>): (name: string) => string | undefined {
  const list = [...new Set(candidates)];
  const lower = list.map((c) => c.toLowerCase());
  let budget = BUDGET;
  return (name) => {
    if (name.length === 0 || name.length > 128) return undefined;
    const wanted = name.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return list[exact] === name ? undefined : list[exact];
    let max = Math.max(1, Math.floor(name.length / 3));
    let best: string | undefined;
    for (let k = 0; k < lower.length && budget > 0; k++) {
      const c = lower[k] as string;
      if (Math.abs(c.length - wanted.length) > max) continue;
      budget -= (c.length + 1) * (wanted.length + 1);
      const d = distance(wanted, c, max);
      if (d <= max) {
        best = list[k];
        max = d - 1; // only a strictly closer candidate replaces it
        if (max < 0) break;
      }
    }
    return best;
  };
}

/**
 * The `hint` and `hintZh` params of a message that may end with a suggestion: `; did you mean
 * \`x\`?` and `；是否指 \`x\`？`, or two empty strings when there is none.
 *
 * @example
 * ```ts
 * import { didYouMean } from '@zhizhi/core/scenario';
 * didYouMean('done'); // { hint: '; did you mean `done`?', hintZh: '；是否指 `done`？' }
 * didYouMean(undefined); // { hint: '', hintZh: '' }
 * ```
 */
export function didYouMean(
  suggestion: string | undefined,
  zhLabel?: string,
): { hint: string; hintZh: string } {
  if (suggestion === undefined) return { hint: '', hintZh: '' };
  const zh = zhLabel && zhLabel !== suggestion ? `（${zhLabel}）` : '';
  return { hint: `; did you mean \`${suggestion}\`?`, hintZh: `；是否指 \`${suggestion}\`${zh}？` };
}
