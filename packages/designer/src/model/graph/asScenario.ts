import type { Scenario } from '@zhizhi/core/scenario';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';

const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown) => (Array.isArray(v) ? v.filter(isObj) : []);

/** A half-filled step with its lists of transitions made readable (missing → empty). */
function readable(s: DraftStep): DraftStep {
  switch (s.kind) {
    case 'task':
      return Array.isArray(s.outcomes) && s.outcomes.every(isObj)
        ? s
        : { ...s, outcomes: objects(s.outcomes) };
    case 'decision':
    case 'parallel':
      return Array.isArray(s.branches) && s.branches.every(isObj)
        ? s
        : { ...s, branches: objects(s.branches) };
    default:
      return s;
  }
}

/**
 * The draft seen as a scenario by core's graph helpers (`stepRegions`), which read only ids
 * and transitions: a half-filled step's missing list of outcomes or branches reads as empty
 * (core's `stepEdges` expects the lists to be there).
 *
 * @internal
 * @example
 * ```ts
 * stepRegions(asScenario(doc)).regionOf.get('inspect');
 * ```
 */
export function asScenario(doc: ScenarioDraft): Scenario {
  const steps = doc.steps.map(readable);
  const same = steps.every((s, i) => s === doc.steps[i]);
  return (same ? doc : { ...doc, steps }) as unknown as Scenario;
}
