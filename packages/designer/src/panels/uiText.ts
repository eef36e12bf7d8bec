import type { Lang } from '@zhizhi/core';

/** Every user-facing string of the designer's canvas and panels, `[zh-CN, English]`. */
const texts = {
  palette: ['步骤', 'Steps'],
  paletteHint: ['拖到画布上，或选中后按回车添加', 'Drag onto the canvas, or focus and press Enter'],
  properties: ['属性', 'Properties'],
  noSelection: ['选中一个步骤以编辑其属性', 'Select a step to edit its properties'],
  scenario: ['场景', 'Scenario'],
  diagnostics: ['检查结果', 'Diagnostics'],
  noDiagnostics: ['没有问题', 'No problems'],
  errors: ['错误', 'errors'],
  warnings: ['警告', 'warnings'],
  undo: ['撤销', 'Undo'],
  redo: ['重做', 'Redo'],
  exportDoc: ['导出场景 JSON', 'Export scenario JSON'],
  exportMachine: ['导出状态机 JSON', 'Export machine JSON'],
  exportBlocked: ['仍有错误，不能导出', 'Fix the errors before exporting'],
  refused: ['未执行', 'Refused'],
  canvas: ['场景画布', 'Scenario canvas'],
  id: ['步骤 id', 'Step id'],
  rename: ['重命名', 'Rename'],
  kind: ['类型', 'Kind'],
  transitions: ['连线', 'Transitions'],
  notConnected: ['（未连接）', '(not connected)'],
  join: ['汇合（@join）', 'Join (@join)'],
  add: ['添加', 'Add'],
  remove: ['删除', 'Remove'],
  set: ['设置', 'Set'],
  unset: ['清除', 'Clear'],
  choose: ['请选择…', 'Choose…'],
  addBranch: ['添加分支', 'Add branch'],
  deleteStep: ['删除步骤', 'Delete step'],
  next: ['下一步', 'Next'],
  otherwise: ['否则', 'Otherwise'],
  onTimeout: ['超时', 'On timeout'],
  branch: ['分支', 'Branch'],
  language: ['English', '中文'],
} as const;

/** A key of the designer's string table. */
export type UiTextKey = keyof typeof texts;

/**
 * A designer string in the reader's language.
 *
 * @example
 * ```ts
 * import { uiText } from '@zhizhi/designer';
 * uiText('undo', 'en'); // 'Undo'
 * ```
 */
export function uiText(key: UiTextKey, lang: Lang): string {
  const [zh, en] = texts[key];
  return lang === 'en' ? en : zh;
}
