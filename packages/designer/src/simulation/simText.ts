import type { Lang } from '@zhizhi/core';

/** Every user-facing string of the simulation panel, `[zh-CN, English]`. */
const texts = {
  simulate: ['模拟运行', 'Simulate'],
  simulation: ['模拟', 'Simulation'],
  blocked: ['仍有错误，不能模拟', 'Fix the errors before simulating'],
  clock: ['模拟时钟', 'Simulated clock'],
  nextDeadline: ['下一个时限', 'Next deadline'],
  toNextDeadline: ['到下一个时限', 'To the next deadline'],
  none: ['无', 'none'],
  plus5m: ['+5 分钟', '+5 min'],
  plus1h: ['+1 小时', '+1 h'],
  plus1d: ['+1 天', '+1 day'],
  span: ['前进时长（如 PT2H、P2D）', 'Span (e.g. PT2H, P2D)'],
  advance: ['前进', 'Advance'],
  badSpan: ['时长须为 ISO 8601 时长，如 PT30M', 'A span is an ISO 8601 duration, e.g. PT30M'],
  member: ['以谁的身份', 'Acting as'],
  dutyOfficers: ['值班人员', 'Duty officers'],
  gridCrew: ['网格员', 'Grid workers'],
  posts: ['岗位', 'Posts'],
  departments: ['部门', 'Departments'],
  residents: ['居民', 'Residents'],
  others: ['其他', 'Others'],
  start: ['开始', 'Start'],
  grid: ['网格', 'Grid'],
  trigger: ['触发', 'Trigger'],
  startData: ['开始时的数据', 'Data at the start'],
  reading: ['注入传感器读数', 'Inject a sensor reading'],
  readingType: ['读数类型', 'Reading type'],
  level: ['级别', 'Level'],
  inject: ['注入', 'Inject'],
  tasks: ['待办任务', 'Tasks'],
  noTasks: ['此人现在没有可办的任务', 'Nothing for this member to do now'],
  complete: ['完成', 'Complete'],
  caseActions: ['派出事件的可用操作', 'Commands on dispatched cases'],
  status: ['当前步骤', 'Active steps'],
  ended: ['已结束', 'Ended'],
  notStarted: ['尚未开始', 'Not started'],
  timeline: ['经过', 'Timeline'],
  paths: ['生成的测试路径', 'Generated test paths'],
  path: ['路径', 'Path'],
  reaches: ['经过', 'reaches'],
  timeouts: ['超时', 'timeouts'],
  unreached: ['没有路径到达', 'Reached by no path'],
  restart: ['重新开始', 'Restart'],
  saveRun: ['保存运行（事件文件）', 'Save run (events file)'],
  saveBlocked: [
    '先开始一次运行（手动或注入读数）；读数启动了第二个实例的运行不能保存',
    'Start a run first (by hand or with a reading); a run in which a reading started a second instance cannot be saved',
  ],
  refused: ['未执行', 'Refused'],
  readingStarted: ['读数已触发场景', 'The reading started the scenario'],
  readingAccepted: ['读数已接收', 'Reading accepted'],
  readingRefused: ['读数未被接收', 'Reading refused'],
  played: ['路径已播放', 'Path played'],
  START: ['开始', 'Started'],
  TIMEOUT: ['超时', 'Timed out'],
  TASK_COMPLETE: ['完成任务', 'Task completed'],
  CHECK_IN: ['走访签到', 'Checked in'],
  SIGNAL: ['信号', 'Signal'],
  EVENT: ['事件', 'Event'],
  CASE_ACKNOWLEDGED: ['派出事件已签收', 'Dispatched case acknowledged'],
  CASE_CLOSED: ['派出事件已闭环', 'Dispatched case closed'],
} as const;

/** A key of the simulation panel's string table. @internal */
export type SimTextKey = keyof typeof texts;

/**
 * A simulation panel string in the reader's language.
 *
 * @example
 * ```ts
 * import { simText } from '@zhizhi/designer';
 * simText('toNextDeadline', 'en'); // 'To the next deadline'
 * ```
 */
export function simText(key: SimTextKey, lang: Lang): string {
  const [zh, en] = texts[key];
  return lang === 'en' ? en : zh;
}
