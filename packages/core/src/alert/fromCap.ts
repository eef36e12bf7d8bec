import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { type AlertDiagnosticCode, alertCatalog } from './alertCatalog.js';
import { type Alert, type AlertEventKind, alertSchema } from './alertSchema.js';
import { parseCapDateTime } from './capDateTime.js';
import {
  type CapGrade,
  capCertainties,
  capSeverities,
  capToLevel,
  capUrgencies,
} from './capLevelMapping.js';
import { parseDecimal } from './parseDecimal.js';
import { formatPath, readXml, type XmlElement, type XmlLimits } from './readXml.js';
import type { AlertLocation } from './sensorReadingSchema.js';
import { CAP_NAMESPACE, capCategories } from './toCap.js';

/**
 * What {@link fromCap} read: the alert, the CAP `msgType` and the alert event it stands for,
 * and the message's status, sender, identifier and sent time — or why it was refused.
 *
 * @example
 * ```ts
 * import type { FromCapResult } from '@zhizhi/core/alert';
 * const level = (r: FromCapResult) => (r.ok ? r.alert.level : null);
 * ```
 */
export type FromCapResult =
  | {
      ok: true;
      alert: Alert;
      msgType: 'Alert' | 'Update' | 'Cancel';
      kind: AlertEventKind;
      status: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
      sender: string;
      identifier: string;
      sent: number;
    }
  | { ok: false; diagnostics: Diagnostic[] };

const REPEATED = new Set([
  'info',
  'area',
  'parameter',
  'eventCode',
  'geocode',
  'circle',
  'polygon',
  'resource',
  'category',
  'responseType',
  'code',
]);
const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
const SCOPES = ['Public', 'Restricted', 'Private'] as const;
const DATE_TIME = 'a CAP dateTime such as 2024-05-01T10:00:00+08:00';

class CapFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

function fail(
  code: AlertDiagnosticCode,
  path: (string | number)[],
  params: Record<string, string | number> = {},
): never {
  throw new CapFailure(
    makeDiagnostic(alertCatalog, code, path, { path: formatPath(path), ...params }),
  );
}

const cap = (e: XmlElement, name: string) => e.ns === CAP_NAMESPACE && e.name === name;
const all = (e: XmlElement, name: string) => e.children.filter((c) => cap(c, name));
const first = (e: XmlElement, name: string) => e.children.find((c) => cap(c, name));

function required(e: XmlElement, name: string): XmlElement {
  return first(e, name) ?? fail('cap.missing', [...e.path, name]);
}

function oneOf<T extends string>(e: XmlElement, values: readonly T[]): T {
  const v = e.text.trim();
  if (!(values as readonly string[]).includes(v)) {
    fail('cap.invalid', e.path, { value: v.slice(0, 64), expected: values.join(' | ') });
  }
  return v as T;
}

function dateTime(e: XmlElement): number {
  const ms = parseCapDateTime(e.text.trim());
  return (
    ms ?? fail('cap.invalid', e.path, { value: e.text.trim().slice(0, 64), expected: DATE_TIME })
  );
}

/** `valueName` → `value` pairs (parameter, eventCode, geocode), the first of each name. */
function pairs(list: XmlElement[]): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  for (const p of list) {
    const name = required(p, 'valueName').text.trim();
    if (!map.has(name)) map.set(name, required(p, 'value'));
  }
  return map;
}

function epochParam(params: Map<string, XmlElement>, name: string): number | undefined {
  const e = params.get(name);
  if (!e) return undefined;
  const v = e.text.trim();
  const n = parseDecimal(v);
  if (n === null || !Number.isSafeInteger(n) || n < 0) {
    fail('cap.invalid', e.path, { value: v.slice(0, 64), expected: 'epoch milliseconds' });
  }
  return n;
}

function levelParam(
  params: Map<string, XmlElement>,
  name: string,
  min: number,
): number | undefined {
  const e = params.get(name);
  if (!e) return undefined;
  const v = e.text.trim();
  const n = parseDecimal(v);
  if (n === null || !Number.isInteger(n) || n < min || n > 3) {
    fail('cap.invalid', e.path, {
      value: v.slice(0, 64),
      expected: min ? '1, 2 or 3' : '0, 1, 2 or 3',
    });
  }
  return n;
}

function certaintyOf(e: XmlElement): CapGrade['certainty'] {
  const v = oneOf(e, [...capCertainties, 'Very Likely']);
  return v === 'Very Likely' ? 'Likely' : v;
}

function readLocation(area: XmlElement | undefined): AlertLocation | null {
  const circle = area && first(area, 'circle');
  if (!area || !circle) return null;
  const text = circle.text.trim();
  const m = /^([^,\s]+),\s*(\S+)\s+(\S+)$/.exec(text);
  const lat = parseDecimal(m?.[1] ?? '') ?? Number.NaN;
  const lng = parseDecimal(m?.[2] ?? '') ?? Number.NaN;
  const radius = parseDecimal(m?.[3] ?? '') ?? Number.NaN;
  if (!m || !(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180) || !(radius >= 0)) {
    fail('cap.invalid', circle.path, {
      value: text.slice(0, 64),
      expected: '"lat,lng radiusKm" (WGS 84)',
    });
  }
  const desc = required(area, 'areaDesc').text;
  return desc === `${m?.[1]},${m?.[2]}` ? { lat, lng } : { lat, lng, address: desc };
}

function read(xml: string, options: FromCapOptions): FromCapResult {
  if (typeof xml !== 'string')
    fail('cap.options', ['xml'], { why: 'the message must be a string' });
  const doc = readXml(xml, { ...options.limits, repeated: REPEATED });
  if (!doc.ok) return doc;
  const root = doc.root;
  if (!cap(root, 'alert')) {
    fail('cap.root', ['alert'], {
      namespace: CAP_NAMESPACE,
      found: `{${root.ns}}${root.name}`.slice(0, 128),
    });
  }
  const identifier = required(root, 'identifier').text.trim();
  const sender = required(root, 'sender').text.trim();
  const sent = dateTime(required(root, 'sent'));
  const status = oneOf(required(root, 'status'), STATUSES);
  const msgTypeEl = required(root, 'msgType');
  const msgType = oneOf(msgTypeEl, MSG_TYPES);
  if (msgType === 'Ack' || msgType === 'Error') {
    fail('cap.unsupported', msgTypeEl.path, { value: msgType });
  }
  oneOf(required(root, 'scope'), SCOPES);
  const infos = all(root, 'info');
  if (infos.length === 0) fail('cap.missing', ['alert', 'info']);
  const info =
    infos.find((i) => first(i, 'language')?.text.trim().toLowerCase().startsWith('zh')) ??
    (infos[0] as XmlElement);
  const categories = all(info, 'category');
  if (categories.length === 0) fail('cap.missing', [...info.path, 'category']);
  for (const c of categories) oneOf(c, capCategories);
  const event = required(info, 'event').text;
  const grade: CapGrade = {
    urgency: oneOf(required(info, 'urgency'), capUrgencies),
    severity: oneOf(required(info, 'severity'), capSeverities),
    certainty: certaintyOf(required(info, 'certainty')),
  };
  const level = capToLevel(grade);
  const params = pairs(all(info, 'parameter'));
  const codes = pairs(all(info, 'eventCode'));
  const area = all(info, 'area')[0];
  const geocodes = area ? pairs(all(area, 'geocode')) : new Map<string, XmlElement>();
  const effectiveEl = first(info, 'effective');
  const onsetEl = first(info, 'onset');
  const effective = effectiveEl ? dateTime(effectiveEl) : sent;
  const updatedAt = epochParam(params, 'zhizhi:updatedAt') ?? effective;
  const raisedAt =
    epochParam(params, 'zhizhi:raisedAt') ?? (onsetEl ? dateTime(onsetEl) : effective);
  const clearedAt =
    msgType === 'Cancel' ? (epochParam(params, 'zhizhi:clearedAt') ?? updatedAt) : null;
  const references = first(root, 'references')?.text.trim().split(/\s+/)[0]?.split(',')[1];
  const alertId =
    params.get('zhizhi:alertId')?.text ??
    (msgType === 'Alert' || !references ? identifier : references);
  const peak = levelParam(params, 'zhizhi:peakLevel', 1) ?? level;
  const previous = levelParam(params, 'zhizhi:previousLevel', 0) ?? options.previous?.level;
  const valueEl = params.get('zhizhi:value');
  const value = valueEl ? parseDecimal(valueEl.text.trim()) : null;
  if (valueEl && value === null) {
    fail('cap.invalid', valueEl.path, {
      value: valueEl.text.trim().slice(0, 64),
      expected: 'a decimal number',
    });
  }
  const kind: AlertEventKind =
    msgType === 'Alert'
      ? 'raised'
      : msgType === 'Cancel'
        ? 'cleared'
        : previous !== undefined && previous !== 0 && previous < level
          ? 'deescalated'
          : 'escalated';
  const candidate = {
    alertId,
    deviceId: params.get('zhizhi:deviceId')?.text ?? first(root, 'source')?.text.trim() ?? sender,
    type: codes.get('zhizhi:type')?.text ?? event.trim(),
    level,
    peakLevel: Math.min(peak, level),
    raisedAt,
    updatedAt,
    clearedAt,
    value,
    location: readLocation(area),
    townId: geocodes.get('zhizhi:townId')?.text ?? null,
    gridId: geocodes.get('zhizhi:gridId')?.text ?? null,
  };
  const checked = alertSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const where: Record<string, (string | number)[]> = {
      alertId: ['alert', 'identifier'],
      deviceId: ['alert', 'source'],
      type: [...info.path, 'event'],
      raisedAt: [...info.path, 'onset'],
      updatedAt: [...info.path, 'effective'],
      clearedAt: ['alert', 'sent'],
      townId: [...info.path, 'area', 0, 'geocode'],
      gridId: [...info.path, 'area', 0, 'geocode'],
    };
    fail('cap.invalid', where[field] ?? [...info.path, 'parameter'], {
      value: String((candidate as Record<string, unknown>)[field] ?? '').slice(0, 64),
      expected: issue?.message ?? 'valid',
    });
  }
  return { ok: true, alert: candidate as Alert, msgType, kind, status, sender, identifier, sent };
}

/**
 * Options of {@link fromCap}.
 *
 * @example
 * ```ts
 * import type { FromCapOptions } from '@zhizhi/core/alert';
 * const o: FromCapOptions = { limits: { maxLength: 64 * 1024 } };
 * ```
 */
export interface FromCapOptions {
  /** The alert as known before this message, to tell an escalating Update from a de-escalating one. */
  previous?: Alert;
  limits?: XmlLimits;
}

/**
 * Imports an OASIS CAP 1.2 message (untrusted XML) as an alert; never throws. The message
 * must be a CAP 1.2 `alert` with `identifier`, `sender`, `sent`, `status`, `msgType`
 * (`Alert`, `Update` or `Cancel`; `Ack` and `Error` are refused), `scope` and an `info` (the
 * first in Chinese, else the first) with `category`, `event`, `urgency`, `severity` and
 * `certainty`. The level follows {@link capToLevel}; `Alert` → `raised`, `Cancel` →
 * `cleared`, `Update` → `deescalated` when the previous level (parameter
 * `zhizhi:previousLevel`, else `options.previous`) was more severe, else `escalated`.
 * Exact times, ids and value come from `zhizhi:*` parameters when present (as {@link toCap}
 * writes them), else from `onset`, `effective`, `sent`, `references`, `source` and `event`.
 * Numbers (`zhizhi:value`, times, levels, the circle's coordinates) must be decimal
 * ({@link parseDecimal}): an empty value, `0x1F` or `0b11` is refused, not read as 0, 31 or 3.
 * Refused input gets one diagnostic naming the path, e.g. `alert.info[0].severity`; XML the
 * reader refuses (DOCTYPE, entities, oversize…) gets its diagnostic; options that are not
 * `FromCapOptions` (`null` counts as none) and a message that is not a string get `cap.options`.
 *
 * @example
 * ```ts
 * import { type Alert, fromCap, toCap } from '@zhizhi/core/alert';
 * declare const alert: Alert;
 * const r = fromCap(toCap(alert, { sender: 'zhizhi@qj-sj' }));
 * if (r.ok) r.alert.level; // alert.level
 * ```
 */
export function fromCap(xml: string, options: FromCapOptions | null = {}): FromCapResult {
  try {
    return read(xml, checkedOptions(options));
  } catch (e) {
    // Only our own refusals are caught: anything else is a bug and must surface.
    if (e instanceof CapFailure) return { ok: false, diagnostics: [e.diagnostic] };
    throw e;
  }
}

const LIMITS = ['maxLength', 'maxDepth', 'maxElements', 'maxAttributes'] as const;

/**
 * The options as `read` may trust them: `null` or `undefined` is none; anything else that is
 * not `{ previous?: { level: 1 | 2 | 3, … }, limits?: { maxLength?: n, … } }` with positive
 * integer limits is a `cap.options` refusal (a caller from plain JavaScript, a bad config).
 */
function checkedOptions(options: unknown): FromCapOptions {
  if (options === null || options === undefined) return {};
  const bad = (why: string): never => fail('cap.options', ['options'], { why });
  if (typeof options !== 'object' || Array.isArray(options)) bad('options must be an object');
  const { previous, limits } = options as Record<string, unknown>;
  if (previous !== undefined) {
    const level = typeof previous === 'object' && previous !== null ? (previous as Alert).level : 0;
    if (level !== 1 && level !== 2 && level !== 3) bad('previous must be an alert (level 1–3)');
  }
  if (limits !== undefined) {
    if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
      bad('limits must be an object');
    }
    for (const key of LIMITS) {
      const n = (limits as Record<string, unknown>)[key];
      if (n !== undefined && !(Number.isSafeInteger(n) && (n as number) > 0)) {
        bad(`limits.${key} must be a positive integer`);
      }
    }
  }
  return options as FromCapOptions;
}
