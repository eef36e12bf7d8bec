import { makeError, type ZhizhiError } from '@zhizhi/core';
import { isJson } from '../rules/isJson.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { applyChange, getIn, invertChange } from './applyChange.js';
import type { Change, Json } from './Change.js';
import type { Draft, HistoryEntry } from './Draft.js';
import { fingerprint } from './fingerprint.js';
import { HISTORY_FORMAT } from './serializeHistory.js';

const catalog = {
  'designer.badHistory': {
    zh: '保存的编辑历史无法恢复：`{path}` {ruleZh}',
    en: 'the saved edit history cannot be restored: `{path}` {rule}',
  },
};

/** Thrown inside, returned outside: the reason the history is refused. */
class Refused {
  constructor(readonly error: ZhizhiError) {}
}

const fail = (path: string, rule: string, ruleZh: string): never => {
  throw new Refused(makeError(catalog, 'designer.badHistory', { path, rule, ruleZh }, ['history']));
};

const OPS = new Set(['set', 'insert', 'remove']);

function checkEntries(list: unknown, name: string): HistoryEntry[] {
  if (!Array.isArray(list)) return fail(name, 'is not a list', '不是列表');
  for (const [i, e] of list.entries()) {
    const entry = e as Partial<HistoryEntry> | null;
    const at = `${name}.${i}`;
    if (typeof entry !== 'object' || entry === null) fail(at, 'is not an entry', '不是记录');
    if (typeof entry?.command?.type !== 'string') fail(`${at}.command`, 'has no type', '缺少 type');
    const changes = entry?.changes;
    if (!Array.isArray(changes)) fail(`${at}.changes`, 'is not a list', '不是列表');
    for (const [k, c] of (changes as Change[]).entries()) {
      if (!OPS.has(c?.op) || !Array.isArray(c.path)) {
        fail(`${at}.changes.${k}`, 'is not a change', '不是有效的修改');
      }
    }
  }
  return list as HistoryEntry[];
}

/**
 * Puts a saved history (from `serializeHistory`) back on its document, so that undo and redo
 * go on after a reload. Refused with a `ZhizhiError` (`designer.badHistory`, zh + en, naming
 * the path and the rule) when it is not a saved history, was saved with another version of
 * the document, or does not apply to it — the caller then starts with an empty history
 * (`createDraft`). Never throws.
 *
 * @example
 * ```ts
 * import { createDraft, restoreHistory } from '@zhizhi/designer/model';
 * const r = restoreHistory(saved.doc, saved.history);
 * const draft = r.ok ? r.draft : createDraft(saved.doc);
 * ```
 */
export function restoreHistory(
  doc: ScenarioDraft,
  saved: unknown,
): { ok: true; draft: Draft } | { ok: false; error: ZhizhiError } {
  try {
    return { ok: true, draft: restore(doc, saved) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    return {
      ok: false,
      error: makeError(
        catalog,
        'designer.badHistory',
        { path: '', rule: 'cannot be read', ruleZh: '无法读取' },
        ['history'],
      ),
    };
  }
}

function restore(doc: ScenarioDraft, saved: unknown): Draft {
  const h = saved as Partial<{ format: unknown; doc: unknown; done: unknown; undone: unknown }>;
  if (typeof h !== 'object' || h === null || h.format !== HISTORY_FORMAT) {
    fail('format', `is not ${HISTORY_FORMAT}`, `不是 ${HISTORY_FORMAT}`);
  }
  if (!isJson(saved)) fail('', 'is not JSON', '不是 JSON');
  if (h.doc !== fingerprint(doc)) {
    fail('doc', 'was saved with another version of the document', '保存时对应的是另一版本的文档');
  }
  const draft: Draft = {
    doc,
    done: checkEntries(h.done, 'done'),
    undone: checkEntries(h.undone, 'undone'),
  };
  // prove the stacks fit the document: walking back to the start and forward to the end,
  // every change must find exactly what it recorded
  try {
    let at = doc as unknown as Json;
    const back = [...draft.done].reverse();
    for (const entry of back) at = replay(at, entry.changes.slice().reverse().map(invertChange));
    for (const entry of [...draft.done, ...[...draft.undone].reverse()]) {
      at = replay(at, entry.changes);
    }
  } catch {
    fail('done', 'does not apply to the document', '与文档不符');
  }
  return draft;
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Applies changes, checking that each finds the value it recorded; throws when one does not. */
function replay(doc: Json, changes: readonly Change[]): Json {
  let at = doc;
  for (const c of changes) {
    const found =
      c.op === 'set'
        ? same(getIn(at, c.path), c.before)
        : c.op === 'remove'
          ? same(getIn(at, [...c.path, c.index]), c.value)
          : Array.isArray(getIn(at, c.path));
    if (!found) throw new Error('mismatch');
    at = applyChange(at, c);
  }
  return at;
}
