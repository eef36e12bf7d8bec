/**
 * The languages every user-facing string of zhizhi is written in.
 *
 * @example
 * ```ts
 * import type { Lang } from '@zhizhi/core';
 * const lang: Lang = 'zh-CN';
 * ```
 */
export type Lang = 'zh-CN' | 'en';

/**
 * A text in both zh-CN and English, as stored in org data and scenario documents.
 *
 * @example
 * ```ts
 * import type { LocalizedText } from '@zhizhi/core';
 * const name: LocalizedText = { zh: '消防管理岗', en: 'Fire management post' };
 * ```
 */
export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * Picks the text of a {@link LocalizedText} for a language.
 *
 * @example
 * ```ts
 * import { pickText } from '@zhizhi/core';
 * pickText({ zh: '网格', en: 'Grid' }, 'en'); // 'Grid'
 * ```
 */
export function pickText(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
