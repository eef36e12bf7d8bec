import type { Messages } from '../i18n/translate.js';

/** The strings of `zz-scenario` (step and field labels come from the scenario document). @internal */
export const scenarioMessages = {
  loading: { zh: '正在加载…', en: 'Loading…' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  noScenario: { zh: '未指定场景或实例', en: 'No scenario or instance given' },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  notDeployed: {
    zh: '数据来源中没有场景 {id}（版本 {version}）：请先部署该场景',
    en: 'The data source has no scenario {id} (version {version}): deploy it first',
  },
  instanceNotFound: { zh: '未找到场景实例 {id}', en: 'Scenario instance {id} not found' },
  start: { zh: '启动场景', en: 'Start the scenario' },
  noGrid: { zh: '未指定网格（grid），无法启动', en: 'No grid given: the scenario cannot start' },
  noMember: { zh: '未指定成员，无法操作', en: 'No member given: nothing can be sent' },
  started: { zh: '场景已启动：{id}', en: 'Scenario started: {id}' },
  steps: { zh: '当前环节', en: 'Current steps' },
  noSteps: { zh: '无', en: 'None' },
  ended: { zh: '已结束：{outcome}', en: 'Ended: {outcome}' },
  tasks: { zh: '您可办理的任务', en: 'Your tasks' },
  noTasks: { zh: '当前没有您可办理的任务', en: 'Nothing for you to do now' },
  outcome: { zh: '办理结果', en: 'Outcome' },
  submit: { zh: '提交', en: 'Send' },
  sending: { zh: '正在提交…', en: 'Sending…' },
  sent: { zh: '已提交：{step}', en: 'Sent: {step}' },
  refused: { zh: '未被接受：{reason}', en: 'Refused: {reason}' },
  timeline: { zh: '处置记录', en: 'Timeline' },
  by: { zh: '{who}（{role}）', en: '{who} ({role})' },
} satisfies Messages;

/**
 * The names of the events on a scenario instance's audit trail (core's labels name case
 * events only); an unknown event shows as its own name. @internal
 */
export const scenarioEventMessages = {
  START: { zh: '启动', en: 'Started' },
  TASK_COMPLETE: { zh: '完成任务', en: 'Task done' },
  CHECK_IN: { zh: '走访签到', en: 'Check-in' },
  SIGNAL: { zh: '信号', en: 'Signal' },
  EVENT: { zh: '事件', en: 'Event' },
  TIMEOUT: { zh: '超时', en: 'Timed out' },
  CASE_ACKNOWLEDGED: { zh: '派单已签收', en: 'Case acknowledged' },
  CASE_CLOSED: { zh: '派单已办结', en: 'Case closed' },
} satisfies Messages;
