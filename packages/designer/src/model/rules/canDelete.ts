import { type Refusal, refuse } from '../commands/Refusal.js';
import { stepIndex } from '../graph/stepIndex.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * Whether step `id` may be deleted (with every transition to it and the KPIs naming it).
 * Refused: an unknown step, the only step, a step a trigger starts at (point the trigger
 * elsewhere first), and a parallel branch's start (remove the branch first).
 *
 * @example
 * ```ts
 * import { canDelete } from '@zhizhi/designer/model';
 * canDelete(doc, doc.triggers[0].start)[0]?.code; // 'designer.triggerStart'
 * ```
 */
export function canDelete(doc: ScenarioDraft, id: string): Refusal[] {
  if (!stepIndex(doc).has(id))
    return [refuse('designer.unknownStep', ['step'], { id: String(id) })];
  if (doc.steps.length <= 1) return [refuse('designer.lastStep', ['step'])];
  const out: Refusal[] = [];
  for (const t of doc.triggers ?? []) {
    if (t?.start === id) out.push(refuse('designer.triggerStart', ['step'], { trigger: t.id }));
  }
  for (const s of doc.steps) {
    if (s.kind !== 'parallel' || !Array.isArray(s.branches)) continue;
    for (const b of s.branches as { id?: unknown; start?: unknown }[]) {
      if (b?.start === id) {
        out.push(
          refuse('designer.startsBranch', ['step'], { parallel: s.id, branch: String(b.id) }),
        );
      }
    }
  }
  return out;
}
