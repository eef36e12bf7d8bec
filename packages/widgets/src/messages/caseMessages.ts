import type { Messages } from '../i18n/translate.js';

/** The strings of `zz-case` (domain labels come from `@zhizhi/core/labels`). @internal */
export const caseMessages = {
  loading: { zh: '正在加载…', en: 'Loading…' },
  notFound: { zh: '未找到事件 {id}', en: 'Case {id} not found' },
  noCase: { zh: '未指定事件', en: 'No case chosen' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  version: { zh: '版本 {n}', en: 'version {n}' },
  deadlines: { zh: '时限', en: 'Deadlines' },
  sla: { zh: '当前环节时限', en: 'Current step due' },
  dueAt: { zh: '办结时限', en: 'Resolve by' },
  none: { zh: '无', en: 'None' },
  timeline: { zh: '处置记录', en: 'Timeline' },
  photos: { zh: '现场照片', en: 'Photos' },
  photo: { zh: '现场照片 {n}', en: 'Photo {n}' },
  actions: { zh: '可执行操作', en: 'What you can do' },
  noActions: { zh: '当前没有您可执行的操作', en: 'Nothing for you to do now' },
  noMember: { zh: '未指定成员，无法操作', en: 'No member given: nothing can be sent' },
  submit: { zh: '提交', en: 'Send' },
  sending: { zh: '正在提交…', en: 'Sending…' },
  sent: { zh: '已提交：{event}', en: 'Sent: {event}' },
  refused: { zh: '未能提交：{reason}', en: 'Not sent: {reason}' },
  conflict: {
    zh: '此事件已被 {who} 更改（{event}），请重新加载后再提交；您填写的内容已保留。',
    en: 'This case was changed by {who} ({event}). Reload before sending; what you typed is kept.',
  },
  reload: { zh: '重新加载', en: 'Reload' },
  by: { zh: '{who}（{role}）', en: '{who} ({role})' },
} satisfies Messages;
