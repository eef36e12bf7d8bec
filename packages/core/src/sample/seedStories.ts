import type { CaseReport } from '../case/caseContext.js';
import type { CaseCommand } from '../case/caseEventSchemas.js';
import type { LocalizedText } from '../i18n/Lang.js';

/**
 * One step of a scripted story: let time pass (timers due meanwhile fire), open a case, or send
 * an event to a case opened earlier in the story.
 *
 * @example
 * ```ts
 * import type { StoryStep } from '@zhizhi/core/sample';
 * const wait: StoryStep = { advance: 'PT30M' };
 * ```
 */
export type StoryStep =
  | { advance: string }
  | { report: CaseReport & { id: string } }
  | { case: string; send: CaseCommand };

/**
 * A scripted story replayed on an Engine with a simulated clock.
 *
 * @example
 * ```ts
 * import type { SeedStory } from '@zhizhi/core/sample';
 * const count = (s: SeedStory) => s.steps.length;
 * ```
 */
export interface SeedStory {
  id: string;
  title: LocalizedText;
  start: string;
  steps: StoryStep[];
}

const send = (id: string, command: CaseCommand): StoryStep => ({ case: id, send: command });
const wait = (advance: string): StoryStep => ({ advance });

/**
 * The article's stories as scripts on {@link sampleOrg} (all moved into 綦江区 so that one
 * sample district holds them): the river-pollution report fixed by the village/town
 * construction post in 3 days; the school crossing widened by the district city management
 * bureau in 4 days; the grid → community → center escalation ladder (and a matter resolved on
 * the grid); a case returned by a post and re-dispatched; an acknowledge deadline missed and
 * supervised twice; and a verification that reopens the case.
 *
 * @example
 * ```ts
 * import { seedStories } from '@zhizhi/core/sample';
 * seedStories.map((s) => s.id);
 * // ['riverPollution', 'schoolCrossing', 'escalationLadder', 'returnedAndRedispatched', 'acknowledgeOverdue', 'reopenedVerification']
 * ```
 */
export const seedStories: SeedStory[] = [
  {
    id: 'riverPollution',
    title: {
      zh: '檬梓桥河雨污混流：村镇建设岗 3 天修复',
      en: 'River pollution fixed by the village/town construction post in 3 days',
    },
    start: '2026-03-02T09:00:00+08:00',
    steps: [
      {
        report: {
          id: 'river-1',
          gridId: 'qj-sj-c1-g1',
          reporterId: 'qj-sj-c1-g1-worker',
          category: 'riverPollution',
          severity: 'medium',
          title: '檬梓桥河雨污混流、管网破损',
          description: '走访发现雨污混流，污水收集不彻底，管网破损',
          photos: ['photos/river-1.jpg'],
          location: { lat: 29.03, lng: 106.65, address: '檬梓桥河沿岸' },
        },
      },
      wait('PT8M'),
      send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }),
      wait('PT4M'),
      send('river-1', {
        type: 'DISPATCH',
        by: 'qj-sj-duty',
        lead: { kind: 'post', id: 'qj-sj-czjs' },
        note: '经济发展板块村镇建设岗牵头',
      }),
      wait('PT20M'),
      send('river-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' }),
      wait('PT6H'),
      send('river-1', {
        type: 'PROGRESS',
        by: 'qj-sj-czjs-staff',
        note: '已制定方案：雨污分流改造、更换破损管段',
      }),
      wait('P2DT18H'),
      send('river-1', {
        type: 'RESOLVE',
        by: 'qj-sj-czjs-staff',
        result: '管网修复完成，雨污分流',
        photos: ['photos/river-1-fixed.jpg'],
      }),
      wait('PT2H'),
      send('river-1', { type: 'CONFIRM', by: 'qj-sj-c1-g1-worker', note: '现场核查：河水已清' }),
    ],
  },
  {
    id: 'schoolCrossing',
    title: {
      zh: '学校门口人行道过窄：区城市管理局 4 天拓宽',
      en: 'School crossing widened by the district city management bureau in 4 days',
    },
    start: '2026-04-13T07:30:00+08:00',
    steps: [
      {
        report: {
          id: 'crossing-1',
          gridId: 'qj-th-c1-g1',
          reporterId: 'qj-th-c1-g1-worker',
          category: 'roadFacilities',
          severity: 'high',
          title: '学校门口人行道仅 1 米宽',
          description: '2000 余名学生上下学通行，存在安全隐患',
        },
      },
      wait('PT15M'),
      send('crossing-1', { type: 'ACCEPT', by: 'qj-th-duty' }),
      wait('PT5M'),
      send('crossing-1', {
        type: 'DISPATCH',
        by: 'qj-th-duty',
        lead: { kind: 'department', id: 'qj-cgj' },
      }),
      wait('PT40M'),
      send('crossing-1', { type: 'ACKNOWLEDGE', by: 'qj-cgj-staff' }),
      wait('P2D'),
      send('crossing-1', { type: 'PROGRESS', by: 'qj-cgj-staff', note: '拓宽施工中' }),
      wait('P1DT22H'),
      send('crossing-1', { type: 'RESOLVE', by: 'qj-cgj-staff', result: '人行道已拓宽' }),
      wait('PT1H'),
      send('crossing-1', { type: 'CONFIRM', by: 'qj-th-c1-g1-worker' }),
    ],
  },
  {
    id: 'escalationLadder',
    title: {
      zh: '三江街道：网格 → 社区 → 指挥中心，闭环处置',
      en: 'Sanjiang: grid → community → command center, a closed loop',
    },
    start: '2026-05-06T20:00:00+08:00',
    steps: [
      {
        report: {
          id: 'ladder-1',
          gridId: 'qj-sj-c2-g1',
          reporterId: 'qj-sj-c2-g1-worker',
          category: 'homestayNoise',
          severity: 'low',
          title: '民宿夜间噪音扰民',
          handleOnGrid: true,
        },
      },
      wait('PT30M'),
      send('ladder-1', {
        type: 'ESCALATE',
        by: 'qj-sj-c2-g1-chief',
        reason: '劝导无效，网格无法解决',
      }),
      wait('PT1H'),
      send('ladder-1', { type: 'ESCALATE', by: 'qj-sj-c2-staff', reason: '社区协调未果' }),
      wait('PT10M'),
      send('ladder-1', { type: 'ACCEPT', by: 'qj-sj-duty' }),
      send('ladder-1', {
        type: 'DISPATCH',
        by: 'qj-sj-duty',
        lead: { kind: 'post', id: 'qj-sj-zzwd' },
      }),
      wait('PT30M'),
      send('ladder-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-zzwd-staff' }),
      wait('PT14H'),
      send('ladder-1', {
        type: 'RESOLVE',
        by: 'qj-sj-zzwd-staff',
        result: '约谈经营者，签订承诺书',
      }),
      wait('PT3H'),
      send('ladder-1', { type: 'CONFIRM', by: 'qj-sj-c2-g1-worker' }),
      {
        report: {
          id: 'ladder-2',
          gridId: 'qj-sj-c2-g2',
          reporterId: 'qj-sj-c2-g2-worker',
          category: 'streetVendors',
          severity: 'low',
          title: '流动摊贩占道',
          handleOnGrid: true,
        },
      },
      wait('PT20M'),
      send('ladder-2', {
        type: 'RESOLVE_ON_SITE',
        by: 'qj-sj-c2-g2-worker',
        result: '劝导摊贩入市经营',
      }),
    ],
  },
  {
    id: 'returnedAndRedispatched',
    title: {
      zh: '派错岗位：退回后重新派单',
      en: 'Dispatched to the wrong post: returned and re-dispatched',
    },
    start: '2026-06-01T10:00:00+08:00',
    steps: [
      {
        report: {
          id: 'vendor-1',
          gridId: 'qj-th-c2-g1',
          reporterId: 'qj-th-c2-g1-rider',
          category: 'streetVendors',
          severity: 'medium',
          title: '菜市场外占道经营',
        },
      },
      wait('PT5M'),
      send('vendor-1', { type: 'ACCEPT', by: 'qj-th-duty' }),
      send('vendor-1', {
        type: 'DISPATCH',
        by: 'qj-th-duty',
        lead: { kind: 'post', id: 'qj-th-shsw' },
      }),
      wait('PT25M'),
      send('vendor-1', {
        type: 'RETURN',
        by: 'qj-th-shsw-staff',
        reason: '不属于社会事务岗职责，建议派综治维稳岗',
      }),
      wait('PT10M'),
      send('vendor-1', {
        type: 'DISPATCH',
        by: 'qj-th-duty2',
        lead: { kind: 'post', id: 'qj-th-zzwd' },
        coHandlers: [{ kind: 'post', id: 'qj-th-shsw' }],
      }),
      wait('PT15M'),
      send('vendor-1', { type: 'ACKNOWLEDGE', by: 'qj-th-zzwd-staff' }),
      wait('PT3H'),
      send('vendor-1', {
        type: 'PROGRESS',
        by: 'qj-th-shsw-staff',
        note: '协助联系市场方提供摊位',
      }),
      wait('PT2H'),
      send('vendor-1', { type: 'RESOLVE', by: 'qj-th-zzwd-staff', result: '摊贩已入场经营' }),
      wait('PT1H'),
      send('vendor-1', { type: 'CONFIRM', by: 'qj-th-duty' }),
    ],
  },
  {
    id: 'acknowledgeOverdue',
    title: { zh: '超时未签收：两级督办', en: 'Acknowledge deadline missed: supervised twice' },
    start: '2026-07-08T14:00:00+08:00',
    steps: [
      {
        report: {
          id: 'water-1',
          gridId: 'qj-sj-c1-g2',
          reporterId: 'qj-sj-c1-g2-worker',
          category: 'waterlogging',
          severity: 'medium',
          title: '小区门口道路积水',
        },
      },
      wait('PT10M'),
      send('water-1', { type: 'ACCEPT', by: 'qj-sj-duty' }),
      send('water-1', {
        type: 'DISPATCH',
        by: 'qj-sj-duty',
        lead: { kind: 'post', id: 'qj-sj-czjs' },
      }),
      wait('PT1H10M'),
      wait('PT2H'),
      send('water-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff', note: '已到现场' }),
      wait('PT5H'),
      send('water-1', { type: 'RESOLVE', by: 'qj-sj-czjs-staff', result: '疏通排水口' }),
      wait('PT1H'),
      send('water-1', { type: 'CONFIRM', by: 'qj-sj-c1-g2-chief' }),
    ],
  },
  {
    id: 'reopenedVerification',
    title: { zh: '核查不通过：重新处置', en: 'Verification fails: the case is reopened' },
    start: '2026-08-19T08:00:00+08:00',
    steps: [
      {
        report: {
          id: 'water-2',
          gridId: 'qj-th-c1-g2',
          reporterId: 'qj-th-c1-g2-worker',
          category: 'waterlogging',
          severity: 'low',
          title: '背街小巷积水',
        },
      },
      wait('PT10M'),
      send('water-2', { type: 'ACCEPT', by: 'qj-th-duty' }),
      send('water-2', {
        type: 'DISPATCH',
        by: 'qj-th-duty',
        lead: { kind: 'post', id: 'qj-th-czjs' },
      }),
      wait('PT20M'),
      send('water-2', { type: 'ACKNOWLEDGE', by: 'qj-th-czjs-staff' }),
      wait('PT6H'),
      send('water-2', { type: 'RESOLVE', by: 'qj-th-czjs-staff', result: '已清理' }),
      wait('PT2H'),
      send('water-2', {
        type: 'REOPEN',
        by: 'qj-th-c1-g2-worker',
        reason: '雨后仍有积水，排水管堵塞未处理',
      }),
      wait('PT1H'),
      send('water-2', { type: 'PROGRESS', by: 'qj-th-czjs-staff', note: '疏通排水管' }),
      wait('PT5H'),
      send('water-2', { type: 'RESOLVE', by: 'qj-th-czjs-staff', result: '排水管疏通，积水消除' }),
      wait('PT2H'),
      send('water-2', { type: 'CONFIRM', by: 'qj-th-c1-g2-worker' }),
    ],
  },
];
