import { type Draft, loadDraft, saveDraft } from '../model/index.js';

/** The storage key the standalone app keeps its drafts under. */
export const DRAFTS_KEY = 'zhizhi.designer.drafts/1';

/** The drafts by scenario id (each as the model's `saveDraft` writes it), and the one open last. */
interface Store {
  current: string | null;
  drafts: Record<string, { saved: unknown; savedAt: string }>;
}

function read(storage: Storage): Store {
  try {
    const v = JSON.parse(storage.getItem(DRAFTS_KEY) ?? 'null') as Store | null;
    if (v && typeof v === 'object' && v.drafts && typeof v.drafts === 'object') return v;
  } catch {
    // a damaged entry is replaced by the next save
  }
  return { current: null, drafts: {} };
}

/**
 * The drafts kept in the browser (scenario ids, newest first) and the one open last.
 *
 * @example
 * ```ts
 * import { listStoredDrafts } from '@zhizhi/designer';
 * listStoredDrafts(localStorage).ids; // ['elderly-health-band', …]
 * ```
 */
export function listStoredDrafts(storage: Storage): { current: string | null; ids: string[] } {
  const { current, drafts } = read(storage);
  const ids = Object.keys(drafts).sort((a, b) =>
    (drafts[b]?.savedAt ?? '').localeCompare(drafts[a]?.savedAt ?? ''),
  );
  return { current, ids };
}

/**
 * Keeps a draft (document, undo history, imported text — the model's `saveDraft`) under its
 * scenario id and makes it the current one.
 *
 * @example
 * ```ts
 * import { storeDraft } from '@zhizhi/designer';
 * storeDraft(localStorage, draft, source);
 * ```
 */
export function storeDraft(storage: Storage, draft: Draft, source?: string): void {
  const all = read(storage);
  const saved = saveDraft(draft, source === undefined ? {} : { source });
  all.drafts[draft.doc.id] = { saved, savedAt: new Date().toISOString() };
  all.current = draft.doc.id;
  storage.setItem(DRAFTS_KEY, JSON.stringify(all));
}

/**
 * Opens a kept draft with its undo history (the model's `loadDraft`: a history that no longer
 * fits is dropped, the document still opens). `null` when there is none or it cannot be read.
 *
 * @example
 * ```ts
 * import { openStoredDraft } from '@zhizhi/designer';
 * const kept = openStoredDraft(localStorage, 'elderly-health-band');
 * if (kept) console.log(kept.draft.done.length); // undo steps kept across the reload
 * ```
 */
export function openStoredDraft(
  storage: Storage,
  id: string,
): { draft: Draft; source?: string } | null {
  const entry = read(storage).drafts[id];
  if (!entry) return null;
  const r = loadDraft(entry.saved);
  if (!r.ok) return null;
  return r.source === undefined ? { draft: r.draft } : { draft: r.draft, source: r.source };
}
