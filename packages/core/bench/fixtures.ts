// Realistic workload for the benchmark: the sample org (綦江区), the sample SLA policy and duty
// lists, four kinds of case spread over both towns and all eight grids, and the lifecycle
// report → ACCEPT → DISPATCH → ACKNOWLEDGE → n×PROGRESS → RESOLVE [→ CONFIRM], each event sent
// by the member the rules allow, with Chinese notes of about 20 characters.

import type { CaseContext, CaseReport } from '../src/case/caseContext.js';
import type { CaseCommand, DispatchTarget } from '../src/case/caseEventSchemas.js';
import type { CaseStatus } from '../src/case/caseStatus.js';
import { initialCaseContext } from '../src/case/initialCaseContext.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { sampleDutyLists, sampleSlaPolicy } from '../src/sample/samplePolicies.js';

export const directory = new Directory(sampleOrg);
export const dutyLists = sampleDutyLists;
export const slaPolicy = sampleSlaPolicy;

const towns = ['qj-sj', 'qj-th'] as const;
const grids = towns.flatMap((t) => [`${t}-c1-g1`, `${t}-c1-g2`, `${t}-c2-g1`, `${t}-c2-g2`]);

interface Scenario {
  category: string;
  severity: CaseReport['severity'];
  title: string;
  description: string;
  address: string;
  lead: (town: string) => DispatchTarget;
  leadStaff: (town: string) => string;
  coHandler?: (town: string) => DispatchTarget;
  coStaff?: (town: string) => string;
  dispatchNote: string;
}

const scenarios: Scenario[] = [
  {
    category: 'riverPollution',
    severity: 'medium',
    title: '檬梓桥河雨污混流、管网破损',
    description: '走访发现雨污混流，污水收集不彻底，沿河管网多处破损渗漏',
    address: '檬梓桥河沿岸',
    lead: (t) => ({ kind: 'post', id: `${t}-czjs` }),
    leadStaff: (t) => `${t}-czjs-staff`,
    dispatchNote: '请村镇建设岗牵头，三日内完成管网修复',
  },
  {
    category: 'waterlogging',
    severity: 'high',
    title: '暴雨后小区地下车库入口积水严重',
    description: '连续降雨后车库入口积水约三十厘米，配电箱存在浸水风险',
    address: '通惠路十八号小区',
    lead: (t) => ({ kind: 'post', id: `${t}-nyfw` }),
    leadStaff: (t) => `${t}-nyfw-staff`,
    coHandler: () => ({ kind: 'department', id: 'qj-power' }),
    coStaff: () => 'qj-power-staff',
    dispatchNote: '请农业服务岗牵头排涝，供电公司配合断电',
  },
  {
    category: 'homestayNoise',
    severity: 'low',
    title: '民宿夜间喧哗扰民，居民多次投诉',
    description: '古镇民宿游客深夜唱歌喧哗，附近居民反映已持续一周以上',
    address: '古镇老街民宿集中区',
    lead: (t) => ({ kind: 'post', id: `${t}-zzwd` }),
    leadStaff: (t) => `${t}-zzwd-staff`,
    dispatchNote: '请综治维稳岗约谈经营者并落实整改',
  },
  {
    category: 'roadFacilities',
    severity: 'medium',
    title: '学校门口人行道过窄存在安全隐患',
    description: '小学门口人行道仅一米宽，放学时段学生被迫走上机动车道',
    address: '实验小学正门',
    lead: () => ({ kind: 'department', id: 'qj-cgj' }),
    leadStaff: () => 'qj-cgj-staff',
    coHandler: (t) => ({ kind: 'post', id: `${t}-czjs` }),
    coStaff: (t) => `${t}-czjs-staff`,
    dispatchNote: '请区城管局牵头拓宽人行道，街道配合',
  },
];

const acceptNote = '经核实情况属实，已受理并转入派单环节';
const acknowledgeNote = '已签收，安排专人明早到现场勘查核实';
const progressNotes = [
  '已到现场勘查，初步查明问题原因所在',
  '已联系施工队伍，材料设备正在调配中',
  '现场作业已过半，预计明天可全部完成',
  '主体整改已完成，正在清理现场杂物',
  '邀请居民代表查看，整改效果获得认可',
];
const resolveResult = '问题已整改完毕，现场恢复正常秩序';
const confirmNote = '网格员现场复核，群众表示满意';

/** One lifecycle: how many PROGRESS events, and whether the grid confirms (closing the case). */
export interface Lifecycle {
  progress: number;
  confirm: boolean;
  /** Events per case, the report included. */
  events: number;
  /** The status after step i (step 0 is the report). */
  expected: CaseStatus[];
}

export function lifecycle(progress: number, confirm: boolean): Lifecycle {
  const expected: CaseStatus[] = ['intake', 'dispatching', 'assigned', 'inProgress'];
  for (let i = 0; i < progress; i++) expected.push('inProgress');
  expected.push('verifying');
  if (confirm) expected.push('closed');
  return { progress, confirm, events: expected.length, expected };
}

const placeOf = (k: number) => {
  const gridId = grids[k % grids.length] as string;
  const town = gridId.slice(0, 5);
  const scenario = scenarios[Math.floor(k / grids.length) % scenarios.length] as Scenario;
  return { gridId, town, scenario };
};

/** The report that opens case number k (as a client would POST it). */
export function reportOf(k: number): CaseReport {
  const { gridId, scenario } = placeOf(k);
  return {
    gridId,
    reporterId: `${gridId}-worker`,
    category: scenario.category,
    severity: scenario.severity,
    title: scenario.title,
    description: scenario.description,
    photos: [`photos/2026/03/${k}-1.jpg`],
    location: {
      lat: 29.03 + (k % 100) / 10_000,
      lng: 106.65 + (k % 97) / 10_000,
      address: scenario.address,
    },
  };
}

/** The command of step `step` (1 … events-1) of case number k. */
export function commandOf(k: number, step: number, life: Lifecycle): CaseCommand {
  const { gridId, town, scenario } = placeOf(k);
  const duty = k % 2 === 0 ? `${town}-duty` : `${town}-duty2`;
  const staff = scenario.leadStaff(town);
  if (step === 1) return { type: 'ACCEPT', by: duty, note: acceptNote };
  if (step === 2) {
    const co = scenario.coHandler?.(town);
    return {
      type: 'DISPATCH',
      by: duty,
      lead: scenario.lead(town),
      ...(co ? { coHandlers: [co] } : {}),
      note: scenario.dispatchNote,
    };
  }
  if (step === 3) return { type: 'ACKNOWLEDGE', by: staff, note: acknowledgeNote };
  const p = step - 4;
  if (p < life.progress) {
    // The co-handler (if any) reports the second progress step.
    const by = p === 1 && scenario.coStaff ? scenario.coStaff(town) : staff;
    return { type: 'PROGRESS', by, note: progressNotes[p % progressNotes.length] as string };
  }
  if (p === life.progress) return { type: 'RESOLVE', by: staff, result: resolveResult };
  return { type: 'CONFIRM', by: `${gridId}-chief`, note: confirmNote };
}

/** The context the Engine builds from a report (mirrors `Engine.report`), for the baselines. */
export function contextOf(report: CaseReport, id: string, now: number): CaseContext {
  const reporter = directory.member(report.reporterId);
  const context =
    reporter && initialCaseContext(directory, slaPolicy, { ...report, id }, reporter, now);
  if (!context) throw new Error(`bad report ${report.gridId}`);
  return context;
}

/** A fresh copy, as if the input had arrived as a JSON request body (distinct strings). */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
