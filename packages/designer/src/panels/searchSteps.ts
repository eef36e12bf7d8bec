import type { ScenarioDraft } from '../model/index.js';

/** A step found by {@link searchSteps}. */
export interface FoundStep {
  id: string;
  /** Its label in zh-CN and English (the id when it has none). */
  zh: string;
  en: string;
}

/**
 * The steps whose id or label (zh-CN or English) contains `query` (case-insensitive, spaces
 * at the ends ignored): ids that start with it first, then the rest in document order; at
 * most `limit`. Nothing for an empty query.
 *
 * @example
 * ```ts
 * import { searchSteps } from '@zhizhi/designer';
 * searchSteps(doc, '电话').map((s) => s.id); // ['call']
 * ```
 */
export function searchSteps(doc: ScenarioDraft, query: string, limit = 20): FoundStep[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const first: FoundStep[] = [];
  const rest: FoundStep[] = [];
  for (const s of doc.steps) {
    const l = s.label as { zh?: unknown; en?: unknown } | undefined;
    const zh = typeof l?.zh === 'string' && l.zh !== '' ? l.zh : s.id;
    const en = typeof l?.en === 'string' && l.en !== '' ? l.en : s.id;
    const id = s.id.toLowerCase();
    if (id.startsWith(q)) first.push({ id: s.id, zh, en });
    else if (id.includes(q) || zh.toLowerCase().includes(q) || en.toLowerCase().includes(q))
      rest.push({ id: s.id, zh, en });
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}
