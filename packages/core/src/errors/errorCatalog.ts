/**
 * The catalogue of errors @zhizhi/core returns: a stable code, and a message in zh-CN and
 * English with `{name}` placeholders filled from the error's params.
 *
 * @example
 * ```ts
 * import { errorCatalog } from '@zhizhi/core';
 * errorCatalog['store.conflict'].en; // 'The case changed meanwhile (expected version {expected}, found {actual})'
 * ```
 */
export const errorCatalog = {
  'event.unknown': { zh: '未知事件 {type}', en: 'Unknown event {type}' },
  'event.wrongState': {
    zh: '事件 {type} 不能在状态 {status} 下发送',
    en: 'Event {type} cannot be sent while the case is {status}',
  },
  'event.notApplicable': {
    zh: '事件 {type} 在当前情况下不适用：{why}',
    en: 'Event {type} does not apply now: {why}',
  },
  'actor.unknown': { zh: '未知的操作人 {actorId}', en: 'Unknown actor {actorId}' },
  'actor.roleNotAllowed': {
    zh: '角色 {role} 无权在状态 {status} 下发送 {type}',
    en: 'Role {role} may not send {type} while the case is {status}',
  },
  'actor.outsideTown': {
    zh: '操作人 {actorId} 不属于本事件所在镇街 {townId}',
    en: "Actor {actorId} is outside the case's town {townId}",
  },
  'actor.outsideScope': {
    zh: '操作人 {actorId} 不负责本事件（要求：{scope}）',
    en: 'Actor {actorId} is not responsible for this case (required: {scope})',
  },
  'payload.invalid': {
    zh: '数据无效：{path} 处 {rule}',
    en: 'Invalid payload at {path}: {rule}',
  },
  'routing.unknownTarget': {
    zh: '派单对象 {target} 不存在',
    en: 'Dispatch target {target} does not exist',
  },
  'routing.outsideTown': {
    zh: '岗位 {target} 不属于本事件所在镇街，部门须属于本区县',
    en: "Post {target} is outside the case's town (departments must be of its district)",
  },
  'routing.departmentLed': {
    zh: '事项 {category} 在部门主责清单上，须由 {departments} 主办',
    en: 'Matter {category} is on the department-led list and must be led by {departments}',
  },
  'routing.statutory': {
    zh: '事项 {category} 在镇街法定职责清单上，须由{section}板块的岗位主办',
    en: "Matter {category} is on the town's statutory list and must be led by a post of section {section}",
  },
  'case.notFound': { zh: '事件 {caseId} 不存在', en: 'Case {caseId} does not exist' },
  'case.exists': { zh: '事件 {caseId} 已存在', en: 'Case {caseId} already exists' },
  'case.closed': {
    zh: '事件 {caseId} 已闭环，不能再更改',
    en: 'Case {caseId} is closed and cannot change',
  },
  'case.mergeTarget': {
    zh: '不能合并到 {intoCaseId}：{why}',
    en: 'Cannot merge into {intoCaseId}: {why}',
  },
  'store.conflict': {
    zh: '事件已被他人更新（期望版本 {expected}，实际 {actual}）',
    en: 'The case changed meanwhile (expected version {expected}, found {actual})',
  },
  'restore.invalid': {
    zh: '恢复数据无效：{path} 处 {rule}',
    en: 'Restore data invalid at {path}: {rule}',
  },
  'audit.chainBroken': {
    zh: '事件 {caseId} 的审计链在第 {seq} 条断开',
    en: 'Audit chain of case {caseId} is broken at entry {seq}',
  },
} as const;

/**
 * A stable error code of @zhizhi/core.
 *
 * @example
 * ```ts
 * import type { ErrorCode } from '@zhizhi/core';
 * const code: ErrorCode = 'actor.roleNotAllowed';
 * ```
 */
export type ErrorCode = keyof typeof errorCatalog;
