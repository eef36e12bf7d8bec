import { type StepEdge, stepEdges } from '../document/scenarioGraph.js';
import type { Scenario } from '../document/scenarioSchema.js';

// The step graph as the checks walk it: edges resolved to step indices, successor lists and
// breadth-first reachability, all linear in the size of the document.

/**
 * `GraphEdge.target` of an edge to `@join`.
 *
 * @internal
 * @example
 * ```ts
 * import { type GraphEdge, JOIN } from './checkGraph.js';
 * const endsBranch = (e: GraphEdge) => e.target === JOIN;
 * ```
 */
export const JOIN = -2;
/**
 * `GraphEdge.target` of an edge to an id that is no step.
 *
 * @internal
 * @example
 * ```ts
 * import { type GraphEdge, UNKNOWN } from './checkGraph.js';
 * const dangling = (e: GraphEdge) => e.target === UNKNOWN;
 * ```
 */
export const UNKNOWN = -1;

/**
 * One outgoing edge of a step, resolved: `target` is the index of the step it leads to (the
 * first step with that id), {@link JOIN} or {@link UNKNOWN}; `branch` is the branch id when the
 * edge is a parallel step's edge into one of its branches, else `null`.
 *
 * @internal
 * @example
 * ```ts
 * import type { GraphEdge } from './checkGraph.js';
 * const intoBranch = (e: GraphEdge) => e.branch !== null;
 * ```
 */
export interface GraphEdge extends StepEdge {
  target: number;
  branch: string | null;
}

/**
 * Resolves every step's edges ({@link stepEdges}) against the step index.
 *
 * @internal
 * @example
 * ```ts
 * import { resolveEdges } from './checkGraph.js';
 * // resolveEdges(doc, new Map([['done', 4]]))[3]; // [{ to: 'done', target: 4, branch: null, … }]
 * ```
 */
export function resolveEdges(doc: Scenario, stepIndex: Map<string, number>): GraphEdge[][] {
  return doc.steps.map((step, i) => {
    const edges = stepEdges(step, i);
    const out: GraphEdge[] = new Array(edges.length);
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k] as StepEdge;
      const target = e.to === '@join' ? JOIN : (stepIndex.get(e.to) ?? UNKNOWN);
      let branch: string | null = null;
      if (step.kind === 'parallel' && e.path[2] === 'branches' && typeof e.path[3] === 'number') {
        branch = step.branches[e.path[3]]?.id ?? null;
      }
      out[k] = { to: e.to, path: e.path, timeout: e.timeout, target, branch };
    }
    return out;
  });
}

/**
 * Breadth-first from `starts` along `next` (successor indices per step; negative entries are
 * skipped); returns a mark per step, 1 for every step visited. Linear in the edges walked.
 *
 * @internal
 * @example
 * ```ts
 * import { reachFrom } from './checkGraph.js';
 * reachFrom(3, [0], (i) => (i === 0 ? [1] : [])); // Uint8Array [1, 1, 0]
 * ```
 */
export function reachFrom(
  n: number,
  starts: Iterable<number>,
  next: (i: number) => readonly number[],
): Uint8Array {
  const seen = new Uint8Array(n);
  const queue: number[] = [];
  for (const s of starts) {
    if (s >= 0 && s < n && seen[s] === 0) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const targets = next(queue[head] as number);
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k] as number;
      if (t >= 0 && t < n && seen[t] === 0) {
        seen[t] = 1;
        queue.push(t);
      }
    }
  }
  return seen;
}

/**
 * Successor indices per step: known targets only, with or without parallel branch entries.
 *
 * @internal
 * @example
 * ```ts
 * import { successors } from './checkGraph.js';
 * // successors(ctx.edges, false)[i]; // the steps step i leads to, branch entries left out
 * ```
 */
export function successors(edges: readonly GraphEdge[][], withBranches: boolean): number[][] {
  return edges.map((list) => {
    const out: number[] = [];
    for (const e of list)
      if (e.target >= 0 && (withBranches || e.branch === null)) out.push(e.target);
    return out;
  });
}
