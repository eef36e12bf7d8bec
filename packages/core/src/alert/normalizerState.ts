import type { Alert, AlertEvent } from './alertSchema.js';
import type { SensorReading } from './sensorReadingSchema.js';

/**
 * @internal
 * The hysteresis state of one (device, type) pair. Levels are held as severities
 * (`0` normal … `3` = level 1) so that "more severe" is "greater".
 */
export interface Channel {
  readonly type: string;
  readonly device: Device;
  /** Severity in effect on the applied (ordered) stream: the last applied reading's. */
  cur: number;
  /** `ends[s]`: device time at which a severity ≥ s stopped being in effect (s > cur). */
  readonly ends: number[];
  /** Severity the hold-down still holds: the most severe in effect during [now − holdDown, now]. */
  held: number;
  /** Severity reported: max(held, severity of readings still waiting in the reorder buffer). */
  reported: number;
  alert: Alert | null;
  /** Due time this channel's hold-down is queued at (`Infinity` = not queued). */
  queuedAt: number;
}

/** @internal Per-device ordering and de-duplication state. */
export interface Device {
  readonly id: string;
  /** Closed key: a reading with (deviceTime, seq) ≤ (closedTime, closedSeq) is stale. */
  closedTime: number;
  closedSeq: number;
  maxSeen: number;
  /** Ring of the last {@link RING} applied seqs (−1 = empty). */
  readonly ring: number[];
  ringPos: number;
  /** Readings waiting in the reorder window, sorted by (deviceTime, seq). */
  readonly buffer: SensorReading[];
  readonly channels: Channel[];
  /** Number of channels whose reported severity is above normal. */
  active: number;
  /** Due time this device's reorder buffer is queued at (`Infinity` = not queued). */
  queuedAt: number;
  /** Links of the least-recently-used list of normal devices (`inLru` when on it). */
  prev: Device | null;
  next: Device | null;
  inLru: boolean;
}

/**
 * @internal
 * The least-recently-used list of normal devices (the ones that may be evicted), intrusive
 * so that touching a device on every reading costs no hashing.
 */
export class LruList {
  head: Device | null = null;
  tail: Device | null = null;

  remove(d: Device): void {
    if (!d.inLru) return;
    if (d.prev) d.prev.next = d.next;
    else this.head = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.tail = d.prev;
    d.prev = null;
    d.next = null;
    d.inLru = false;
  }

  append(d: Device): void {
    if (d.inLru) {
      if (this.tail === d) return;
      this.remove(d);
    }
    d.prev = this.tail;
    d.next = null;
    if (this.tail) this.tail.next = d;
    else this.head = d;
    this.tail = d;
    d.inLru = true;
  }
}

/** @internal How many applied seqs per device are remembered for de-duplication. */
export const RING = 8;

/** @internal Severity of a reading level: 0 → 0, 3 → 1, 2 → 2, 1 → 3. */
export function severityOf(level: number): number {
  return level === 0 ? 0 : 4 - level;
}

/** @internal Reading level of a severity (the same map: it is its own inverse). */
export function levelOf(severity: number): 0 | 1 | 2 | 3 {
  return (severity === 0 ? 0 : 4 - severity) as 0 | 1 | 2 | 3;
}

/** @internal A fresh device with nothing seen. */
export function newDevice(id: string): Device {
  return {
    id,
    closedTime: Number.NEGATIVE_INFINITY,
    closedSeq: Number.NEGATIVE_INFINITY,
    maxSeen: Number.NEGATIVE_INFINITY,
    ring: [-1, -1, -1, -1, -1, -1, -1, -1],
    ringPos: 0,
    buffer: [],
    channels: [],
    active: 0,
    queuedAt: Number.POSITIVE_INFINITY,
    prev: null,
    next: null,
    inLru: false,
  };
}

/** @internal The channel of `type` on a device, created normal if new. */
export function channelOf(device: Device, type: string): Channel {
  const list = device.channels;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i] as Channel;
    if (ch.type === type) return ch;
  }
  const ch: Channel = {
    type,
    device,
    cur: 0,
    ends: [0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
    held: 0,
    reported: 0,
    alert: null,
    queuedAt: Number.POSITIVE_INFINITY,
  };
  list.push(ch);
  return ch;
}

/** @internal The severity held at device time `t`, given the hold-down. */
export function heldAt(ch: Channel, t: number, holdDownMs: number): number {
  for (let s = 3; s > ch.cur; s--) {
    if ((ch.ends[s] as number) + holdDownMs > t) return s;
  }
  return ch.cur;
}

/** @internal The most severe reading of `type` waiting in the device's reorder buffer. */
export function bufferedSeverity(device: Device, type: string): number {
  const buffer = device.buffer;
  let max = 0;
  for (let i = 0; i < buffer.length; i++) {
    const r = buffer[i] as SensorReading;
    if (r.type === type) {
      const s = severityOf(r.level);
      if (s > max) max = s;
    }
  }
  return max;
}

/** @internal Whether a device holds nothing but history (may be evicted). */
export function isNormal(device: Device): boolean {
  return device.active === 0 && device.buffer.length === 0;
}

/**
 * @internal
 * Moves the channel's reported severity to `next`, producing the alert event (a new alert
 * object each time; the old one is never mutated). `reading` is the reading that caused a
 * rise (`null` for a hold-down expiry).
 */
export function report(
  ch: Channel,
  next: number,
  at: number,
  reading: SensorReading | null,
  out: AlertEvent[],
): void {
  const prev = ch.reported;
  if (next === prev) return;
  const level = levelOf(next);
  const old = ch.alert;
  let alert: Alert;
  if (next > prev && reading) {
    const loc = reading.location;
    const location = loc
      ? loc.address === undefined
        ? { lat: loc.lat, lng: loc.lng }
        : { lat: loc.lat, lng: loc.lng, address: loc.address }
      : (old?.location ?? null);
    if (old) {
      at = Math.max(at, old.updatedAt);
      alert = {
        ...old,
        level: level as 1 | 2 | 3,
        peakLevel: Math.min(old.peakLevel, level) as 1 | 2 | 3,
        updatedAt: at,
        value: reading.value ?? old.value,
        location,
        townId: reading.townId ?? old.townId,
        gridId: reading.gridId ?? old.gridId,
      };
    } else {
      alert = {
        alertId: `${ch.device.id}:${ch.type}:${reading.deviceTime}:${reading.seq}`,
        deviceId: ch.device.id,
        type: ch.type,
        level: level as 1 | 2 | 3,
        peakLevel: level as 1 | 2 | 3,
        raisedAt: at,
        updatedAt: at,
        clearedAt: null,
        value: reading.value ?? null,
        location,
        townId: reading.townId ?? null,
        gridId: reading.gridId ?? null,
      };
      ch.device.active++;
    }
  } else if (old) {
    alert =
      next === 0
        ? { ...old, updatedAt: at, clearedAt: at }
        : { ...old, level: level as 1 | 2 | 3, updatedAt: at };
    if (next === 0) ch.device.active--;
  } else {
    return;
  }
  const kind =
    prev === 0 ? 'raised' : next > prev ? 'escalated' : next === 0 ? 'cleared' : 'deescalated';
  ch.reported = next;
  ch.alert = next === 0 ? null : alert;
  out.push({ kind, alert, at, previousLevel: levelOf(prev) });
}
