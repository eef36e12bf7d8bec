import * as z from 'zod/mini';
import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { alertCatalog } from './alertCatalog.js';
import { alertSchema } from './alertSchema.js';
import {
  channelOf,
  type Device,
  isNormal,
  type LruList,
  levelOf,
  newDevice,
  RING,
  severityOf,
} from './normalizerState.js';
import { type SensorReading, sensorReadingSchema } from './sensorReadingSchema.js';

const readingLevel = z.literal([0, 1, 2, 3]);
const time = z.nullable(z.number());

/**
 * zod schema of an alert normalizer's state as plain JSON ({@link AlertNormalizer.snapshot}).
 * Per device: the closed point (readings at or before `(closedTime, closedSeq)` are stale;
 * `closedSeq: null` means every seq at that time), the latest device time seen, the last
 * applied seqs, the readings waiting in the reorder window, and per type the level in
 * effect, the level the hold-down still holds, the level reported, when the device stopped
 * reporting level 1, level ≤ 2 and level ≤ 3 (`endedAt`, `null` = never) and the open alert.
 * `normalOrder` lists the devices that may be evicted, least recently used first.
 *
 * @example
 * ```ts
 * import { alertNormalizerSnapshotSchema } from '@zhizhi/core/alert';
 * alertNormalizerSnapshotSchema.parse({ format: 'zhizhi.alertNormalizer/1', devices: [], normalOrder: [] });
 * ```
 */
export const alertNormalizerSnapshotSchema = z.object({
  format: z.literal('zhizhi.alertNormalizer/1'),
  devices: z.array(
    z.object({
      id: z.string().check(z.minLength(1), z.maxLength(128)),
      closedTime: time,
      closedSeq: time,
      maxSeen: time,
      recent: z.array(z.int()).check(z.maxLength(RING)),
      buffer: z.array(sensorReadingSchema),
      channels: z.array(
        z.object({
          type: z.string().check(z.minLength(1), z.maxLength(64)),
          inEffect: readingLevel,
          held: readingLevel,
          reported: readingLevel,
          endedAt: z.tuple([time, time, time]),
          alert: z.nullable(alertSchema),
        }),
      ),
    }),
  ),
  normalOrder: z.array(z.int().check(z.nonnegative())),
});

/**
 * An alert normalizer's state (see {@link alertNormalizerSnapshotSchema}).
 *
 * @example
 * ```ts
 * import type { AlertNormalizerSnapshot } from '@zhizhi/core/alert';
 * const devicesInAlert = (s: AlertNormalizerSnapshot) =>
 *   s.devices.filter((d) => d.channels.some((c) => c.alert !== null)).length;
 * ```
 */
export type AlertNormalizerSnapshot = z.infer<typeof alertNormalizerSnapshotSchema>;

const finite = (n: number) => (Number.isFinite(n) ? n : null);

function copyReading(r: SensorReading): SensorReading {
  const c: SensorReading = {
    deviceId: r.deviceId,
    seq: r.seq,
    deviceTime: r.deviceTime,
    type: r.type,
    level: r.level,
  };
  if (r.value !== undefined) c.value = r.value;
  if (r.location) c.location = { ...r.location };
  if (r.townId !== undefined) c.townId = r.townId;
  if (r.gridId !== undefined) c.gridId = r.gridId;
  return c;
}

/** @internal The normalizer's state as a snapshot. */
export function snapshotState(devices: Map<string, Device>, lru: LruList): AlertNormalizerSnapshot {
  const index = new Map<Device, number>();
  const out: AlertNormalizerSnapshot['devices'] = [];
  for (const dev of devices.values()) {
    index.set(dev, out.length);
    const recent: number[] = [];
    for (let i = 0; i < RING; i++) {
      const seq = dev.ring[(dev.ringPos + i) % RING] as number;
      if (seq >= 0) recent.push(seq);
    }
    out.push({
      id: dev.id,
      closedTime: finite(dev.closedTime),
      closedSeq: Number.isFinite(dev.closedTime) ? finite(dev.closedSeq) : null,
      maxSeen: finite(dev.maxSeen),
      recent,
      buffer: dev.buffer.map(copyReading),
      channels: dev.channels.map((ch) => ({
        type: ch.type,
        inEffect: levelOf(ch.cur),
        held: levelOf(ch.held),
        reported: levelOf(ch.reported),
        endedAt: [
          finite(ch.ends[3] as number),
          finite(ch.ends[2] as number),
          finite(ch.ends[1] as number),
        ],
        alert: ch.alert && {
          ...ch.alert,
          location: ch.alert.location && { ...ch.alert.location },
        },
      })),
    });
  }
  const normalOrder: number[] = [];
  for (let d = lru.head; d; d = d.next) normalOrder.push(index.get(d) as number);
  return { format: 'zhizhi.alertNormalizer/1', devices: out, normalOrder };
}

/**
 * @internal
 * The devices a snapshot describes (in order) with its normal devices least recently used
 * first, or why it cannot be restored.
 */
export function restoreState(
  input: unknown,
):
  | { ok: true; devices: Device[]; normalOrder: Device[] }
  | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = alertNormalizerSnapshotSchema.safeParse(input);
  const fail = (path: (string | number)[], rule: string) => ({
    ok: false as const,
    diagnostics: [
      makeDiagnostic(alertCatalog, 'snapshot.invalid', path, { path: path.join('.'), rule }),
    ],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
    return fail(path, issue ? `${issue.code} (${issue.message})` : 'invalid');
  }
  const snap = parsed.data;
  const ids = new Set<string>();
  const devices: Device[] = [];
  for (const [di, d] of snap.devices.entries()) {
    if (ids.has(d.id)) return fail(['devices', di, 'id'], 'unique');
    ids.add(d.id);
    const dev = newDevice(d.id);
    dev.closedTime = d.closedTime ?? Number.NEGATIVE_INFINITY;
    dev.closedSeq =
      d.closedTime === null ? Number.NEGATIVE_INFINITY : (d.closedSeq ?? Number.POSITIVE_INFINITY);
    dev.maxSeen = d.maxSeen ?? Number.NEGATIVE_INFINITY;
    d.recent.forEach((seq, i) => {
      dev.ring[i] = seq;
    });
    dev.ringPos = d.recent.length % RING;
    for (const [ri, r] of d.buffer.entries()) {
      if (r.deviceId !== d.id) return fail(['devices', di, 'buffer', ri, 'deviceId'], d.id);
      dev.buffer.push(r);
    }
    dev.buffer.sort((a, b) => a.deviceTime - b.deviceTime || a.seq - b.seq);
    for (const [ci, c] of d.channels.entries()) {
      const ch = channelOf(dev, c.type);
      if (ch !== dev.channels[ci]) return fail(['devices', di, 'channels', ci, 'type'], 'unique');
      ch.cur = severityOf(c.inEffect);
      ch.held = severityOf(c.held);
      ch.reported = severityOf(c.reported);
      c.endedAt.forEach((t, i) => {
        ch.ends[3 - i] = t ?? Number.NEGATIVE_INFINITY;
      });
      ch.alert = c.alert;
      const at = ['devices', di, 'channels', ci];
      if (ch.held < ch.cur) return fail([...at, 'held'], 'at least as severe as inEffect');
      if (ch.reported < ch.held) return fail([...at, 'reported'], 'at least as severe as held');
      if ((c.alert === null) !== (ch.reported === 0) || (c.alert && c.alert.level !== c.reported)) {
        return fail([...at, 'alert'], 'an open alert at the reported level, iff not normal');
      }
      if (ch.reported > 0) dev.active++;
    }
    devices.push(dev);
  }
  const normalOrder: Device[] = [];
  const listed = new Set<Device>();
  for (const [i, n] of snap.normalOrder.entries()) {
    const dev = devices[n];
    if (!dev || !isNormal(dev) || listed.has(dev)) {
      return fail(['normalOrder', i], 'the index of a normal device, once');
    }
    listed.add(dev);
    normalOrder.push(dev);
  }
  for (const dev of devices) if (isNormal(dev) && !listed.has(dev)) normalOrder.push(dev);
  return { ok: true, devices, normalOrder };
}
