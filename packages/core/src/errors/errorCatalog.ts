/**
 * The catalogue of errors @zhizhi/core returns: a stable code, and a message in zh-CN and
 * English with `{name}` placeholders filled from the error's params.
 *
 * @example
 * ```ts
 * import { errorCatalog } from '@zhizhi/core';
 * errorCatalog['store.conflict'].en; // 'Version conflict: expected {expected}, found {actual}'
 * ```
 */
export const errorCatalog = {
  'event.unknown': { zh: '未知事件 {type}', en: 'Unknown event {type}' },
  'event.wrongState': {
    zh: '状态 {status} 下不能 {type}',
    en: '{type} is not allowed in status {status}',
  },
  'event.notApplicable': {
    zh: '{type} 不适用：{why}',
    en: '{type} does not apply: {why}',
  },
  'actor.unknown': { zh: '未知的操作人 {actorId}', en: 'Unknown actor {actorId}' },
  'actor.roleNotAllowed': {
    zh: '角色 {role} 无权在 {status} 下 {type}',
    en: 'Role {role} may not {type} in {status}',
  },
  'actor.outsideTown': {
    zh: '{actorId} 不属于镇街 {townId}',
    en: '{actorId} is outside town {townId}',
  },
  'actor.outsideScope': {
    zh: '{actorId} 不负责本事件（{scope}）',
    en: '{actorId} is not responsible ({scope})',
  },
  'payload.invalid': {
    zh: '数据无效：{path} {rule}',
    en: 'Invalid payload at {path}: {rule}',
  },
  'routing.unknownTarget': {
    zh: '{target} 不存在或不能承办',
    en: '{target} does not exist or cannot handle cases',
  },
  'routing.outsideTown': {
    zh: '{target} 不属于本镇街（部门须属本区县）',
    en: '{target} is outside the case’s town or district',
  },
  'routing.departmentLed': {
    zh: '{category} 属部门主责清单，须由 {departments} 主办',
    en: '{category} is department-led: lead must be {departments}',
  },
  'routing.statutory': {
    zh: '{category} 属法定职责清单，须由 {section} 板块岗位主办',
    en: '{category} is statutory: lead must be a {section} post',
  },
  'case.notFound': { zh: '事件 {caseId} 不存在', en: 'Case {caseId} does not exist' },
  'case.exists': { zh: '事件 {caseId} 已存在', en: 'Case {caseId} already exists' },
  'case.closed': {
    zh: '事件 {caseId} 已闭环',
    en: 'Case {caseId} is closed',
  },
  'case.mergeTarget': {
    zh: '不能合并到 {intoCaseId}：{why}',
    en: 'Cannot merge into {intoCaseId}: {why}',
  },
  'instance.unknownKind': {
    zh: '未知的实例类型 {kind}',
    en: 'Unknown instance kind {kind}',
  },
  'handoff.delivered': {
    zh: '交接 {handoffId} 已送达',
    en: 'Hand-off {handoffId} was already delivered',
  },
  'handoff.mismatch': {
    zh: '交接与实例不符：{why}',
    en: 'The hand-off does not fit its instance: {why}',
  },
  'store.conflict': {
    zh: '版本冲突：期望 {expected}，实际 {actual}',
    en: 'Version conflict: expected {expected}, found {actual}',
  },
  'restore.invalid': {
    zh: '恢复数据无效：{path} {rule}',
    en: 'Invalid restore data at {path}: {rule}',
  },
  'audit.chainBroken': {
    zh: '{caseId} 审计链在第 {seq} 条断开',
    en: 'Audit chain of {caseId} broken at {seq}',
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
