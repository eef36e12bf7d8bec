import type { Alert, AlertEventKind } from './alertSchema.js';
import { formatCapDateTime } from './capDateTime.js';
import { levelToCap } from './capLevelMapping.js';
import { escapeXml } from './escapeXml.js';

/**
 * The CAP 1.2 namespace.
 *
 * @example
 * ```ts
 * import { CAP_NAMESPACE } from '@zhizhi/core/alert';
 * CAP_NAMESPACE; // 'urn:oasis:names:tc:emergency:cap:1.2'
 * ```
 */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/**
 * CAP 1.2 `category` values.
 *
 * @example
 * ```ts
 * import { capCategories } from '@zhizhi/core/alert';
 * capCategories.includes('Fire'); // true
 * ```
 */
export const capCategories = [
  'Geo',
  'Met',
  'Safety',
  'Security',
  'Rescue',
  'Fire',
  'Health',
  'Env',
  'Transport',
  'Infra',
  'CBRNE',
  'Other',
] as const;

/**
 * One of {@link capCategories}.
 *
 * @example
 * ```ts
 * import type { CapCategory } from '@zhizhi/core/alert';
 * const c: CapCategory = 'Fire';
 * ```
 */
export type CapCategory = (typeof capCategories)[number];

const FIRE = /leak|temperature|smoke|fire|arc|current|gas/i;
const HEALTH = /fall|heart|pulse|blood|oxygen|spo2|health|sos/i;

/**
 * The default CAP category of a sensor reading type: electrical-fire and smoke types
 * (`leakage`, `overTemperature`, `smoke`, …) → `Fire`; health-band types (`fall`,
 * `heartRate`, …) → `Health`; anything else → `Safety`.
 *
 * @example
 * ```ts
 * import { capCategoryOf } from '@zhizhi/core/alert';
 * capCategoryOf('leakage'); // 'Fire'
 * ```
 */
export function capCategoryOf(type: string): CapCategory {
  return FIRE.test(type) ? 'Fire' : HEALTH.test(type) ? 'Health' : 'Safety';
}

/**
 * Options of {@link toCap}.
 *
 * @example
 * ```ts
 * import type { ToCapOptions } from '@zhizhi/core/alert';
 * const o: ToCapOptions = { sender: 'zhizhi@qj-sj', kind: 'raised' };
 * ```
 */
export interface ToCapOptions {
  /** CAP `sender`, e.g. `'zhizhi@qj-sj'`. */
  sender: string;
  /** The event being sent; default: `cleared` if cleared, `raised` if never changed, else `escalated`. */
  kind?: AlertEventKind;
  /** The level before an update (exported as the `zhizhi:previousLevel` parameter). */
  previousLevel?: 0 | 1 | 2 | 3;
  /** CAP `sent` in epoch ms; default the event's time (`clearedAt`, else `updatedAt`). */
  sent?: number;
  status?: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
  /** Default `Restricted` (with a default `restriction` text). */
  scope?: 'Public' | 'Restricted';
  restriction?: string;
  /** Default `zh-CN`. */
  language?: string;
  /** Default {@link capCategoryOf} the alert's type. */
  category?: CapCategory;
  /** CAP `event` text; default the alert's type. */
  event?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  /** Radius of the `circle` around the sensor in km; default 0 (a point). */
  radiusKm?: number;
  /** Offset of the dateTimes written; default 480 (China Standard Time, +08:00). */
  utcOffsetMinutes?: number;
}

/**
 * @internal
 * Makes a string a valid CAP identifier or sender (no whitespace, commas, `<` or `&`) by
 * percent-encoding those characters and `%` itself.
 */
export function capId(text: string): string {
  return text.replace(/[\s,<>&%"]/g, (c) => encodeURIComponent(c));
}

const LEVEL_ZH = { 1: '一级', 2: '二级', 3: '三级' } as const;

function kindOf(alert: Alert): AlertEventKind {
  if (alert.clearedAt !== null) return 'cleared';
  return alert.updatedAt === alert.raisedAt ? 'raised' : 'escalated';
}

/**
 * Exports an alert as an OASIS CAP 1.2 message (XML string, every value escaped). `raised` is
 * msgType `Alert`; `escalated`/`deescalated` are `Update` and `cleared` is `Cancel`, both
 * referencing the original `Alert` message. The grade follows {@link levelToCap}; the
 * sensor's position is a `circle`, its town and grid `geocode`s. Times are written as CAP
 * requires (whole seconds, numeric offset), and exactly (epoch ms) in `zhizhi:*` parameters,
 * as are the alert id, device, peak level and value, so {@link fromCap} gives them back.
 *
 * @example
 * ```ts
 * import { type Alert, toCap } from '@zhizhi/core/alert';
 * declare const alert: Alert;
 * const xml = toCap(alert, { sender: 'zhizhi@qj-sj' });
 * // <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>…</identifier>…<msgType>Alert</msgType>…
 * ```
 */
export function toCap(alert: Alert, options: ToCapOptions): string {
  const kind = options.kind ?? kindOf(alert);
  const msgType = kind === 'raised' ? 'Alert' : kind === 'cleared' ? 'Cancel' : 'Update';
  const offset = options.utcOffsetMinutes ?? 480;
  const time = (ms: number) => formatCapDateTime(ms, offset);
  const eventAt = kind === 'cleared' ? (alert.clearedAt ?? alert.updatedAt) : alert.updatedAt;
  const sent = options.sent ?? (kind === 'raised' ? alert.raisedAt : eventAt);
  const sender = capId(options.sender);
  const id = capId(alert.alertId);
  const scope = options.scope ?? 'Restricted';
  const grade = levelToCap(alert.level, kind === 'cleared');
  const lines: string[] = [];
  const el = (depth: number, name: string, value: string | number) =>
    lines.push(`${'  '.repeat(depth)}<${name}>${escapeXml(String(value))}</${name}>`);
  const pair = (depth: number, name: string, key: string, value: string | number) => {
    lines.push(`${'  '.repeat(depth)}<${name}>`);
    el(depth + 1, 'valueName', key);
    el(depth + 1, 'value', value);
    lines.push(`${'  '.repeat(depth)}</${name}>`);
  };
  lines.push('<?xml version="1.0" encoding="UTF-8"?>', `<alert xmlns="${CAP_NAMESPACE}">`);
  const suffix = msgType === 'Alert' ? '' : msgType === 'Update' ? `.u${eventAt}` : `.c${eventAt}`;
  el(1, 'identifier', id + suffix);
  el(1, 'sender', sender);
  el(1, 'sent', time(sent));
  el(1, 'status', options.status ?? 'Actual');
  el(1, 'msgType', msgType);
  el(1, 'source', alert.deviceId);
  el(1, 'scope', scope);
  if (scope === 'Restricted') {
    el(
      1,
      'restriction',
      options.restriction ?? '基层治理平台及相关部门 / governance platform and departments',
    );
  }
  if (msgType !== 'Alert') el(1, 'references', `${sender},${id},${time(alert.raisedAt)}`);
  lines.push('  <info>');
  el(2, 'language', options.language ?? 'zh-CN');
  el(2, 'category', options.category ?? capCategoryOf(alert.type));
  el(2, 'event', options.event ?? alert.type);
  el(2, 'urgency', grade.urgency);
  el(2, 'severity', grade.severity);
  el(2, 'certainty', grade.certainty);
  pair(2, 'eventCode', 'zhizhi:type', alert.type);
  el(2, 'effective', time(eventAt));
  el(2, 'onset', time(alert.raisedAt));
  if (options.senderName !== undefined) el(2, 'senderName', options.senderName);
  el(
    2,
    'headline',
    options.headline ?? `${LEVEL_ZH[alert.level]}预警 ${alert.type} ${alert.deviceId}`,
  );
  if (options.description !== undefined) el(2, 'description', options.description);
  if (options.instruction !== undefined) el(2, 'instruction', options.instruction);
  pair(2, 'parameter', 'zhizhi:alertId', alert.alertId);
  pair(2, 'parameter', 'zhizhi:deviceId', alert.deviceId);
  pair(2, 'parameter', 'zhizhi:peakLevel', alert.peakLevel);
  if (options.previousLevel !== undefined) {
    pair(2, 'parameter', 'zhizhi:previousLevel', options.previousLevel);
  }
  pair(2, 'parameter', 'zhizhi:raisedAt', alert.raisedAt);
  pair(2, 'parameter', 'zhizhi:updatedAt', alert.updatedAt);
  if (alert.clearedAt !== null) pair(2, 'parameter', 'zhizhi:clearedAt', alert.clearedAt);
  if (alert.value !== null) pair(2, 'parameter', 'zhizhi:value', alert.value);
  const loc = alert.location;
  if (loc || alert.townId !== null || alert.gridId !== null) {
    lines.push('    <area>');
    const point = loc ? `${loc.lat},${loc.lng}` : null;
    el(3, 'areaDesc', loc?.address ?? point ?? alert.gridId ?? alert.townId ?? '');
    if (point) el(3, 'circle', `${point} ${options.radiusKm ?? 0}`);
    if (alert.townId !== null) pair(3, 'geocode', 'zhizhi:townId', alert.townId);
    if (alert.gridId !== null) pair(3, 'geocode', 'zhizhi:gridId', alert.gridId);
    lines.push('    </area>');
  }
  lines.push('  </info>', '</alert>');
  return lines.join('\n');
}
