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
  search: ['查找步骤', 'Find a step'],
  searchHint: ['按 id 或名称查找，回车定位', 'By id or label; Enter shows it'],
  searchResults: ['找到的步骤', 'Steps found'],
  searchNone: ['没有匹配的步骤', 'No step matches'],
  shortcuts: ['快捷键', 'Shortcuts'],
  pasted: ['已粘贴 {n} 个步骤', 'Pasted {n} steps'],
  copied: ['已复制 {n} 个步骤', 'Copied {n} steps'],
  notClipboardJson: [
    '剪贴板内容不是 JSON，未粘贴（{detail}）',
    'The clipboard text is not JSON; nothing pasted ({detail})',
  ],
  clipboardTooLarge: [
    '剪贴板内容超过 {max} 个字符，未粘贴',
    'The clipboard text is longer than {max} characters; nothing pasted',
  ],
  keyUndo: ['撤销 / 重做', 'Undo / redo'],
  keyDelete: ['删除所选步骤或连线', 'Delete the selected steps or transition'],
  keyCopy: [
    '复制 / 粘贴所选步骤（可跨场景、跨标签页）',
    'Copy / paste the selected steps (across scenarios and tabs)',
  ],
  keyFind: ['查找步骤', 'Find a step'],
  keyHelp: ['显示本列表', 'Show this list'],
  keyZoom: ['缩放（缩得很小时以全貌显示）', 'Zoom (far out, the overview is drawn)'],
  keyArrows: ['在列表中选择；回车确定；Esc 关闭', 'Choose in a list; Enter takes; Escape closes'],
  autoLayout: ['自动布局', 'Auto-layout'],
  autoLayoutBusy: ['正在布局…', 'Laying out…'],
  pin: ['固定位置', 'Pin'],
  pinHint: [
    '自动布局不移动固定位置的步骤（先选中步骤）',
    'Auto-layout leaves pinned steps where they are (select steps first)',
  ],
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
export function canvasText(
  key: CanvasTextKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const [zh, en] = texts[key];
  const t: string = lang === 'en' ? en : zh;
  return t.replace(/\{(\w+)\}/g, (all, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : all,
  );
}
