import {
  createDraft,
  type Draft,
  restoreHistory,
  type ScenarioDraft,
  serializeHistory,
} from '../model/index.js';

/** The storage key the app keeps its drafts under. */
export const DRAFTS_KEY = 'zhizhi.designer.drafts/1';

/** One saved draft: the document, the text it was imported from, its undo history. */
interface SavedDraft {
  doc: ScenarioDraft;
  source?: string;
  history: unknown;
  savedAt: string;
}

interface SavedDrafts {
  current: string | null;
  drafts: Record<string, SavedDraft>;
}

function read(storage: Storage): SavedDrafts {
  try {
    const v = JSON.parse(storage.getItem(DRAFTS_KEY) ?? 'null') as SavedDrafts | null;
    if (v && typeof v === 'object' && v.drafts && typeof v.drafts === 'object') return v;
  } catch {
    // a damaged entry is replaced by the next save
  }
  return { current: null, drafts: {} };
}

/**
 * The drafts saved in the browser (ids, newest first) and the one open last.
 *
 * @example
 * ```ts
 * import { listDrafts } from '@zhizhi/designer';
 * listDrafts(localStorage).ids; // ['elderly-health-band', …]
 * ```
 */
export function listDrafts(storage: Storage): { current: string | null; ids: string[] } {
  const { current, drafts } = read(storage);
  const ids = Object.keys(drafts).sort((a, b) =>
    (drafts[b]?.savedAt ?? '').localeCompare(drafts[a]?.savedAt ?? ''),
  );
  return { current, ids };
}

/**
 * Saves a draft with its undo history (`serializeHistory`) and makes it the current one.
 *
 * @example
 * ```ts
 * import { saveDraft } from '@zhizhi/designer';
 * saveDraft(localStorage, draft, source);
 * ```
 */
export function saveDraft(storage: Storage, draft: Draft, source?: string): void {
  const all = read(storage);
  const entry: SavedDraft = {
    doc: draft.doc,
    history: serializeHistory(draft),
    savedAt: new Date().toISOString(),
  };
  if (source !== undefined) entry.source = source;
  all.drafts[draft.doc.id] = entry;
  all.current = draft.doc.id;
  storage.setItem(DRAFTS_KEY, JSON.stringify(all));
}

/**
 * Opens a saved draft: its document with its undo history put back (`restoreHistory`), or
 * with an empty history when the saved one does not fit. `null` when there is none.
 *
 * @example
 * ```ts
 * import { loadDraft } from '@zhizhi/designer';
 * const saved = loadDraft(localStorage, 'elderly-health-band');
 * if (saved) console.log(saved.draft.done.length); // undo steps kept across the reload
 * ```
 */
export function loadDraft(storage: Storage, id: string): { draft: Draft; source?: string } | null {
  const saved = read(storage).drafts[id];
  if (!saved || typeof saved.doc !== 'object' || saved.doc === null) return null;
  const r = restoreHistory(saved.doc, saved.history);
  const draft = r.ok ? r.draft : createDraft(saved.doc);
  return saved.source === undefined ? { draft } : { draft, source: saved.source };
}
