import type { Lang } from '@zhizhi/core';
import type { DraftStep } from '../model/index.js';
import { uiText } from '../panels/uiText.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, lang: Lang) =>
  isObj(v) && typeof v.zh === 'string' && typeof v.en === 'string'
    ? lang === 'en'
      ? v.en
      : v.zh
    : undefined;

/**
 * How an outcome port of a step reads on the canvas: a task outcome's label, a decision
 * branch's condition, a parallel branch's label, or `next` / `otherwise` / `onTimeout` in
 * the reader's language.
 *
 * @example
 * ```ts
 * import { outcomeLabel } from '@zhizhi/designer';
 * outcomeLabel({ id: 'n', kind: 'notify' }, 'next', 'zh-CN'); // '下一步'
 * ```
 */
export function outcomeLabel(step: DraftStep, outcome: string, lang: Lang): string {
  if (outcome === 'next') return uiText('next', lang);
  if (outcome === 'otherwise') return uiText('otherwise', lang);
  if (outcome === 'onTimeout') return uiText('onTimeout', lang);
  const [group, key] = [
    outcome.slice(0, outcome.indexOf('.')),
    outcome.slice(outcome.indexOf('.') + 1),
  ];
  const list = Array.isArray(step[group]) ? (step[group] as unknown[]) : [];
  if (step.kind === 'decision') {
    const b = list[Number(key)];
    const when = isObj(b) && typeof b.when === 'string' && b.when !== '' ? b.when : '…';
    return `${lang === 'en' ? 'if' : '若'} ${when}`;
  }
  const found = list.find((o) => isObj(o) && o.id === key);
  return text(isObj(found) ? found.label : undefined, lang) ?? key;
}
