import { makeError, type ZhizhiError } from '@zhizhi/core';
import { isJson } from '../rules/isJson.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { createDraft } from './createDraft.js';
import type { Draft } from './Draft.js';
import { restoreHistory } from './restoreHistory.js';
import { DRAFT_FORMAT } from './saveDraft.js';

const catalog = {
  'designer.badDraft': {
    zh: '保存的草稿无法读取：`{path}` {ruleZh}',
    en: 'the saved draft cannot be read: `{path}` {rule}',
  },
};

/**
 * Loads a draft saved with `saveDraft` after a reload: the document with its undo and redo
 * stacks. When only the history cannot be restored (saved by another version, tampered with),
 * the document still opens, with an empty history and `historyError` saying why. Refused
 * (`designer.badDraft`, zh + en) when it is not a saved draft. Never throws.
 *
 * @example
 * ```ts
 * import { loadDraft } from '@zhizhi/designer/model';
 * const r = loadDraft(JSON.parse(localStorage.getItem('zhizhi.draft') ?? 'null'));
 * if (r.ok) setDraft(r.draft);
 * ```
 */
export function loadDraft(
  saved: unknown,
):
  | { ok: true; draft: Draft; source?: string; historyError?: ZhizhiError }
  | { ok: false; error: ZhizhiError } {
  const s = saved as { format?: unknown; doc?: unknown; history?: unknown; source?: unknown };
  const bad = (path: string, rule: string, ruleZh: string) => ({
    ok: false as const,
    error: makeError(catalog, 'designer.badDraft', { path, rule, ruleZh }, ['draft']),
  });
  if (typeof s !== 'object' || s === null || s.format !== DRAFT_FORMAT) {
    return bad('format', `is not ${DRAFT_FORMAT}`, `不是 ${DRAFT_FORMAT}`);
  }
  const doc = s.doc as { steps?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.steps) || !isJson(doc)) {
    return bad('doc', 'is not a scenario document with steps', '不是含步骤的场景文档');
  }
  if (s.source !== undefined && typeof s.source !== 'string') {
    return bad('source', 'is not text', '不是文本');
  }
  const source = s.source as string | undefined;
  const restored = restoreHistory(doc as ScenarioDraft, s.history);
  const extra = source === undefined ? {} : { source };
  if (restored.ok) return { ok: true, draft: restored.draft, ...extra };
  return {
    ok: true,
    draft: createDraft(doc as ScenarioDraft),
    ...extra,
    historyError: restored.error,
  };
}
