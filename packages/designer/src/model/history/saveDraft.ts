import type { Draft } from './Draft.js';
import { type SavedHistory, serializeHistory } from './serializeHistory.js';

/** The saved draft's format name and version. */
export const DRAFT_FORMAT = 'zhizhi.designer.draft/1';

/**
 * A draft as kept in the browser's storage or a file: the document, its edit history, and
 * the text it was imported from (so that an untouched export stays byte-identical).
 *
 * @example
 * ```ts
 * import type { SavedDraft } from '@zhizhi/designer/model';
 * const title = (s: SavedDraft) => s.doc.name.zh;
 * ```
 */
export interface SavedDraft {
  format: typeof DRAFT_FORMAT;
  doc: Draft['doc'];
  history: SavedHistory;
  source?: string;
}

/**
 * Saves a draft with its history (plain JSON: `JSON.stringify` it into storage).
 *
 * @example
 * ```ts
 * import { saveDraft } from '@zhizhi/designer/model';
 * localStorage.setItem('zhizhi.draft', JSON.stringify(saveDraft(draft, { source })));
 * ```
 */
export function saveDraft(draft: Draft, options: { source?: string } = {}): SavedDraft {
  const saved: SavedDraft = {
    format: DRAFT_FORMAT,
    doc: structuredClone(draft.doc),
    history: serializeHistory(draft),
  };
  if (options.source !== undefined) saved.source = options.source;
  return saved;
}
