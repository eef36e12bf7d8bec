import type { Scenario, ScenarioStep } from './scenarioSchema.js';

/**
 * One outgoing edge of a step: where it leads (`@join` ends a parallel branch), why (the
 * JSON path of the field holding the target, for diagnostics and the designer), and whether it
 * is the timeout edge of an SLA.
 *
 * @example
 * ```ts
 * import type { StepEdge } from '@zhizhi/core/scenario';
 * const isTimeout = (e: StepEdge) => e.timeout;
 * ```
 */
export interface StepEdge {
  to: string;
  path: (string | number)[];
  timeout: boolean;
}

/**
 * The outgoing edges of a step, in document order (`index` is the step's position in
 * `steps`, used to build paths). Parallel steps lead to their branches' starts and to `next`.
 *
 * @example
 * ```ts
 * import { stepEdges } from '@zhizhi/core/scenario';
 * stepEdges({ id: 'n', kind: 'notify', to: [{ kind: 'grid', id: 'g1' }], channels: ['app'], next: 'done' }, 0)
 *   .map((e) => e.to); // ['done']
 * ```
 */
export function stepEdges(step: ScenarioStep, index: number): StepEdge[] {
  const at = (...rest: (string | number)[]) => ['steps', index, ...rest];
  const edges: StepEdge[] = [];
  switch (step.kind) {
    case 'task':
      for (const [i, o] of step.outcomes.entries()) {
        edges.push({ to: o.to, path: at('outcomes', i, 'to'), timeout: false });
      }
      break;
    case 'decision':
      for (const [i, b] of step.branches.entries()) {
        edges.push({ to: b.to, path: at('branches', i, 'to'), timeout: false });
      }
      edges.push({ to: step.otherwise, path: at('otherwise'), timeout: false });
      break;
    case 'parallel':
      for (const [i, b] of step.branches.entries()) {
        edges.push({ to: b.start, path: at('branches', i, 'start'), timeout: false });
      }
      edges.push({ to: step.next, path: at('next'), timeout: false });
      break;
    case 'end':
      break;
    default:
      edges.push({ to: step.next, path: at('next'), timeout: false });
  }
  if ('sla' in step && step.sla) {
    edges.push({ to: step.sla.onTimeout, path: at('sla', 'onTimeout'), timeout: true });
  }
  return edges;
}

/**
 * Where each step lives: at the top level (`null`), or inside a branch of a parallel step
 * (`{ parallel, branch }`). A branch owns the steps reachable from its start without passing
 * its parallel step's `next`; nested parallels own their own branches. Steps claimed by two
 * places are reported in `conflicts`.
 *
 * @example
 * ```ts
 * import { stepRegions } from '@zhizhi/core/scenario';
 * // stepRegions(doc).regionOf.get('inspect') → { parallel: 'handle', branch: 'fire' }
 * ```
 */
export function stepRegions(doc: Scenario): {
  regionOf: Map<string, { parallel: string; branch: string } | null>;
  conflicts: string[];
} {
  const byId = new Map(doc.steps.map((s, i) => [s.id, { step: s, index: i }] as const));
  const regionOf = new Map<string, { parallel: string; branch: string } | null>();
  const conflicts = new Set<string>();
  for (const s of doc.steps) regionOf.set(s.id, null);
  for (const p of doc.steps) {
    if (p.kind !== 'parallel') continue;
    for (const b of p.branches) {
      const seen = new Set<string>();
      const queue = [b.start];
      for (let head = 0; head < queue.length; head++) {
        const id = queue[head] as string;
        const found = byId.get(id);
        if (!found || seen.has(id)) continue;
        seen.add(id);
        if (regionOf.get(id) !== null) {
          conflicts.add(id);
          continue;
        }
        regionOf.set(id, { parallel: p.id, branch: b.id });
        for (const e of stepEdges(found.step, found.index)) {
          // a nested parallel's branches belong to it, not to this branch
          if (found.step.kind === 'parallel' && e.path.includes('branches')) continue;
          queue.push(e.to);
        }
      }
    }
  }
  return { regionOf, conflicts: [...conflicts] };
}
