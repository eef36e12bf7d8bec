import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { ScenarioStep } from '../document/scenarioSchema.js';
import type { CheckContext } from './checkContext.js';
import { type GraphEdge, JOIN, UNKNOWN } from './checkGraph.js';
import type { BranchRegion } from './checkRegions.js';
import { UNREAD } from './salvageSteps.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';
import { solveAndOr } from './solveAndOr.js';
import { stronglyConnected, wayRound } from './stronglyConnected.js';

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
  return solveAndOr(need, parents);
}

/**
 * The graph of the reachable steps that cannot finish, with the transitions that keep an
 * instance among them: for an ordinary step every transition to such a step; for a parallel
 * step its `next` if that cannot finish, and its branch entries if its branches cannot.
 */
function trappedGraph(ctx: CheckContext, finishes: Uint8Array): GraphEdge[][] {
  const n = ctx.doc.steps.length;
  const trapped = (i: number) => ctx.reached[i] === 1 && finishes[i] === 0 && !ctx.duplicate[i];
  return ctx.doc.steps.map((step, i) => {
    if (!trapped(i)) return [];
    const edges = (ctx.edges[i] ?? []).filter((e) => e.target >= 0 && trapped(e.target));
    if (step.kind !== 'parallel') return edges;
    const branchesFinish = finishes[n + i] === 1;
    return edges.filter((e) => e.branch === null || !branchesFinish);
  });
}

/**
 * Checks that every step can be reached and can finish. Reports `scenario.unreachable` for a
 * step no trigger's start step leads to, and `scenario.deadEnd` where an instance gets trapped:
 * a loop of reachable steps with no way out to an `end` step (inside a parallel branch: to
 * `@join`), at the transition that closes the loop; and an `end` step inside a branch (only
 * `@join` finishes a branch), at each transition that leads into it. The steps on the way into a
 * trap are not blamed: they are fine once the trap is fixed. Linear in the size of the graph:
 * one breadth-first pass forwards from the triggers, one backwards from the ends, and one pass
 * over the strongly connected components of the trapped steps.
 *
 * @internal
 * @example
 * ```ts
 * import { checkReachability } from './checkReachability.js';
 * import { createCheckContext } from './checkContext.js';
 * // notify `tell` → task `stuck`, whose only outcome leads back to `stuck`
 * // checkReachability(createCheckContext(doc)).map((d) => d.path); // [['steps', 5, 'outcomes', 0, 'to']]
 * ```
 */
export function checkReachability(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const finishes = finishingSteps(ctx);
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.duplicate[i] || ctx.reached[i] === 1) return;
    // a half-filled step may yet lead here, or this step's own id cannot be read
    if (ctx.unread || (ctx.broken[i] === 1 && step.id.startsWith(UNREAD))) return;
    out.push(scenarioDiagnostic('scenario.unreachable', ['steps', i], { step: step.id }));
  });
  const trapped = trappedGraph(ctx, finishes);
  const inLoop = new Uint8Array(trapped.length);
  for (const component of stronglyConnected(trapped)) {
    for (const i of component) inLoop[i] = 1;
    const inside = new Set(component);
    const leaves = component.some((i) => (trapped[i] ?? []).some((e) => !inside.has(e.target)));
    const way = leaves ? null : wayRound(trapped, component);
    if (!way) continue;
    const ids = [...way.steps, way.steps[0] as number].map((i) => ctx.doc.steps[i]?.id ?? '');
    const why = loopDetail(ids, ctx.home[way.steps[0] as number] ?? null);
    out.push(deadEnd(way.closing.path, why));
  }
  ctx.doc.steps.forEach((step, i) => {
    if ((trapped[i] ?? []).length > 0 || inLoop[i] === 1) return;
    if (ctx.reached[i] === 0 || finishes[i] === 1 || ctx.duplicate[i]) return;
    // a trap without a loop: an end step inside a branch. Blame the transitions into it.
    const home = ctx.home[i] ?? null;
    const into = ctx.edges.flatMap((edges, from) =>
      ctx.reached[from] === 1 ? edges.filter((e) => e.target === i) : [],
    );
    for (const e of into.length > 0 ? into : [null]) {
      const why = endDetail(step, home);
      out.push(deadEnd(e ? e.path : ['steps', i], why));
    }
  });
  return out;
}

function deadEnd(path: (string | number)[], why: { en: string; zh: string }): Diagnostic {
  return scenarioDiagnostic('scenario.deadEnd', path, { detail: why.en, detailZh: why.zh });
}

/** Why a loop traps an instance, in words. */
function loopDetail(ids: string[], home: BranchRegion | null): { en: string; zh: string } {
  const cycle = ids.map((id) => `\`${id}\``).join(' → ');
  if (home) {
    return {
      en: `The steps ${cycle} go round with no way out to \`@join\`, so branch \`${home.branch}\` of parallel step \`${home.parallel}\` never finishes`,
      zh: `步骤 ${cycle} 构成一个出不去的环，到不了 \`@join\`，并行步骤 \`${home.parallel}\` 的分支 \`${home.branch}\` 永远不会结束`,
    };
  }
  return {
    en: `The steps ${cycle} go round with no way out: no end step can be reached from them`,
    zh: `步骤 ${cycle} 构成一个出不去的环，从这里无法到达任何结束步骤`,
  };
}

/** Why a step that cannot finish and leads nowhere traps an instance: an end step in a branch. */
function endDetail(step: ScenarioStep, home: BranchRegion | null): { en: string; zh: string } {
  const s = step.id;
  if (step.kind === 'end' && home) {
    return {
      en: `This leads to the end step \`${s}\` inside branch \`${home.branch}\` of parallel step \`${home.parallel}\`, where only \`@join\` finishes a branch (lead to \`@join\` here, and put the end step after the parallel step)`,
      zh: `此处通向并行步骤 \`${home.parallel}\` 的分支 \`${home.branch}\` 内的结束步骤 \`${s}\`，但分支只能以 \`@join\` 结束（请在此处改为 \`@join\`，把结束步骤放到并行步骤之后）`,
    };
  }
  return {
    en: `No end step can be reached from step \`${s}\``,
    zh: `从步骤 \`${s}\` 出发无法到达任何结束步骤`,
  };
}
