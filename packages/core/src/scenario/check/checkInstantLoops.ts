import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { CheckContext } from './checkContext.js';
import { type GraphEdge, JOIN } from './checkGraph.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';
import { solveAndOr } from './solveAndOr.js';
import { stronglyConnected, wayRound } from './stronglyConnected.js';

/**
 * Steps an instance may pass through without waiting: a `decision`, `notify` or `escalate`
 * always does, and a `campaign` does when it is entered again with its coverage already
 * reached (re-entering keeps the check-ins made).
 */
const passing = new Set(['decision', 'notify', 'escalate', 'campaign']);

/**
 * Which parallel steps may finish the moment they are entered (`done[n + i]`): all their
 * branches (`join: 'all'`) or one (`'any'`) can reach `@join` through steps that do not wait.
 * An and/or graph solved backwards from `@join` in linear time, like the finishing steps of
 * `checkReachability`, over transitions that are not timeouts.
 */
function finishAtOnce(ctx: CheckContext): Uint8Array {
  const n = ctx.doc.steps.length;
  const need = new Int32Array(2 * n).fill(1 << 30);
  const parents: number[][] = Array.from({ length: 2 * n }, () => []);
  const link = (e: GraphEdge, parent: number) => {
    if (e.target === JOIN) need[parent] = (need[parent] as number) - 1;
    else if (e.target >= 0) parents[e.target]?.push(parent);
  };
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.broken[i]) return;
    const edges = (ctx.edges[i] ?? []).filter((e) => !e.timeout);
    if (passing.has(step.kind)) {
      need[i] = 1;
      for (const e of edges) link(e, i);
    } else if (step.kind === 'parallel') {
      const v = n + i;
      need[i] = 2;
      need[v] = step.join === 'all' ? step.branches.length : 1;
      parents[v]?.push(i);
      for (const e of edges) link(e, e.branch === null ? i : v);
    }
  });
  return solveAndOr(need, parents);
}

/** The transitions an instance may take without waiting, per step (targets and edges). */
function instantEdges(ctx: CheckContext): GraphEdge[][] {
  const n = ctx.doc.steps.length;
  const done = finishAtOnce(ctx);
  return ctx.doc.steps.map((step, i) => {
    if (ctx.broken[i]) return [];
    const edges = (ctx.edges[i] ?? []).filter((e) => !e.timeout && e.target >= 0);
    if (passing.has(step.kind)) return edges;
    if (step.kind !== 'parallel') return [];
    // entering a parallel step enters its branches; it leaves by `next` at once only when its
    // branches can finish at once
    return edges.filter((e) => e.branch !== null || done[n + i] === 1);
  });
}

/**
 * Checks that no loop of steps can be gone round without waiting for anything. A `decision`,
 * `notify` or `escalate` step acts and moves on in the same command; so does a `campaign`
 * entered again once its coverage is reached, and a `parallel` step whose branches (all of them
 * for `join: 'all'`, one for `'any'`) finish through such steps. A loop made only of these would
 * spin forever inside one command (`send` would never return), so each one is a
 * `scenario.instantLoop` error at the transition that leads back to its first step, naming the
 * steps of the loop. A `task`, `dispatch` or `wait` in the loop breaks it, and so does an SLA
 * timeout (a timer fires in a later command). Linear in the size of the graph.
 *
 * @internal
 * @example
 * ```ts
 * import { checkInstantLoops } from './checkInstantLoops.js';
 * import { createCheckContext } from './checkContext.js';
 * // decision `route` → notify `tell` → `route`
 * // checkInstantLoops(createCheckContext(doc))[0]?.path; // ['steps', 3, 'next']
 * ```
 */
export function checkInstantLoops(ctx: CheckContext): Diagnostic[] {
  const next = instantEdges(ctx);
  const out: Diagnostic[] = [];
  for (const component of stronglyConnected(next)) {
    const way = wayRound(next, component);
    if (!way) continue;
    const ids = [...way.steps, way.steps[0] as number].map((i) => `\`${ctx.doc.steps[i]?.id}\``);
    out.push(
      scenarioDiagnostic('scenario.instantLoop', way.closing.path, { cycle: ids.join(' → ') }),
    );
  }
  return out;
}
