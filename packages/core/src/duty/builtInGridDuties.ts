import type { GridDuty } from './gridDutyListSchema.js';

const t = (zh: string, en: string) => ({ zh, en });

/**
 * The six key tasks of a grid worker's "6+1" list (网格员"6+1"重点任务). The article names
 * five — daily patrol and visits (日常巡查走访), checking key places (排查重点场所), helping with
 * emergencies (协助处理突发事件), actively serving residents (主动服务群众) and positive publicity
 * (正面宣传引导) — and ends with "等"; the sixth here is information collection (信息采集),
 * keeping the grid's people, houses and places current, which the article's platform relies on
 * (人房地事物一图呈现). Towns add the "+1" themselves (see `sampleGridDutyList`).
 *
 * Frequencies are defaults a town can change: patrol daily; key places weekly, each place;
 * emergencies as they arise (recorded, not scored); a call or visit to each key resident daily
 * (the article's grid worker "visits or phones her key residents every day"); publicity and
 * information collection weekly.
 *
 * @example
 * ```ts
 * import { builtInGridDuties } from '@zhizhi/core/duty';
 * builtInGridDuties.map((d) => d.id);
 * // ['dailyPatrol', 'keyPlaces', 'emergencyAssist', 'serveResidents', 'publicity', 'infoCollection']
 * ```
 */
export const builtInGridDuties: readonly GridDuty[] = [
  {
    id: 'dailyPatrol',
    name: t('日常巡查走访', 'Daily patrol and visits'),
    description: t(
      '每天在网格内巡查一次，发现问题及时上报',
      'Patrol the grid once a day and report what you find',
    ),
    frequency: 'P1D',
    done: { kinds: ['patrol', 'visit'] },
  },
  {
    id: 'keyPlaces',
    name: t('排查重点场所', 'Checking key places'),
    description: t(
      '每周到每个重点场所（小作坊、出租屋、临江点位等）排查隐患',
      'Check every key place (workshops, rented rooms, riverside spots…) for hazards each week',
    ),
    frequency: 'P7D',
    done: { kinds: ['inspection'], per: 'place' },
  },
  {
    id: 'emergencyAssist',
    name: t('协助处理突发事件', 'Helping with emergencies'),
    description: t(
      '突发事件发生时第一时间到场、上报并协助处置',
      'When an emergency happens, be there first, report it and help handle it',
    ),
    frequency: 'asNeeded',
    done: { kinds: ['emergency'] },
  },
  {
    id: 'serveResidents',
    name: t('主动服务群众', 'Actively serving residents'),
    description: t(
      '每天上门走访或电话问候每位重点服务对象',
      'Visit or phone every key resident each day',
    ),
    frequency: 'P1D',
    done: { kinds: ['visit', 'call'], per: 'household' },
  },
  {
    id: 'publicity',
    name: t('正面宣传引导', 'Positive publicity'),
    description: t(
      '每周开展一次政策、安全或反诈宣传',
      'Hold one policy, safety or anti-fraud publicity activity each week',
    ),
    frequency: 'P7D',
    done: { kinds: ['publicity'] },
  },
  {
    id: 'infoCollection',
    name: t('信息采集', 'Information collection'),
    description: t(
      '每周核对更新网格内人、房、场所等基础信息',
      'Check and update the grid’s people, houses and places each week',
    ),
    frequency: 'P7D',
    done: { kinds: ['collection'] },
  },
];
