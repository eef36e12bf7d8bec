import type { Messages } from '../../i18n/translate.js';

/** The strings of `zz-alert-feed`. @internal */
export const alertFeedMessages = {
  title: { zh: '实时预警', en: 'Live alerts' },
  level1: { zh: '一级预警（最高）', en: 'Level 1 alert (highest)' },
  level2: { zh: '二级预警', en: 'Level 2 alert' },
  level3: { zh: '三级预警', en: 'Level 3 alert' },
  newLevel1: {
    zh: '新的一级预警：{name}，{location}',
    en: 'New level 1 alert: {name}, {location}',
  },
  type: { zh: '类型', en: 'Type' },
  where: { zh: '位置', en: 'Where' },
  raised: { zh: '发生于 {time}', en: 'Raised {time}' },
  step: { zh: '当前环节：{step}', en: 'Current step: {step}' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  acknowledgeCase: { zh: '签收 {name}', en: 'Acknowledge {name}' },
  seen: { zh: '知道了', en: 'Got it' },
  seenAlert: { zh: '知道了：{name}', en: 'Got it: {name}' },
  acknowledged: { zh: '已签收', en: 'Acknowledged' },
  seenDone: { zh: '已知悉', en: 'Seen' },
  closed: { zh: '已结束：{outcome}', en: 'Ended: {outcome}' },
  refused: { zh: '签收失败：{reason}', en: 'Could not acknowledge: {reason}' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  empty: { zh: '暂无预警', en: 'No alerts' },
  count: {
    zh: '{n} 条预警，其中一级 {l1} 条未签收',
    en: '{n} alerts, {l1} level 1 not acknowledged',
  },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  unknownPlace: { zh: '位置未知', en: 'location unknown' },
} satisfies Messages;
