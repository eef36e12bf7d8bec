import type { Messages } from '../i18n/translate.js';

/** Labels of the payload fields of case events, and the schema form's own words. @internal */
export const schemaFormMessages = {
  note: { zh: '备注', en: 'Note' },
  reason: { zh: '原因', en: 'Reason' },
  result: { zh: '处置结果', en: 'Result' },
  photos: { zh: '照片链接（每行一个）', en: 'Photo links (one per line)' },
  lead: { zh: '主办单位', en: 'Lead' },
  coHandlers: { zh: '协办单位', en: 'Co-handlers' },
  targets: { zh: '协同单位', en: 'Support from' },
  kind: { zh: '类型', en: 'Kind' },
  id: { zh: '编号', en: 'Id' },
  dueAt: { zh: '办结时限', en: 'Resolve by' },
  intoCaseId: { zh: '合并到事件编号', en: 'Merge into case id' },
  plan: { zh: '应急预案', en: 'Emergency plan' },
  post: { zh: '岗位', en: 'Post' },
  department: { zh: '部门', en: 'Department' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '移除', en: 'Remove' },
  item: { zh: '第 {n} 项', en: 'Item {n}' },
  choose: { zh: '请选择', en: 'Choose' },
} satisfies Messages;
