import type { Scenario } from '../document/scenarioSchema.js';
import type { CheckContext } from './checkContext.js';
import { JOIN, reachFrom, successors, UNKNOWN } from './checkGraph.js';

/**
 * A parallel branch: the parallel step's id and the branch's id.
 *
 * @internal
 * @example
 * ```ts
 * import type { BranchRegion } from './checkRegions.js';
 * const label = (r: BranchRegion | null) => (r ? `${r.parallel}/${r.branch}` : 'top level');
 * ```
 */
export interface BranchRegion {
  parallel: string;
  branch: string;
}

/**
 * Which branch claims each step, as `stepRegions` decides it (parallel steps in document
 * order, their branches in order; a branch owns what its start leads to without entering nested
 * parallels' branches), but linear: a branch stops at a step another branch claimed and marks
 * it as a conflict instead of walking on through it. Returns the claiming branch's index into
 * `regions` per step (-1: none) and the conflict marks.
 */
function branchClaims(doc: Scenario, ctx: Base, flow: readonly number[][]) {
  const n = doc.steps.length;
  const claim = new Int32Array(n).fill(-1);
  const conflict = new Uint8Array(n);
  const regions: BranchRegion[] = [];
  doc.steps.forEach((p, i) => {
    if (p.kind !== 'parallel' || ctx.duplicate[i]) return;
    for (const b of p.branches) {
      const r = regions.push({ parallel: p.id, branch: b.id }) - 1;
      const start = ctx.stepIndex.get(b.start);
      if (start === undefined) continue;
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        const s = queue[head] as number;
        if (claim[s] === r) continue;
        if (claim[s] !== -1) {
          conflict[s] = 1;
          continue;
        }
        claim[s] = r;
        for (const t of flow[s] ?? []) if (claim[t] !== r) queue.push(t);
      }
    }
  });
  return { claim, conflict, regions };
}

type Base = Omit<CheckContext, 'home' | 'conflicts' | 'reached' | 'broken' | 'unread'>;

/**
 * Where each step lives (`home`, per step index) and which steps two branches claim
 * (`conflicts`, by id): see {@link CheckContext}. Linear in the size of the document.
 *
 * @internal
 * @example
 * ```ts
 * import { homeRegions } from './checkRegions.js';
 * // homeRegions(doc, base).home[2]; // { parallel: 'handle', branch: 'fire' }
 * ```
 */
export function homeRegions(doc: Scenario, ctx: Base) {
  const n = doc.steps.length;
  const flow = successors(ctx.edges, false);
  const { claim, conflict, regions } = branchClaims(doc, ctx, flow);
  const starts = doc.triggers.map((t) => ctx.stepIndex.get(t.start) ?? UNKNOWN);
  const topReach = reachFrom(n, starts, (i) => flow[i] ?? []);
  // reverse edges (branch entries excluded), then everything that can lead to an `@join`
  const reverse: number[][] = [];
  for (let i = 0; i < n; i++) reverse.push([]);
  const joins: number[] = [];
  ctx.edges.forEach((edges, i) => {
    for (const e of edges) {
      if (e.branch !== null) continue;
      if (e.target === JOIN) joins.push(i);
      else if (e.target >= 0) reverse[e.target]?.push(i);
    }
  });
  const joinReach = reachFrom(n, joins, (i) => reverse[i] ?? []);
  const conflicts = new Set<string>();
  const home = doc.steps.map((step, i) => {
    const c = claim[i] as number;
    // reached by a branch by mistake: a top-level step a branch leaks into
    if (c === -1 || (topReach[i] === 1 && joinReach[i] === 0)) return null;
    if (conflict[i] === 1) conflicts.add(step.id);
    return regions[c] ?? null;
  });
  return { home, conflicts };
}
