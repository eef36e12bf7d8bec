import type { Lang, LocalizedText } from '@zhizhi/core';

/**
 * A message table: each key has its zh-CN and English text; `{name}` marks a parameter.
 *
 * @example
 * ```ts
 * import type { Messages } from '@zhizhi/widgets';
 * const m = { empty: { zh: '暂无事件', en: 'No cases' } } satisfies Messages;
 * ```
 */
export type Messages = Readonly<Record<string, LocalizedText>>;

/**
 * The text of `key` in `lang` with `{name}` parameters filled in (parameters are plain text;
 * Lit renders the result as text, never as HTML).
 *
 * @example
 * ```ts
 * import { translate } from '@zhizhi/widgets';
 * translate({ left: { zh: '剩余 {n} 小时', en: '{n} h left' } }, 'left', 'en', { n: 3 }); // '3 h left'
 * ```
 */
export function translate(
  table: Messages,
  key: string,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = Object.hasOwn(table, key) ? table[key] : undefined;
  if (!entry) return key;
  const text = lang === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * `zh-CN` unless the value names English (`en`, `en-US`, …): the widgets speak zh-CN by default.
 *
 * @example
 * ```ts
 * import { toLang } from '@zhizhi/widgets';
 * toLang('en-GB'); // 'en'
 * toLang(null); // 'zh-CN'
 * ```
 */
export function toLang(value: string | null | undefined): Lang {
  return typeof value === 'string' && /^en\b/i.test(value) ? 'en' : 'zh-CN';
}
