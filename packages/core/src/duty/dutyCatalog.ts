import type * as z from 'zod/mini';
import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';

/**
 * The messages of the duty lists (清单), keyed by stable code, in zh-CN and English with
 * `{name}` placeholders. Times are printed as UTC ISO 8601.
 *
 * List data: `duty.invalidData`, `duty.duplicateId`, `duty.certificateOnBothLists`.
 * Assessment by the list: `duty.invalidPeriod`, `duty.tooManyPeriods`, `duty.checkInOutsidePeriod`,
 * `duty.checkInUnknownDuty`, `duty.checkInWrongKind`, `duty.checkInMissingTarget`,
 * `duty.checkInUnknownTarget`, `duty.noTargets`. Certificate requests:
 * `duty.certificateRefused`, `duty.certificateUnlisted`, `duty.listsNotForCommunity`.
 *
 * @example
 * ```ts
 * import { dutyCatalog } from '@zhizhi/core/duty';
 * dutyCatalog['duty.checkInUnknownDuty'].en; // 'Check-in for {dutyId}, which is not on the list, is not counted'
 * ```
 */
export const dutyCatalog = {
  'duty.invalidData': {
    zh: '数据无效：{path} 处 {detail}',
    en: 'Invalid data at {path}: {detail}',
  },
  'duty.duplicateId': {
    zh: '{list} 中的编号 {id} 重复',
    en: 'The id {id} appears more than once in {list}',
  },
  'duty.certificateOnBothLists': {
    zh: '证明“{nameZh}”同时列入可出具和不得出具两张清单',
    en: 'The certificate “{nameEn}” is on both the may-issue and the must-not-issue list',
  },
  'duty.invalidPeriod': {
    zh: '考核期无效：开始时间 {from} 须早于结束时间 {to}',
    en: 'Invalid assessment period: from {from} must be before to {to}',
  },
  'duty.tooManyPeriods': {
    zh: '考核期过长：含 {periods} 个考核周期，上限 {max}',
    en: 'The assessment span is too long: {periods} periods, more than the limit of {max}',
  },
  'duty.checkInOutsidePeriod': {
    zh: '打卡时间 {at} 不在考核期 {from} 至 {to} 内，不计入',
    en: 'Check-in at {at} is outside the period {from} to {to} and is not counted',
  },
  'duty.checkInUnknownDuty': {
    zh: '打卡事项 {dutyId} 不在清单上，不计入',
    en: 'Check-in for {dutyId}, which is not on the list, is not counted',
  },
  'duty.checkInWrongKind': {
    zh: '打卡类型 {kind} 不计入事项 {dutyId}（应为 {kinds}）',
    en: 'A check-in of kind {kind} does not count for {dutyId} (expected {kinds})',
  },
  'duty.checkInMissingTarget': {
    zh: '事项 {dutyId} 按{perZh}考核，打卡须注明{perZh}，不计入',
    en: '{dutyId} is assessed per {perEn}: a check-in that names no {perEn} is not counted',
  },
  'duty.checkInUnknownTarget': {
    zh: '{target} 不在事项 {dutyId} 的{perZh}名单内，不计入',
    en: '{target} is not on the {perEn} roster of {dutyId} and is not counted',
  },
  'duty.noTargets': {
    zh: '事项 {dutyId} 按{perZh}考核，但未提供{perZh}名单，改按打卡次数考核',
    en: '{dutyId} is assessed per {perEn} but no {perEn} roster was given; counted by check-ins instead',
  },
  'duty.certificateRefused': {
    zh: '“{nameZh}”列入不得出具证明清单，村（社区）不予出具：{reasonZh}。请向{authorityZh}申请。',
    en: '“{nameEn}” is on the list of certificates a community must not issue: {reasonEn}. Apply to {authorityEn}.',
  },
  'duty.certificateUnlisted': {
    zh: '“{certificate}”不在可依法出具证明清单上，村（社区）不予出具',
    en: '“{certificate}” is not on the list of certificates the community may lawfully issue, so it is not issued',
  },
  'duty.listsNotForCommunity': {
    zh: '这份四清单一目录不适用于 {communityId}',
    en: 'These four lists and one catalogue do not apply to {communityId}',
  },
} as const;

/**
 * A code of {@link dutyCatalog}.
 *
 * @example
 * ```ts
 * import type { DutyCode } from '@zhizhi/core/duty';
 * const code: DutyCode = 'duty.certificateRefused';
 * ```
 */
export type DutyCode = keyof typeof dutyCatalog;

/** @internal A {@link Diagnostic} from {@link dutyCatalog}. */
export function dutyDiagnostic(
  code: DutyCode,
  path: (string | number)[],
  params: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  return makeDiagnostic(dutyCatalog, code, path, params, severity);
}

/**
 * @internal Turns zod issues into diagnostics: custom issues raised by the duty schemas carry
 * their catalogue code and params; any other issue becomes `duty.invalidData`.
 */
export function dutyIssueDiagnostics(error: z.core.$ZodError): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    const params = issue.code === 'custom' ? (issue.params as Record<string, string>) : undefined;
    const code = params?.code as DutyCode | undefined;
    if (code !== undefined && Object.hasOwn(dutyCatalog, code)) {
      return dutyDiagnostic(code, path, params);
    }
    const detail = `${issue.code}${issue.message ? ` (${issue.message})` : ''}`;
    return dutyDiagnostic('duty.invalidData', path, { path: path.join('.') || '(root)', detail });
  });
}
