import type { Lang } from '@zhizhi/core';

const texts = {
  title: ['智治场景设计器', 'zhizhi scenario designer'],
  template: ['新建（模板）', 'New from template'],
  blank: ['空白场景', 'Blank scenario'],
  drafts: ['草稿', 'Drafts'],
  import: ['导入 JSON', 'Import JSON'],
  importFailed: ['文件无法打开：', 'The file cannot be opened:'],
} as const;

/**
 * A string of the standalone app in the reader's language.
 *
 * @example
 * ```ts
 * import { appText } from '@zhizhi/designer';
 * appText('drafts', 'zh-CN'); // '草稿'
 * ```
 */
export function appText(key: keyof typeof texts, lang: Lang): string {
  const [zh, en] = texts[key];
  return lang === 'en' ? en : zh;
}
