import { stepRegions } from '@zhizhi/core/scenario';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { asScenario } from './asScenario.js';
import { outcomesOf } from './outcomesOf.js';

/**
 * Where each step lives, as a key (`''` for the top level, `parallel/branch` inside a branch;
 * from core's `stepRegions`), and which steps something leads to (a transition or a trigger).
 * A step nothing leads to is free: connecting it from anywhere puts it in that region.
 *
 * @example
 * ```ts
 * import { stepRegionKeys } from '@zhizhi/designer/model';
 * // stepRegionKeys(doc).region('inspect') → 'handle/fire'
 * ```
 */
export function stepRegionKeys(doc: ScenarioDraft): {
  region(id: string): string;
  isFree(id: string): boolean;
} {
  // without a parallel step every step is at the top level: no need for core's walk (the
  // canvas asks on every mount and edit; 5,000 steps took 16–70 ms)
  const regionOf = doc.steps.some((s) => s?.kind === 'parallel')
    ? stepRegions(asScenario(doc)).regionOf
    : undefined;
  let targets: Set<string> | undefined;
  const targetsOf = () => {
    const t = new Set<string>();
    for (const s of doc.steps) for (const o of outcomesOf(s)) if (o.to) t.add(o.to);
    for (const tr of doc.triggers ?? []) if (typeof tr?.start === 'string') t.add(tr.start);
    return t;
  };
  return {
    region(id) {
      const r = regionOf?.get(id);
      return r ? `${r.parallel}/${r.branch}` : '';
    },
    isFree(id) {
      targets ??= targetsOf();
      return !targets.has(id);
    },
  };
}
