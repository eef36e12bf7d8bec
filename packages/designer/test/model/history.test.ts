import { describe, expect, test } from 'vitest';
import {
  type Command,
  createDraft,
  type Draft,
  execute,
  loadDraft,
  redo,
  restoreHistory,
  saveDraft,
  serializeHistory,
  undo,
} from '../../src/model/index.js';
import { builtIn } from './helpers.js';

function edited(): Draft {
  let draft = createDraft(builtIn('elderly-health-band'));
  for (const c of [
    { type: 'moveStep', step: 'call', position: { x: 5, y: 5 } },
    { type: 'renameStep', step: 'visit', to: 'homeVisit' },
    { type: 'setProperty', step: 'call', path: ['label'] },
    { type: 'deleteStep', step: 'notifyCare' },
  ] as Command[]) {
    const r = execute(draft, c);
    if (!r.ok) throw new Error(r.refusals[0]?.message.en);
    draft = r.draft;
  }
  return undo(draft); // one step on the redo stack too
}

describe('serializeHistory / restoreHistory', () => {
  test('round-trips through JSON text: undo and redo go on after a reload', () => {
    const draft = edited();
    const text = JSON.stringify({ doc: draft.doc, history: serializeHistory(draft) });
    const saved = JSON.parse(text);
    const r = restoreHistory(saved.doc, saved.history);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.done.map((e) => e.command.type)).toEqual([
      'moveStep',
      'renameStep',
      'setProperty',
    ]);
    expect(r.draft.undone.map((e) => e.command.type)).toEqual(['deleteStep']);
    expect(JSON.stringify(redo(r.draft).doc)).toBe(JSON.stringify(redo(draft).doc));
    let back = r.draft;
    while (back.done.length > 0) back = undo(back);
    expect(JSON.stringify(back.doc)).toBe(JSON.stringify(builtIn('elderly-health-band')));
  });

  test('refuses a history saved with another version of the document, naming the path', () => {
    const draft = edited();
    const other = structuredClone(draft.doc);
    other.name.zh = '改过';
    const r = restoreHistory(other, serializeHistory(draft));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('designer.badHistory');
      expect(r.error.message.en).toContain('`doc`');
      expect(r.error.message.zh).toContain('另一版本');
    }
  });

  test('refuses what is not a history, and a history whose changes do not fit', () => {
    const draft = edited();
    expect(restoreHistory(draft.doc, null).ok).toBe(false);
    expect(restoreHistory(draft.doc, { format: 'nope' }).ok).toBe(false);
    const saved = serializeHistory(draft);
    const forged = structuredClone(saved);
    // the last edit claims to have left a label the document does not have
    const last = forged.done[2]?.changes[0];
    if (last?.op === 'set') last.after = { zh: '伪造', en: 'forged' };
    const r = restoreHistory(draft.doc, forged);
    expect(r.ok ? '' : r.error.message.en).toContain('does not apply');
    const broken = { ...saved, done: [{ command: {}, changes: 1 }] };
    expect(restoreHistory(draft.doc, broken).ok).toBe(false);
  });

  test('saveDraft / loadDraft keep the document, the history and the imported text', () => {
    const draft = edited();
    const text = JSON.stringify(saveDraft(draft, { source: 'original text' }));
    const r = loadDraft(JSON.parse(text));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toBe('original text');
    expect(r.historyError).toBeUndefined();
    expect(JSON.stringify(r.draft.doc)).toBe(JSON.stringify(draft.doc));
    expect(r.draft.done).toHaveLength(3);
    // a history that no longer fits: the document opens, the history starts empty, and why
    const saved = JSON.parse(text);
    saved.doc.name.zh = '外部改过';
    const stale = loadDraft(saved);
    expect(stale.ok && stale.draft.done.length).toBe(0);
    expect(stale.ok && stale.historyError?.code).toBe('designer.badHistory');
    const none = loadDraft({ format: 'nope' });
    expect(none.ok ? '' : none.error.message.en).toContain('`format`');
    expect(loadDraft({ ...JSON.parse(text), doc: [] }).ok).toBe(false);
  });
});
