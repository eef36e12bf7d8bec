import type { CaseEventType } from '../case/caseEventSchemas.js';
import type { CaseStatus, Outcome, Severity, SlaClock } from '../case/caseStatus.js';
import type { OrgLevel, Role, SectionId } from '../org/roles.js';
import type { ScenarioStep } from '../scenario/document/scenarioSchema.js';
import type { Lang } from './Lang.js';

type Table<K extends string> = Readonly<Record<K, readonly [zh: string, en: string]>>;

const status: Table<CaseStatus> = {
  gridHandling: ['网格处置', 'Grid handling'],
  communityHandling: ['社区处置', 'Community handling'],
  intake: ['待受理', 'Intake'],
  dispatching: ['待派单', 'Dispatching'],
  assigned: ['待签收', 'Assigned'],
  inProgress: ['处置中', 'In progress'],
  verifying: ['待核查', 'Verifying'],
  closed: ['已闭环', 'Closed'],
};

const event: Table<CaseEventType | 'REPORT'> = {
  REPORT: ['上报', 'Report'],
  RESOLVE_ON_SITE: ['就地解决', 'Resolve on site'],
  ESCALATE: ['上报上级', 'Escalate'],
  ACCEPT: ['受理', 'Accept'],
  REJECT: ['作废', 'Reject as invalid'],
  MERGE: ['合并', 'Merge as duplicate'],
  DISPATCH: ['派单', 'Dispatch'],
  ACKNOWLEDGE: ['签收', 'Acknowledge'],
  RETURN: ['退回', 'Return'],
  PROGRESS: ['进展反馈', 'Progress note'],
  REQUEST_SUPPORT: ['请求协同', 'Request support'],
  RESOLVE: ['办结', 'Resolve'],
  CONFIRM: ['核查通过', 'Confirm'],
  REOPEN: ['核查不通过', 'Reopen'],
  CANCEL: ['撤销', 'Cancel'],
  DECLARE_EMERGENCY: ['启动应急预案', 'Declare emergency'],
  STAND_DOWN: ['解除应急', 'Stand down'],
  SLA_OVERDUE: ['超时督办', 'Overdue: supervision'],
};

const role: Table<Role> = {
  resident: ['居民', 'Resident'],
  gridWorker: ['专职网格员', 'Grid worker'],
  partTimeGridWorker: ['兼职网格员', 'Part-time grid worker'],
  gridChief: ['网格长', 'Grid chief'],
  gridInstructor: ['网格指导员', 'Grid instructor'],
  communityStaff: ['村（社区）工作人员', 'Community staff'],
  dutyOfficer: ['值班员', 'Duty officer'],
  commander: ['指挥长', 'Commander'],
  sectionLead: ['板块负责人', 'Section lead'],
  postStaff: ['岗位人员', 'Post staff'],
  departmentStaff: ['部门人员', 'Department staff'],
  cityOperator: ['城运中心人员', 'City-operations operator'],
  sensor: ['感知设备', 'Sensor'],
  system: ['系统', 'System'],
};

const section: Table<SectionId> = {
  partyBuilding: ['党的建设', 'Party building'],
  economicDevelopment: ['经济发展', 'Economic development'],
  livelihoodServices: ['民生服务', 'Livelihood services'],
  safetyRuleOfLaw: ['平安法治', 'Safety and rule of law'],
};

const outcome: Table<Outcome> = {
  resolved: ['已解决', 'Resolved'],
  resolvedOnSite: ['就地解决', 'Resolved on site'],
  invalid: ['无效', 'Invalid'],
  merged: ['已合并', 'Merged'],
  cancelled: ['已撤销', 'Cancelled'],
};

const severity: Table<Severity> = {
  low: ['一般', 'Low'],
  medium: ['较重', 'Medium'],
  high: ['紧急', 'High'],
};

const clock: Table<SlaClock> = {
  accept: ['受理派单时限', 'Accept deadline'],
  acknowledge: ['签收时限', 'Acknowledge deadline'],
  resolve: ['办结时限', 'Resolve deadline'],
};

const level: Table<OrgLevel> = {
  city: ['市', 'City'],
  district: ['区县', 'District'],
  town: ['镇街', 'Town'],
  community: ['村（社区）', 'Community'],
  grid: ['网格', 'Grid'],
};

const stepKind: Table<ScenarioStep['kind']> = {
  task: ['任务', 'Task'],
  dispatch: ['派单', 'Dispatch'],
  notify: ['通知', 'Notify'],
  decision: ['判断', 'Decision'],
  parallel: ['并行', 'Parallel'],
  wait: ['等待', 'Wait'],
  escalate: ['上报', 'Escalate'],
  campaign: ['走访活动', 'Campaign'],
  end: ['结束', 'End'],
};

/**
 * The zh-CN and English labels of every status, event, role, section, outcome, severity, SLA
 * clock, org level and scenario step kind. Each entry is `[zh, en]`.
 *
 * @example
 * ```ts
 * import { labels } from '@zhizhi/core/labels';
 * labels.status.intake; // ['待受理', 'Intake']
 * ```
 */
export const labels = {
  status,
  event,
  role,
  section,
  outcome,
  severity,
  clock,
  level,
  stepKind,
} as const;

/**
 * The label of one key of one table in a language; the key itself if unknown.
 *
 * @example
 * ```ts
 * import { label } from '@zhizhi/core/labels';
 * label('section', 'safetyRuleOfLaw', 'zh-CN'); // '平安法治'
 * label('event', 'DISPATCH', 'en'); // 'Dispatch'
 * ```
 */
export function label<T extends keyof typeof labels>(table: T, key: string, lang: Lang): string {
  const t = labels[table] as Record<string, readonly [string, string]>;
  const entry = Object.hasOwn(t, key) ? t[key] : undefined;
  if (!entry) return key;
  return lang === 'en' ? entry[1] : entry[0];
}
