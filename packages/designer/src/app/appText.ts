import type { Lang } from '@zhizhi/core';

const texts = {
  title: ['智治场景设计器', 'zhizhi scenario designer'],
  template: ['新建（模板）', 'New from template'],
  blank: ['空白场景', 'Blank scenario'],
  drafts: ['草稿', 'Drafts'],
  import: ['导入 JSON', 'Import JSON'],
  importFailed: ['文件无法打开：', 'The file cannot be opened:'],
  deployAs: ['部署身份（演示）', 'Deploy as (demo)'],
  connect: ['连接本服务器', 'Connect to this server'],
  noServer: ['此处没有 zhizhi 服务器', 'No zhizhi server here'],
  signInFailed: [
    '无法取得演示令牌（服务器未开演示模式）',
    'No demo token (the server is not in demo mode)',
  ],
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
