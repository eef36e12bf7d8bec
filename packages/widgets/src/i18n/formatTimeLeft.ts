import type { Lang } from '@zhizhi/core';
import { translate } from './translate.js';

const messages = {
  left: { zh: '剩余 {t}', en: '{t} left' },
  over: { zh: '已超时 {t}', en: '{t} overdue' },
  d: { zh: '{n} 天', en: '{n} d' },
  h: { zh: '{n} 小时', en: '{n} h' },
  m: { zh: '{n} 分钟', en: '{n} min' },
} as const;

/**
 * Time left until a deadline (`due - now`, in ms) as short text: days, hours or minutes,
 * "剩余 …" / "… left", or "已超时 …" / "… overdue" once past.
 *
 * @example
 * ```ts
 * import { formatTimeLeft } from '@zhizhi/widgets';
 * formatTimeLeft(3 * 3_600_000, 'zh-CN'); // '剩余 3 小时'
 * formatTimeLeft(-90 * 60_000, 'en'); // '1 h overdue'
 * ```
 */
export function formatTimeLeft(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const unit = abs >= 86_400_000 ? 'd' : abs >= 3_600_000 ? 'h' : 'm';
  const size = unit === 'd' ? 86_400_000 : unit === 'h' ? 3_600_000 : 60_000;
  const t = translate(messages, unit, lang, { n: Math.floor(abs / size) });
  return translate(messages, ms < 0 ? 'over' : 'left', lang, { t });
}
