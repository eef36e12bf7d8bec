import { asJson, type ScenarioDraft } from '../ScenarioDraft.js';
import { applyChange, invertChange } from './applyChange.js';
import type { Draft } from './Draft.js';

/**
 * Undoes the last undo step (a whole drag, a whole paste…), restoring the document byte for
 * byte as it was; the same draft when there is nothing to undo.
 *
 * @example
 * ```ts
 * import { undo } from '@zhizhi/designer/model';
 * // undo(draft).doc — the document before the last edit
 * ```
 */
export function undo(draft: Draft): Draft {
  const entry = draft.done[draft.done.length - 1];
  if (!entry) return draft;
  let doc = asJson(draft.doc);
  for (let i = entry.changes.length - 1; i >= 0; i--) {
    doc = applyChange(doc, invertChange(entry.changes[i] as never));
  }
  return {
    doc: doc as unknown as ScenarioDraft,
    done: draft.done.slice(0, -1),
    undone: [...draft.undone, entry],
  };
}
