import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * The position of each step id in `doc.steps` (the first, should an id repeat).
 *
 * @example
 * ```ts
 * import { stepIndex } from '@zhizhi/designer/model';
 * // stepIndex(doc).get('visit') → 3
 * ```
 */
export function stepIndex(doc: ScenarioDraft): Map<string, number> {
  const out = new Map<string, number>();
  doc.steps.forEach((s, i) => {
    if (!out.has(s.id)) out.set(s.id, i);
  });
  return out;
}
