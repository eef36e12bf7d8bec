import type { Messages } from '../i18n/translate.js';

/** The strings of `zz-dispatch-board` (statuses and events come from `@zhizhi/core/labels`). @internal */
export const dispatchBoardMessages = {
  title: { zh: '指挥中心派单看板', en: 'Command center board' },
  overdue: { zh: '已超时', en: 'Overdue' },
  noTown: { zh: '未指定镇街（town）', en: 'No town given' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  noMember: { zh: '未指定成员，只能查看', en: 'No member given: view only' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  empty: { zh: '暂无', en: 'None' },
  count: { zh: '{n} 件', en: '{n}' },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  target: { zh: '派往', en: 'Send to' },
  noTargets: { zh: '未配置派单对象', en: 'No dispatch targets set' },
  post: { zh: '岗位', en: 'Post' },
  department: { zh: '部门', en: 'Department' },
  refused: { zh: '{event}未成功：{reason}', en: '{event} refused: {reason}' },
  noDeadline: { zh: '无时限', en: 'No deadline' },
  more: { zh: '还有更多，请在列表中查看', en: 'More in the case list' },
} satisfies Messages;
