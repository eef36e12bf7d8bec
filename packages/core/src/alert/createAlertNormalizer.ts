import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { alertCatalog } from './alertCatalog.js';
import type { AlertEvent } from './alertSchema.js';
import { firstReadingProblem } from './checkReading.js';
import { DueQueue } from './dueQueue.js';
import { type AlertNormalizerSnapshot, restoreState, snapshotState } from './normalizerSnapshot.js';
import {
  bufferedSeverity,
  type Channel,
  channelOf,
  type Device,
  heldAt,
  isNormal,
  LruList,
  newDevice,
  RING,
  report,
  severityOf,
} from './normalizerState.js';
import type { SensorReading } from './sensorReadingSchema.js';

/**
 * Options of {@link createAlertNormalizer}. All times are in the devices' clock (epoch ms).
 *
 * @example
 * ```ts
 * import type { AlertNormalizerOptions } from '@zhizhi/core/alert';
 * const o: AlertNormalizerOptions = { holdDownMs: 60_000, reorderWindowMs: 2_000, maxDevices: 100_000 };
 * ```
 */
export interface AlertNormalizerOptions {
  /** How long a device must report a less severe level before the alert lowers or clears. */
  holdDownMs: number;
  /** How late a reading may arrive and still be applied in device-time order (default 0). */
  reorderWindowMs?: number;
  /** Bound on devices tracked; the least recently used normal devices are evicted (default 100,000). */
  maxDevices?: number;
}

/**
 * What {@link AlertNormalizer.push} did with a reading: the alert events it produced (sorted
 * by `at`), or why it was dropped (`invalid`, `duplicate`, `stale`, `full`) with a diagnostic.
 *
 * @example
 * ```ts
 * import type { PushResult } from '@zhizhi/core/alert';
 * const raised = (r: PushResult) => r.events.some((e) => e.kind === 'raised');
 * ```
 */
export interface PushResult {
  readonly events: readonly AlertEvent[];
  readonly dropped: null | 'invalid' | 'duplicate' | 'stale' | 'full';
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The normalizer {@link createAlertNormalizer} returns.
 *
 * @example
 * ```ts
 * import { createAlertNormalizer } from '@zhizhi/core/alert';
 * const n = createAlertNormalizer({ holdDownMs: 60_000 });
 * n.push({ deviceId: 'd1', seq: 1, deviceTime: 0, type: 'smoke', level: 1 }).events[0]?.kind; // 'raised'
 * ```
 */
export interface AlertNormalizer {
  /** Feeds one reading (untrusted input); returns the events it produced. Never throws. */
  push(reading: unknown): PushResult;
  /** Tells the normalizer the devices' clock reached `now`: completes due hold-downs. */
  advance(now: number): readonly AlertEvent[];
  /** The whole state as plain JSON (survives `JSON.stringify`/`JSON.parse`). */
  snapshot(): AlertNormalizerSnapshot;
  /** Replaces the whole state by a snapshot; on invalid input changes nothing. */
  restore(snapshot: unknown): { ok: true } | { ok: false; diagnostics: Diagnostic[] };
  /** The number of devices tracked. */
  readonly size: number;
}

const NO_EVENTS: readonly AlertEvent[] = Object.freeze([]);
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const ACCEPTED: PushResult = Object.freeze({
  events: NO_EVENTS,
  dropped: null,
  diagnostics: NO_DIAGNOSTICS,
});

function byTime(a: AlertEvent, b: AlertEvent): number {
  return a.at - b.at || (a.alert.alertId < b.alert.alertId ? -1 : 1);
}

/**
 * Creates the synchronous state machine that turns raw sensor readings into alert events:
 *
 * - **De-duplicates** by `(deviceId, seq)`: a seq already waiting in the reorder buffer or
 *   among the device's last 8 applied readings is dropped as `duplicate`; an older repeat is
 *   necessarily not after the applied state and is dropped as `stale`.
 * - **Orders** by device time: readings are applied in `(deviceTime, seq)` order. A reading
 *   waits in a per-device buffer until the device has reported `reorderWindowMs` past it (or
 *   {@link AlertNormalizer.advance} passed it), so one arriving that late is still applied in
 *   its place; one older than what is already applied, or more than the window late, is
 *   dropped as `stale` with a warning diagnostic.
 * - **Raises at once**: a reading more severe than the alert's level raises or escalates it
 *   when it arrives, even while it waits in the buffer (`at` = its device time).
 * - **Lowers after a hold-down** (hysteresis): the alert's level at device time `t` is the most
 *   severe level in effect during `[t − holdDownMs, t]`, each reading's level being in effect
 *   until the device's next reading. So a level lowers or clears only after the device has
 *   reported the lower level continuously for `holdDownMs`; a reading back at the higher level
 *   cancels the pending clear, and an oscillating signal keeps the alert up. The event's `at`
 *   is the device time the hold-down completed, whether it is noticed on the device's next
 *   reading or by `advance(now)`.
 * - **Bounds memory**: at most `maxDevices` devices; a new device evicts the least recently
 *   used device whose alerts are all clear. If every tracked device is in alert, the new one
 *   is refused (`full`, an error diagnostic) rather than forgetting an open alert.
 *
 * Each `(deviceId, type)` pair is its own alert, so a band's heart-rate reading never clears
 * its fall alert. No XState here: plain TypeScript that allocates only for events.
 *
 * @example
 * ```ts
 * import { createAlertNormalizer } from '@zhizhi/core/alert';
 * const n = createAlertNormalizer({ holdDownMs: 60_000 });
 * const r = (seq: number, t: number, level: 0 | 1 | 2 | 3) =>
 *   ({ deviceId: 'qj-sj-elec-017', seq, deviceTime: t, type: 'leakage', level });
 * n.push(r(1, 0, 1)).events[0]?.kind; // 'raised' (level 1, at once)
 * n.push(r(2, 10_000, 0)).events;     // [] (hold-down running)
 * n.advance(70_000)[0]?.kind;         // 'cleared', at 70_000
 * ```
 */
export function createAlertNormalizer(options: AlertNormalizerOptions): AlertNormalizer {
  const hold = options.holdDownMs;
  const window = options.reorderWindowMs ?? 0;
  const maxDevices = options.maxDevices ?? 100_000;
  if (!(Number.isFinite(hold) && hold >= 0)) throw new RangeError('holdDownMs must be ≥ 0');
  if (!(Number.isFinite(window) && window >= 0)) {
    throw new RangeError('reorderWindowMs must be ≥ 0');
  }
  if (!(Number.isSafeInteger(maxDevices) && maxDevices >= 1)) {
    throw new RangeError('maxDevices must be a positive integer');
  }

  let devices = new Map<string, Device>();
  /** Normal devices, least recently used first. */
  let lru = new LruList();
  /** Channels by the due time of their running hold-down. */
  let holdDowns = new DueQueue<Channel>();
  /** Devices by the device time of the first reading waiting in their reorder buffer. */
  let reorders = new DueQueue<Device>();
  /** Events of the call in progress (reused: a call without events allocates nothing). */
  const out: AlertEvent[] = [];

  function settle(ch: Channel): void {
    if (ch.held > ch.cur) holdDowns.schedule(ch, (ch.ends[ch.held] as number) + hold);
  }

  /** Completes the hold-downs due before `limit` (or at it, when `inclusive`). */
  function expire(ch: Channel, limit: number, inclusive: boolean): number {
    let last = Number.NEGATIVE_INFINITY;
    while (ch.held > ch.cur) {
      const due = (ch.ends[ch.held] as number) + hold;
      if (inclusive ? due > limit : due >= limit) break;
      ch.held = heldAt(ch, due, hold);
      const b = ch.device.buffer.length === 0 ? 0 : bufferedSeverity(ch.device, ch.type);
      report(ch, Math.max(ch.held, b), due, null, out);
      last = due;
    }
    settle(ch);
    return last;
  }

  /** Applies a reading that is next in (deviceTime, seq) order for its device. */
  function apply(dev: Device, r: SensorReading): void {
    const t = r.deviceTime;
    const ch = channelOf(dev, r.type);
    if (ch.held > ch.cur) expire(ch, t, false);
    const v = severityOf(r.level);
    for (let s = v + 1; s <= ch.cur; s++) ch.ends[s] = t;
    ch.cur = v;
    ch.held = v === 3 || hold === 0 ? v : heldAt(ch, t, hold);
    const b = dev.buffer.length === 0 ? 0 : bufferedSeverity(dev, ch.type);
    if (ch.reported !== ch.held || b > ch.held) report(ch, Math.max(ch.held, b), t, r, out);
    settle(ch);
    dev.ring[dev.ringPos] = r.seq;
    dev.ringPos = (dev.ringPos + 1) & (RING - 1);
    if (t > dev.closedTime || (t === dev.closedTime && r.seq > dev.closedSeq)) {
      dev.closedTime = t;
      dev.closedSeq = r.seq;
    }
  }

  function release(dev: Device, limit: number): void {
    const buffer = dev.buffer;
    while (buffer.length > 0 && (buffer[0] as SensorReading).deviceTime <= limit) {
      const r = buffer[0] as SensorReading;
      // Hold-downs due before it complete while it still counts as waiting (it already rose).
      const ch = channelOf(dev, r.type);
      if (ch.held > ch.cur) expire(ch, r.deviceTime, false);
      buffer.shift();
      apply(dev, r);
    }
    if (buffer.length > 0) reorders.schedule(dev, (buffer[0] as SensorReading).deviceTime);
  }

  function insert(dev: Device, r: SensorReading): void {
    const buffer = dev.buffer;
    let i = buffer.length;
    while (i > 0) {
      const o = buffer[i - 1] as SensorReading;
      if (o.deviceTime < r.deviceTime || (o.deviceTime === r.deviceTime && o.seq < r.seq)) break;
      i--;
    }
    if (i === buffer.length) buffer.push(r);
    else buffer.splice(i, 0, r);
  }

  function isDuplicate(dev: Device, seq: number): boolean {
    const ring = dev.ring;
    for (let i = 0; i < RING; i++) if (ring[i] === seq) return true;
    const buffer = dev.buffer;
    for (let i = 0; i < buffer.length; i++)
      if ((buffer[i] as SensorReading).seq === seq) return true;
    return false;
  }

  function admit(id: string): Device | null {
    while (devices.size >= maxDevices) {
      const oldest = lru.head;
      if (!oldest) return null;
      lru.remove(oldest);
      devices.delete(oldest.id);
    }
    const dev = newDevice(id);
    devices.set(id, dev);
    return dev;
  }

  function dropped(
    why: 'duplicate' | 'stale' | 'full',
    r: SensorReading,
    path: string,
  ): PushResult {
    const d = makeDiagnostic(
      alertCatalog,
      why === 'full' ? 'normalizer.full' : why === 'stale' ? 'reading.stale' : 'reading.duplicate',
      [path],
      { deviceId: r.deviceId, seq: r.seq, deviceTime: r.deviceTime, max: maxDevices },
      why === 'full' ? 'error' : 'warning',
    );
    return { events: NO_EVENTS, dropped: why, diagnostics: [d] };
  }

  /** The events collected in `out`, sorted, as a fresh array (or the shared empty one). */
  function take(): readonly AlertEvent[] {
    if (out.length === 0) return NO_EVENTS;
    const events = out.slice();
    out.length = 0;
    if (events.length > 1) events.sort(byTime);
    return events;
  }

  function push(input: unknown): PushResult {
    const invalid = firstReadingProblem(input);
    if (invalid) return { events: NO_EVENTS, dropped: 'invalid', diagnostics: [invalid] };
    const r = input as SensorReading;
    const dev = devices.get(r.deviceId) ?? admit(r.deviceId);
    if (!dev) return dropped('full', r, 'deviceId');
    const t = r.deviceTime;
    if (isDuplicate(dev, r.seq)) return dropped('duplicate', r, 'seq');
    if (t < dev.closedTime || (t === dev.closedTime && r.seq <= dev.closedSeq)) {
      return dropped('stale', r, 'deviceTime');
    }
    if (t > dev.maxSeen) dev.maxSeen = t;
    const horizon = dev.maxSeen - window;
    if (dev.buffer.length === 0 && t <= horizon) {
      apply(dev, r);
    } else {
      insert(dev, r);
      const ch = channelOf(dev, r.type);
      const v = severityOf(r.level);
      if (v > ch.reported) report(ch, v, t, r, out);
      release(dev, horizon);
    }
    if (horizon > dev.closedTime) {
      dev.closedTime = horizon;
      dev.closedSeq = -1;
    }
    const channels = dev.channels;
    for (let i = 0; i < channels.length; i++) {
      const ch = channels[i] as Channel;
      if (ch.held > ch.cur) expire(ch, horizon, false);
    }
    if (isNormal(dev)) lru.append(dev);
    else lru.remove(dev);
    if (out.length === 0) return ACCEPTED;
    return { events: take(), dropped: null, diagnostics: NO_DIAGNOSTICS };
  }

  function advance(now: number): readonly AlertEvent[] {
    const horizon = now - window;
    const touched: Device[] = [];
    for (let dev = reorders.next(horizon); dev; dev = reorders.next(horizon)) {
      release(dev, horizon);
      touched.push(dev);
    }
    for (let ch = holdDowns.next(horizon); ch; ch = holdDowns.next(horizon)) {
      const dev = ch.device;
      const last = expire(ch, horizon, true);
      const after = last > dev.closedTime || (last === dev.closedTime && dev.closedSeq < Infinity);
      if (last !== Number.NEGATIVE_INFINITY && after) {
        dev.closedTime = last;
        dev.closedSeq = Number.POSITIVE_INFINITY;
      }
      touched.push(dev);
    }
    for (const dev of touched) {
      // An evicted device may still surface from a queue: leave it evicted.
      if (!dev.inLru && isNormal(dev) && devices.get(dev.id) === dev) lru.append(dev);
    }
    return take();
  }

  return {
    push,
    advance,
    snapshot: () => snapshotState(devices, lru),
    restore(snapshot) {
      const state = restoreState(snapshot);
      if (!state.ok) return state;
      devices = new Map(state.devices.map((d) => [d.id, d]));
      lru = new LruList();
      for (const d of state.normalOrder) lru.append(d);
      holdDowns = new DueQueue();
      reorders = new DueQueue();
      for (const d of state.devices) {
        if (d.buffer.length > 0) reorders.schedule(d, (d.buffer[0] as SensorReading).deviceTime);
        for (const ch of d.channels) settle(ch);
      }
      return { ok: true };
    },
    get size() {
      return devices.size;
    },
  };
}
