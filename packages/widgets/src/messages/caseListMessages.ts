import type { Messages } from '../i18n/translate.js';

/** The strings of `zz-case-list` (domain labels come from `@zhizhi/core/labels`). @internal */
export const caseListMessages = {
  title: { zh: '事件列表', en: 'Cases' },
  filters: { zh: '筛选', en: 'Filters' },
  town: { zh: '镇街', en: 'Town' },
  status: { zh: '状态', en: 'Status' },
  category: { zh: '类别', en: 'Category' },
  text: { zh: '关键词', en: 'Search' },
  any: { zh: '全部', en: 'Any' },
  apply: { zh: '筛选', en: 'Apply' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  empty: { zh: '暂无事件', en: 'No cases' },
  count: { zh: '本页 {n} 件', en: '{n} on this page' },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  prev: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  pages: { zh: '分页', en: 'Pages' },
  page: { zh: '第 {n} 页', en: 'Page {n}' },
  noDeadline: { zh: '无时限', en: 'No deadline' },
} satisfies Messages;
