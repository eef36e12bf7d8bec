import { type Diagnostic, makeDiagnostic } from '../../diagnostics/Diagnostic.js';

/**
 * The messages of the scenario checker ({@link validateScenario}), keyed by stable diagnostic
 * code: the severity, and the message in zh-CN and English with `{name}` placeholders.
 * Warnings (`scenario.slaNeverFires`, `scenario.undeclaredParticipant`,
 * `scenario.kpiUnreachable`, `scenario.tooManyIssues`) do not make a document invalid; every
 * other code does.
 *
 * @example
 * ```ts
 * import { scenarioCatalog } from '@zhizhi/core/scenario';
 * scenarioCatalog['scenario.unknownStep'].severity; // 'error'
 * Object.keys(scenarioCatalog).length; // 27
 * ```
 */
export const scenarioCatalog = {
  'scenario.schema': {
    severity: 'error',
    zh: '不符合场景文档格式：{ruleZh}',
    en: 'Does not fit the scenario format: {rule}',
  },
  'scenario.tooManyIssues': {
    severity: 'warning',
    zh: '还有 {count} 处格式问题未列出；请先修正上面的问题',
    en: '{count} more format issues are not listed; fix the ones above first',
  },
  'scenario.duplicateId': {
    severity: 'error',
    zh: '{whatZh} `{id}` 重复（第一次出现在 `{first}`）',
    en: 'The {what} id `{id}` is used twice (first at `{first}`)',
  },
  'scenario.unknownStep': {
    severity: 'error',
    zh: '{ownerZh}指向的 `{target}` 不是本场景的步骤{hintZh}',
    en: '{owner} names `{target}`, which is not a step of this scenario{hint}',
  },
  'scenario.joinOutsideBranch': {
    severity: 'error',
    zh: '步骤 `{step}` 不在并行分支内，不能用 `@join` 结束分支',
    en: 'Step `{step}` is not inside a parallel branch, so it cannot lead to `@join`',
  },
  'scenario.crossesBranch': {
    severity: 'error',
    zh: '{detailZh}；并行分支内的步骤只能在本分支内流转，并以 `@join` 结束',
    en: '{detail}; the steps of a parallel branch stay inside it and finish with `@join`',
  },
  'scenario.tooDeep': {
    severity: 'error',
    zh: '并行步骤 `{step}` 处于第 {depth} 层并行嵌套，超过上限 {max} 层；请把它移到外层，或拆成先后两个并行步骤',
    en: 'Parallel step `{step}` is nested {depth} levels deep, but parallel steps may nest at most {max} levels; move it out, or split the work into parallel steps one after another',
  },
  'scenario.unreachable': {
    severity: 'error',
    zh: '步骤 `{step}` 从任何触发条件的起始步骤都无法到达',
    en: 'Step `{step}` cannot be reached from the start step of any trigger',
  },
  'scenario.deadEnd': {
    severity: 'error',
    zh: '{detailZh}，实例会卡在这里',
    en: '{detail}; an instance would get stuck there',
  },
  'scenario.instantLoop': {
    severity: 'error',
    zh: '步骤 {cycle} 构成一个不等待任何事情的环（环中没有任务、派单、等待或超时）：实例一旦走进这个环就会无限循环，触发它的操作永远不会返回；请在环中加入需要等待的步骤，或让它流向别处',
    en: 'The steps {cycle} form a loop that waits for nothing (no task, dispatch, wait or timeout in it): an instance that enters it goes round forever and the command that led it there never returns; put a step that waits into the loop, or lead it elsewhere',
  },
  'scenario.slaWithoutTimeout': {
    severity: 'error',
    zh: '步骤 `{step}` 设有时限 `{within}`，但超时去向 `{target}` 不是本场景的步骤{hintZh}',
    en: 'Step `{step}` has an SLA of `{within}`, but its timeout target `{target}` is not a step of this scenario{hint}',
  },
  'scenario.slaNeverFires': {
    severity: 'warning',
    zh: '步骤 `{step}` 等待 `{duration}`，其时限 `{within}` 不短于等待时间，永远不会超时',
    en: 'Step `{step}` waits `{duration}`; its SLA of `{within}` is not shorter, so it can never fire',
  },
  'scenario.unknownField': {
    severity: 'error',
    zh: '字段 `{field}` 未在场景的字段表（`fields`）中声明{hintZh}',
    en: 'The field `{field}` is not declared in the scenario fields{hint}',
  },
  'scenario.unknownAlertPath': {
    severity: 'error',
    zh: '触发条件 `{trigger}` 要复制的 `{from}` 不是预警中的数据{hintZh}',
    en: 'Trigger `{trigger}` copies `{from}`, which no alert holds{hint}',
  },
  'scenario.alertFieldType': {
    severity: 'error',
    zh: '触发条件 `{trigger}` 把 `{from}`（{typeZh}）复制到字段 `{field}`，但该字段的类型是 `{fieldType}`：每条预警都会因类型不符而无法发起实例',
    en: 'Trigger `{trigger}` copies `{from}` (a {type}) into the field `{field}` of type `{fieldType}`: every alert would fail to start an instance',
  },
  'scenario.unknownPost': {
    severity: 'error',
    zh: '组织架构中没有岗位 `{id}`{hintZh}',
    en: 'There is no post `{id}` in the org{hint}',
  },
  'scenario.unknownDepartment': {
    severity: 'error',
    zh: '组织架构中没有部门 `{id}`{hintZh}',
    en: 'There is no department `{id}` in the org{hint}',
  },
  'scenario.unknownCenter': {
    severity: 'error',
    zh: '组织架构中没有{kindZh} `{id}`{hintZh}',
    en: 'There is no {kind} `{id}` in the org{hint}',
  },
  'scenario.unknownRecipient': {
    severity: 'error',
    zh: '接收方{kindZh} `{id}` 不存在：{whyZh}{hintZh}',
    en: 'The recipient {kind} `{id}` does not exist: {why}{hint}',
  },
  'scenario.centerNotHandler': {
    severity: 'error',
    zh: '城运中心 `{id}` 不能作为派单的{roleZh}：城运中心负责统筹调度和监督，不签收、不办理事件，派给它的事件不会生成；请派给具体的岗位或部门，需要城运中心知晓时另加通知步骤',
    en: 'The city-operations center `{id}` cannot be a dispatch {role}: it coordinates and oversees, it does not acknowledge or handle cases, so no case would open; dispatch to a post or department, and add a notify step to keep the center informed',
  },
  'scenario.undeclaredParticipant': {
    severity: 'warning',
    zh: '步骤 `{step}` 用到的{kindZh}{nameZh}未列入 `participants.{list}`',
    en: 'Step `{step}` uses the {kind} {name}, which is not listed in `participants.{list}`',
  },
  'scenario.conditionSyntax': {
    severity: 'error',
    zh: '条件 `{when}` 无法解析：{detailZh}',
    en: 'The condition `{when}` cannot be parsed: {detail}',
  },
  'scenario.conditionType': {
    severity: 'error',
    zh: '条件 `{when}` 类型错误：{detailZh}',
    en: 'The condition `{when}` is not a well-typed boolean: {detail}',
  },
  'scenario.piiExposed': {
    severity: 'error',
    zh: '{sourceZh}把个人信息（{fieldsZh}）发给了{targetZh}；{fixZh}',
    en: '{source} sends personal data ({fields}) to {target}; {fix}',
  },
  'scenario.kpiUnreachable': {
    severity: 'warning',
    zh: '指标 `{kpi}` 的终点 `{to}` 在起点 `{from}` 之后无法到达，永远不会有数据',
    en: 'KPI `{kpi}` can never be measured: its end step `{to}` cannot be reached after `{from}`',
  },
  'scenario.kpiNotCampaign': {
    severity: 'error',
    zh: '覆盖率指标 `{kpi}` 指向的步骤 `{step}` 是{kindZh}步骤，不是走访活动（`campaign`）步骤',
    en: 'Coverage KPI `{kpi}` names step `{step}`, a {kind} step rather than a campaign',
  },
  'scenario.internal': {
    severity: 'error',
    zh: '校验器内部出错（`{error}`），结果可能不完整；请报告此问题',
    en: 'The validator failed internally ({error}); the result may be incomplete. Please report this',
  },
} as const;

/**
 * A diagnostic code of the scenario checker.
 *
 * @example
 * ```ts
 * import type { ScenarioCode } from '@zhizhi/core/scenario';
 * const code: ScenarioCode = 'scenario.deadEnd';
 * ```
 */
export type ScenarioCode = keyof typeof scenarioCatalog;

/**
 * Builds a scenario {@link Diagnostic} with the severity its code has in the catalogue.
 *
 * @internal
 * @example
 * ```ts
 * import { scenarioDiagnostic } from './scenarioCatalog.js';
 * scenarioDiagnostic('scenario.unreachable', ['steps', 3], { step: 'callBack' }).severity; // 'error'
 * ```
 */
export function scenarioDiagnostic(
  code: ScenarioCode,
  path: (string | number)[],
  params: Record<string, string | number> = {},
): Diagnostic {
  return makeDiagnostic(scenarioCatalog, code, path, params, scenarioCatalog[code].severity);
}

/**
 * Formats a JSON path the way printers show a diagnostic's own path (`d.path.join('.')`), for a
 * message that must name another place, e.g. where a duplicate id was first used:
 * `steps.3.next`, or `(document)` for `[]`. A message never names its own path.
 *
 * @internal
 * @example
 * ```ts
 * import { formatPath } from './scenarioCatalog.js';
 * formatPath(['steps', 3, 'next']); // 'steps.3.next'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(document)' : path.join('.');
}

/**
 * How a message names the step, trigger or KPI that holds a reference: `Step \`route\`` and
 * `步骤 \`route\``, from the first segments of a path into a document.
 *
 * @internal
 * @example
 * ```ts
 * import { ownerOf } from './scenarioCatalog.js';
 * ownerOf(['steps', 1, 'otherwise'], 'route'); // { owner: 'Step `route`', ownerZh: '步骤 `route` ' }
 * ```
 */
export function ownerOf(
  path: readonly (string | number)[],
  id: string,
): { owner: string; ownerZh: string } {
  switch (path[0]) {
    case 'triggers':
      return { owner: `Trigger \`${id}\``, ownerZh: `触发条件 \`${id}\` ` };
    case 'kpis':
      return { owner: `KPI \`${id}\``, ownerZh: `指标 \`${id}\` ` };
    default:
      return { owner: `Step \`${id}\``, ownerZh: `步骤 \`${id}\` ` };
  }
}
