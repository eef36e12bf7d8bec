import type { Lang } from '@zhizhi/core';

const names: Record<string, [string, string]> = {
  label: ['名称', 'Label'],
  zh: ['中文', 'Chinese'],
  en: ['英文', 'English'],
  assignee: ['办理人', 'Assignee'],
  role: ['角色', 'Role'],
  post: ['岗位', 'Post'],
  department: ['部门', 'Department'],
  form: ['表单字段', 'Form fields'],
  outcomes: ['结果', 'Outcomes'],
  sla: ['时限', 'SLA'],
  within: ['时限（ISO 8601，如 PT30M）', 'Within (ISO 8601, e.g. PT30M)'],
  onTimeout: ['超时后', 'On timeout'],
  lead: ['牵头', 'Lead'],
  coHandlers: ['协办', 'Co-handlers'],
  category: ['类别', 'Category'],
  next: ['下一步', 'Next'],
  to: ['到', 'To'],
  channels: ['渠道', 'Channels'],
  fields: ['字段', 'Fields'],
  message: ['消息', 'Message'],
  branches: ['分支', 'Branches'],
  when: ['条件', 'Condition'],
  otherwise: ['否则', 'Otherwise'],
  join: ['汇合方式', 'Join'],
  for: ['等待', 'Wait for'],
  signal: ['信号', 'Signal'],
  event: ['事件', 'Event'],
  duration: ['时长', 'Duration'],
  reason: ['原因', 'Reason'],
  targets: ['对象', 'Targets'],
  kind: ['类型', 'Kind'],
  list: ['名单', 'List'],
  task: ['任务', 'Task'],
  complete: ['完成条件', 'Complete when'],
  coverage: ['覆盖率', 'Coverage'],
  outcome: ['结果', 'Outcome'],
  id: ['id', 'id'],
  start: ['起点', 'Start'],
  name: ['名称', 'Name'],
  description: ['说明', 'Description'],
  version: ['版本', 'Version'],
  triggers: ['触发器', 'Triggers'],
  participants: ['参与方', 'Participants'],
  roles: ['角色', 'Roles'],
  posts: ['岗位', 'Posts'],
  departments: ['部门', 'Departments'],
  centers: ['城运中心', 'Centers'],
  type: ['类型', 'Type'],
  required: ['必填', 'Required'],
  pii: ['个人信息', 'Personal data'],
  match: ['匹配', 'Match'],
  types: ['信号类型', 'Signal types'],
  maxLevel: ['最高级别', 'Highest level'],
  every: ['周期', 'Every'],
  from: ['来自', 'From'],
  field: ['字段', 'Field'],
};

/**
 * The name of a step property in the reader's language (the key itself when unknown).
 *
 * @example
 * ```ts
 * import { fieldName } from '@zhizhi/designer';
 * fieldName('assignee', 'zh-CN'); // '办理人'
 * ```
 */
export function fieldName(key: string | number, lang: Lang): string {
  if (typeof key === 'number') return `#${key + 1}`;
  const n = Object.hasOwn(names, key) ? names[key] : undefined;
  return n ? (lang === 'en' ? n[1] : n[0]) : key;
}
