import type { Lang } from '@zhizhi/core';

/**
 * Every string of the console that core's labels (`@zhizhi/core/labels`) and the org's own
 * bilingual names do not already give: `[zh-CN, English]`.
 *
 * @example
 * ```ts
 * import { texts } from './texts.js';
 * texts.report[1]; // 'Report'
 * ```
 */
export const texts = {
  title: ['智治 · 三江街道基层治理指挥中心', 'zhizhi · Sanjiang Street command center'],
  switchLang: ['English', '中文'],
  member: ['当前成员', 'Acting member'],
  newReport: ['新上报', 'New report'],
  grid: ['网格', 'Grid'],
  category: ['类别', 'Category'],
  severity: ['紧急程度', 'Severity'],
  caseTitle: ['标题', 'Title'],
  report: ['上报', 'Report'],
  cases: ['事件列表', 'Cases'],
  noCases: ['暂无事件', 'No cases yet'],
  status: ['状态', 'Status'],
  version: ['版本', 'Version'],
  detail: ['事件详情', 'Case'],
  pickCase: ['请从列表中选择一个事件', 'Pick a case from the list'],
  actions: ['可执行的操作', 'What you may do now'],
  noActions: [
    '当前成员在此状态下没有可执行的操作',
    'This member has nothing to do on this case now',
  ],
  timeline: ['处置记录', 'Timeline'],
  lead: ['牵头单位', 'Lead'],
  outcome: ['结果', 'Outcome'],
  choose: ['请选择', 'Choose…'],
  refused: ['未执行', 'Not done'],
  machineState: ['状态机', 'Case machine'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * One console string in the given language.
 *
 * @example
 * ```ts
 * import { text } from './texts.js';
 * text('report', 'zh-CN'); // '上报'
 * ```
 */
export function text(key: keyof typeof texts, lang: Lang): string {
  return texts[key][lang === 'zh-CN' ? 0 : 1];
}

/**
 * Names of the sample categories (core has no label table for categories: they are the
 * town's own lists), `[zh-CN, English]`.
 *
 * @example
 * ```ts
 * import { categoryNames } from './texts.js';
 * categoryNames.riverPollution[0]; // '河道污染'
 * ```
 */
export const categoryNames: Record<string, readonly [string, string]> = {
  riverPollution: ['河道污染', 'River pollution'],
  waterlogging: ['道路积水', 'Waterlogging'],
  roadFacilities: ['道路设施', 'Road facilities'],
  homestayNoise: ['民宿噪音', 'Homestay noise'],
  streetVendors: ['占道经营', 'Street vendors'],
  electricalFire: ['电气火灾', 'Electrical fire'],
};

/**
 * Names of the payload fields an action form asks for, `[zh-CN, English]`.
 *
 * @example
 * ```ts
 * import { fieldNames } from './texts.js';
 * fieldNames.result[1]; // 'Result'
 * ```
 */
export const fieldNames: Record<string, readonly [string, string]> = {
  lead: ['牵头单位', 'Lead'],
  targets: ['支援单位', 'Support from'],
  result: ['处置结果', 'Result'],
  reason: ['理由', 'Reason'],
  note: ['说明', 'Note'],
  plan: ['应急预案', 'Emergency plan'],
  intoCaseId: ['合并到事件编号', 'Merge into case id'],
};
