/**
 * The messages of `checkConfig`, in zh-CN and English.
 *
 * @example
 * ```ts
 * import { configCatalog } from '@zhizhi/core/config';
 * configCatalog['config.unknownRef'].en; // '{what} {id} does not exist'
 * ```
 */
export const configCatalog = {
  'config.invalid': { zh: '不符合规则：{rule}', en: '{rule}' },
  'config.duplicateId': {
    zh: 'id {id} 已被另一个单元、岗位、部门或成员使用',
    en: 'id {id} is already used by another unit, post, department or member',
  },
  'config.unknownRef': { zh: '{what} {id} 不存在', en: '{what} {id} does not exist' },
  'config.wrongLevel': {
    zh: '{id} 应为{expected}级单元，实际为 {actual}',
    en: '{id} should be a {expected} unit, not a {actual}',
  },
  'config.roleNeeds': { zh: '角色 {role} 须有 {field}', en: 'Role {role} needs {field}' },
  'config.bothLists': {
    zh: '{category} 同时在法定职责清单和部门主责清单上（无人能主办）',
    en: '{category} is also department-led (no lead could ever take it)',
  },
} as const;
