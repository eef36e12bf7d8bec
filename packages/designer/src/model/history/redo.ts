import { asJson, type ScenarioDraft } from '../ScenarioDraft.js';
import { applyChange } from './applyChange.js';
import type { Draft } from './Draft.js';

/**
 * Redoes the last undone step; the same draft when there is nothing to redo.
 *
 * @example
 * ```ts
 * import { redo, undo } from '@zhizhi/designer/model';
 * // redo(undo(draft)).doc deep-equals draft.doc
 * ```
 */
export function redo(draft: Draft): Draft {
  const entry = draft.undone[draft.undone.length - 1];
  if (!entry) return draft;
  let doc = asJson(draft.doc);
  for (const change of entry.changes) doc = applyChange(doc, change);
  return {
    doc: doc as unknown as ScenarioDraft,
    done: [...draft.done, entry],
    undone: draft.undone.slice(0, -1),
  };
}
