import type { Lang } from '@zhizhi/core';

/**
 * The strings of the canvas features (overview, search, copy/paste, shortcuts, condition
 * editor, auto-layout, picture export), `[zh-CN, English]`; kept apart from `uiText` so that
 * each feature's strings sit in one table.
 */
const texts = {
  overview: [
    '场景全貌（缩小视图），点击步骤可放大到该步骤',
    'Scenario overview (zoomed out); click a step to zoom in to it',
  ],
  conditionFields: ['可用字段', 'Fields'],
  conditionOk: ['条件有效', 'The condition is valid'],
  pictureSvg: ['导出图片 SVG', 'Picture (SVG)'],
  picturePng: ['导出图片 PNG', 'Picture (PNG)'],
} as const;

/** A key of {@link canvasText}'s table. */
export type CanvasTextKey = keyof typeof texts;

/**
 * A string of the canvas features in the reader's language.
 *
 * @example
 * ```ts
 * import { canvasText } from '@zhizhi/designer';
 * canvasText('overview', 'en'); // 'Scenario overview (zoomed out); …'
 * ```
 */
export function canvasText(key: CanvasTextKey, lang: Lang): string {
  const [zh, en] = texts[key];
  return lang === 'en' ? en : zh;
}
