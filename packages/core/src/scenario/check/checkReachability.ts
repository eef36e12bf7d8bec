import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { ScenarioStep } from '../document/scenarioSchema.js';
import type { CheckContext } from './checkContext.js';
import { JOIN, UNKNOWN } from './checkGraph.js';
import type { BranchRegion } from './checkRegions.js';
import { UNREAD } from './salvageSteps.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/**
 * Which steps can finish: reach an `end` step (inside a parallel branch: reach `@join`). An
 * and/or graph solved backwards from the finishing steps in linear time: an ordinary step
 * finishes when one of its transitions leads to a step that finishes; a parallel step when its
 * `next` does and all (`join: 'all'`) or one (`join: 'any'`) of its branches do, modelled by a
 * virtual node `n + i` per parallel step `i`. Transitions to unknown steps and `@join` count as
 * finishing (they are reported elsewhere, and counting them avoids a cascade of dead ends).
 * An `end` step inside a branch does not finish it: only `@join` ends a branch.
 */
function finishingSteps(ctx: CheckContext): Uint8Array {
  const n = ctx.doc.steps.length;
  const need = new Int32Array(2 * n);
  const parents: number[][] = Array.from({ length: 2 * n }, () => []);
  const link = (child: number, parent: number) => {
    if (child === JOIN || child === UNKNOWN) need[parent] = (need[parent] as number) - 1;
    else parents[child]?.push(parent);
  };
  ctx.doc.steps.forEach((step, i) => {
    const edges = ctx.edges[i] ?? [];
    if (step.kind === 'end') {
      need[i] = ctx.home[i] === null ? 0 : 1;
    } else if (step.kind === 'parallel') {
      const v = n + i;
      need[i] = 2;
      need[v] = step.join === 'all' ? step.branches.length : 1;
      parents[v]?.push(i);
      for (const e of edges) link(e.target, e.branch === null ? i : v);
    } else {
      need[i] = 1;
      for (const e of edges) link(e.target, i);
    }
  });
  const done = new Uint8Array(2 * n);
  const queue: number[] = [];
  for (let k = 0; k < 2 * n; k++) {
    // a virtual node of a non-parallel step has need 0 and no parents: harmless
    if ((need[k] as number) <= 0) {
      done[k] = 1;
      queue.push(k);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const p of parents[queue[head] as number] ?? []) {
      if (done[p] === 1) continue;
      need[p] = (need[p] as number) - 1;
      if ((need[p] as number) <= 0) {
        done[p] = 1;
        queue.push(p);
      }
    }
  }
  return done;
}

/**
 * Checks that every step can be reached and can finish. Reports `scenario.unreachable` for a
 * step no trigger's start step leads to, and `scenario.deadEnd` for a reachable step from which
 * no `end` step can be reached — inside a parallel branch: no `@join`; for a parallel step: its
 * branches cannot finish (all of them for `join: 'all'`, one for `join: 'any'`) or its `next`
 * cannot. This also catches trap cycles (a loop with no way out). Linear in the size of the
 * graph: one breadth-first pass forwards from the triggers, one backwards from the ends.
 *
 * @internal
 * @example
 * ```ts
 * import { checkReachability } from './checkReachability.js';
 * import { createCheckContext } from './checkContext.js';
 * // a → b → a with no way out: both are dead ends
 * // checkReachability(createCheckContext(doc)).map((d) => d.code); // ['scenario.deadEnd', 'scenario.deadEnd']
 * ```
 */
export function checkReachability(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const finishes = finishingSteps(ctx);
  const n = ctx.doc.steps.length;
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.duplicate[i]) return;
    if (ctx.reached[i] === 0) {
      // a half-filled step may yet lead here, or this step's own id cannot be read
      if (ctx.unread || (ctx.broken[i] === 1 && step.id.startsWith(UNREAD))) return;
      out.push(scenarioDiagnostic('scenario.unreachable', ['steps', i], { step: step.id }));
    } else if (finishes[i] === 0) {
      const why = deadEndDetail(step, ctx.home[i] ?? null, finishes[n + i] === 1);
      out.push(
        scenarioDiagnostic('scenario.deadEnd', ['steps', i], { detail: why.en, detailZh: why.zh }),
      );
    }
  });
  return out;
}

/** Why a step cannot finish, in words. `branchesFinish` matters for parallel steps only. */
function deadEndDetail(
  step: ScenarioStep,
  home: BranchRegion | null,
  branchesFinish: boolean,
): { en: string; zh: string } {
  const s = step.id;
  if (step.kind === 'end' && home) {
    return {
      en: `End step \`${s}\` is inside branch \`${home.branch}\` of parallel step \`${home.parallel}\`, where only \`@join\` finishes a branch (put the end step after the parallel step)`,
      zh: `结束步骤 \`${s}\` 位于并行步骤 \`${home.parallel}\` 的分支 \`${home.branch}\` 内，分支只能以 \`@join\` 结束（请把结束步骤放在并行步骤之后）`,
    };
  }
  if (step.kind === 'parallel' && !branchesFinish) {
    return step.join === 'all'
      ? {
          en: `Parallel step \`${s}\` waits for all its branches, but not every branch can reach \`@join\``,
          zh: `并行步骤 \`${s}\` 需等待全部分支，但并非每个分支都能到达 \`@join\``,
        }
      : {
          en: `Parallel step \`${s}\` waits for one of its branches, but none can reach \`@join\``,
          zh: `并行步骤 \`${s}\` 需等待任一分支，但没有分支能到达 \`@join\``,
        };
  }
  if (home) {
    return {
      en: `Step \`${s}\` cannot reach \`@join\`, so branch \`${home.branch}\` of parallel step \`${home.parallel}\` never finishes`,
      zh: `步骤 \`${s}\` 无法到达 \`@join\`，并行步骤 \`${home.parallel}\` 的分支 \`${home.branch}\` 永远不会结束`,
    };
  }
  return {
    en: `No end step can be reached from step \`${s}\``,
    zh: `从步骤 \`${s}\` 出发无法到达任何结束步骤`,
  };
}
