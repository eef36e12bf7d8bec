import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { MAX_PARALLEL_DEPTH } from '../document/scenarioLimits.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/**
 * Checks that parallel steps nest at most {@link MAX_PARALLEL_DEPTH} levels deep (a parallel
 * step at the top level is at level 1, one inside its branch at level 2, …), the nesting the
 * compiled machine may have. Reports `scenario.tooDeep` at each parallel step one level too
 * deep (not again at the ones inside it). Linear in the number of steps.
 *
 * @internal
 * @example
 * ```ts
 * import { checkNesting } from './checkNesting.js';
 * import { createCheckContext } from './checkContext.js';
 * // nine parallel steps, each inside a branch of the one before
 * // checkNesting(createCheckContext(doc)).map((d) => d.code); // ['scenario.tooDeep']
 * ```
 */
export function checkNesting(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const n = ctx.doc.steps.length;
  const depth = new Int32Array(n); // 0: not computed yet
  const levelOf = (i: number): number => {
    // walk out through the enclosing parallel steps, then fill in the levels on the way back
    const chain: number[] = [];
    let at = i;
    while (at >= 0 && depth[at] === 0 && chain.length <= n) {
      chain.push(at);
      const region = ctx.home[at];
      at = region ? (ctx.stepIndex.get(region.parallel) ?? -1) : -1;
    }
    let level = at >= 0 ? (depth[at] as number) : 0;
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k] as number;
      if (ctx.doc.steps[s]?.kind === 'parallel') level += 1;
      depth[s] = Math.max(level, 1);
    }
    return depth[i] as number;
  };
  ctx.doc.steps.forEach((step, i) => {
    if (step.kind !== 'parallel' || ctx.duplicate[i]) return;
    const level = levelOf(i);
    if (level === MAX_PARALLEL_DEPTH + 1) {
      out.push(
        scenarioDiagnostic('scenario.tooDeep', ['steps', i], {
          step: step.id,
          depth: level,
          max: MAX_PARALLEL_DEPTH,
        }),
      );
    }
  });
  return out;
}
