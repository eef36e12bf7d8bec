import type { Draft, HistoryEntry } from './Draft.js';
import { fingerprint } from './fingerprint.js';

/** The saved history's format name and version. */
export const HISTORY_FORMAT = 'zhizhi.designer.history/1';

/**
 * A draft's undo and redo stacks as saved with the draft (plain JSON), tied to the document
 * they apply to by its fingerprint.
 *
 * @example
 * ```ts
 * import type { SavedHistory } from '@zhizhi/designer/model';
 * const steps = (h: SavedHistory) => h.done.length;
 * ```
 */
export interface SavedHistory {
  format: typeof HISTORY_FORMAT;
  doc: string;
  done: HistoryEntry[];
  undone: HistoryEntry[];
}

/**
 * Saves the history of a draft, to store beside the draft's document (e.g. in the
 * browser's storage) and bring back with `restoreHistory` after a reload.
 *
 * @example
 * ```ts
 * import { restoreHistory, serializeHistory } from '@zhizhi/designer/model';
 * localStorage.setItem('draft', JSON.stringify({ doc: draft.doc, history: serializeHistory(draft) }));
 * const saved = JSON.parse(localStorage.getItem('draft') ?? 'null');
 * const again = restoreHistory(saved.doc, saved.history); // undo works as before the reload
 * ```
 */
export function serializeHistory(draft: Draft): SavedHistory {
  return JSON.parse(
    JSON.stringify({
      format: HISTORY_FORMAT,
      doc: fingerprint(draft.doc),
      done: draft.done,
      undone: draft.undone,
    }),
  ) as SavedHistory;
}
