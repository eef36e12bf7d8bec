/**
 * Messages of the errors a {@link ScenarioEngine} returns when it refuses something.
 *
 * @example
 * ```ts
 * import { scenarioRuntimeCatalog } from '@zhizhi/core/scenario';
 * scenarioRuntimeCatalog['run.notActive'].en; // 'Step {step} is not waiting for {type}'
 * ```
 */
export const scenarioRuntimeCatalog = {
  'run.invalidScenario': {
    zh: '场景未通过校验（{count} 个错误），首个：{first}',
    en: 'The scenario does not validate ({count} errors), first: {first}',
  },
  'run.unknownScenario': {
    zh: '未注册的场景 {scenario}',
    en: 'Scenario {scenario} is not registered',
  },
  'run.unknownTrigger': {
    zh: '场景没有触发器 {trigger}',
    en: 'The scenario has no trigger {trigger}',
  },
  'run.notFound': { zh: '场景实例 {id} 不存在', en: 'Scenario instance {id} does not exist' },
  'run.exists': { zh: '场景实例 {id} 已存在', en: 'Scenario instance {id} already exists' },
  'run.finished': { zh: '场景实例 {id} 已结束', en: 'Scenario instance {id} has ended' },
  'run.payload': { zh: '数据无效：{path} {rule}', en: 'Invalid payload at {path}: {rule}' },
  'run.unknownEvent': { zh: '未知事件 {type}', en: 'Unknown event {type}' },
  'run.notActive': {
    zh: '步骤 {step} 当前不在等待 {type}',
    en: 'Step {step} is not waiting for {type}',
  },
  'run.unknownActor': { zh: '未知的操作人 {actorId}', en: 'Unknown actor {actorId}' },
  'run.notAssignee': {
    zh: '{actorId} 不是步骤 {step} 的承办人',
    en: '{actorId} is not an assignee of step {step}',
  },
  'run.outsideTown': {
    zh: '{actorId} 不属于本场景实例所在镇街 {townId}',
    en: "{actorId} is outside the instance's town {townId}",
  },
  'run.missingField': {
    zh: '触发器 {trigger} 缺少必填字段 {field}',
    en: 'Trigger {trigger} must deliver the required field {field}',
  },
  'run.unknownField': {
    zh: '步骤 {step} 的表单没有字段 {field}',
    en: 'Step {step} has no form field {field}',
  },
  'run.fieldType': {
    zh: '字段 {field} 应为 {type}',
    en: 'Field {field} must be {type}',
  },
  'run.notInList': {
    zh: '{target} 不在活动 {step} 的清单上',
    en: '{target} is not on the list of campaign {step}',
  },
  'run.alreadyDeployed': {
    zh: '场景 {scenario} 版本 {version} 已部署且内容不同：请使用新版本号',
    en: 'Scenario {scenario} version {version} is already deployed with other content: use a new version',
  },
  'run.instantLoop': {
    zh: '一次操作进入了过多步骤（最后为 {step}），已停止，未作任何更改：场景中有不经等待的循环',
    en: 'One command entered too many steps (last: {step}) and was stopped, changing nothing: the scenario loops without waiting',
  },
  'run.conflict': {
    zh: '版本冲突：期望 {expected}，实际 {actual}',
    en: 'Version conflict: expected {expected}, found {actual}',
  },
} as const;
