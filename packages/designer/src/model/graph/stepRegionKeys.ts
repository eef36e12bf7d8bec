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
  const { regionOf } = stepRegions(asScenario(doc));
  const targets = new Set<string>();
  for (const s of doc.steps) for (const o of outcomesOf(s)) if (o.to) targets.add(o.to);
  for (const t of doc.triggers ?? []) if (typeof t?.start === 'string') targets.add(t.start);
  return {
    region(id) {
      const r = regionOf.get(id);
      return r ? `${r.parallel}/${r.branch}` : '';
    },
    isFree: (id) => !targets.has(id),
  };
}
