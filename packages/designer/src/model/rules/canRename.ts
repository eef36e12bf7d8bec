import { type Refusal, refuse } from '../commands/Refusal.js';
import { stepIndex } from '../graph/stepIndex.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { canUseId } from './canDrop.js';

/**
 * Whether step `id` may be renamed `to` (every transition, trigger start, branch start and KPI
 * naming it follows). Refused: an unknown step, an invalid or taken new id.
 *
 * @example
 * ```ts
 * import { canRename } from '@zhizhi/designer/model';
 * canRename(doc, 'call', 'visit')[0]?.code; // 'designer.duplicateId' when `visit` exists
 * ```
 */
export function canRename(doc: ScenarioDraft, id: string, to: string): Refusal[] {
  if (!stepIndex(doc).has(id))
    return [refuse('designer.unknownStep', ['step'], { id: String(id) })];
  if (id === to) return [];
  return canUseId(doc, to, ['to']);
}
