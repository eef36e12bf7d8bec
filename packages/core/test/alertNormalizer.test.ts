import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AlertEvent,
  type AlertNormalizer,
  checkReading,
  createAlertNormalizer,
  type ReadingLevel,
  type SensorReading,
  sensorReadingSchema,
} from '../src/alert/index.js';

const reading = (
  seq: number,
  deviceTime: number,
  level: ReadingLevel,
  more: Partial<SensorReading> = {},
): SensorReading => ({
  deviceId: 'qj-sj-elec-017',
  seq,
  deviceTime,
  type: 'leakage',
  level,
  ...more,
});

/** `kind@at:Lprev→Lnow` for compact assertions. */
const brief = (events: readonly AlertEvent[]) =>
  events.map((e) => `${e.kind}@${e.at}:L${e.previousLevel}→L${e.alert.level}`);

describe('createAlertNormalizer', () => {
  it('given the same reading twice, when pushed, then the repeat is dropped as a duplicate and changes nothing', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    expect(brief(n.push(reading(1, 1_000, 1)).events)).toEqual(['raised@1000:L0→L1']);
    const again = n.push(reading(1, 1_000, 1));
    expect(again.dropped).toBe('duplicate');
    expect(again.events).toEqual([]);
    expect(again.diagnostics[0]).toMatchObject({
      code: 'reading.duplicate',
      severity: 'warning',
      path: ['seq'],
    });
  });

  it('given a reorder window, when a reading arrives late inside it, then it is applied in device-time order', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000, reorderWindowMs: 5_000 });
    expect(brief(n.push(reading(1, 1_000, 1)).events)).toEqual(['raised@1000:L0→L1']);
    expect(n.push(reading(2, 3_000, 0)).events).toEqual([]);
    // seq 3 was measured at 2 000 but arrives after seq 2: it is slotted before the 3 000 reading,
    // so the hold-down starts at 3 000 and the alert clears at 13 000 (not never, as it would
    // if the level-1 reading were applied last).
    const late = n.push(reading(3, 2_000, 1));
    expect(late.dropped).toBeNull();
    expect(brief(n.advance(20_000))).toEqual(['cleared@13000:L1→L1']);
  });

  it('given an alert, when a more severe level arrives, then it rises at once despite the hold-down', () => {
    const n = createAlertNormalizer({ holdDownMs: 600_000, reorderWindowMs: 2_000 });
    expect(brief(n.push(reading(1, 0, 3)).events)).toEqual(['raised@0:L0→L3']);
    expect(brief(n.push(reading(2, 10, 2)).events)).toEqual(['escalated@10:L3→L2']);
    expect(brief(n.push(reading(3, 20, 1)).events)).toEqual(['escalated@20:L2→L1']);
    expect(n.push(reading(4, 30, 1)).events).toEqual([]);
  });

  it('given a level-1 alert, when the device reports normal, then it clears only after reporting normal for the whole hold-down', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000 });
    n.push(reading(1, 0, 1));
    expect(n.push(reading(2, 1_000, 0)).events).toEqual([]);
    expect(n.push(reading(3, 5_000, 0)).events).toEqual([]);
    expect(n.advance(10_999)).toEqual([]);
    const [cleared] = n.advance(11_000);
    expect(cleared).toMatchObject({ kind: 'cleared', at: 11_000, previousLevel: 1 });
    expect(cleared?.alert).toMatchObject({ level: 1, raisedAt: 0, clearedAt: 11_000 });
    expect(n.advance(50_000)).toEqual([]);
  });

  it('given the hold-down passed with no advance, when the next reading arrives, then the clear is dated when it was due', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000 });
    n.push(reading(1, 0, 1));
    n.push(reading(2, 1_000, 0));
    expect(brief(n.push(reading(3, 30_000, 0)).events)).toEqual(['cleared@11000:L1→L1']);
  });

  it('given a level-1 alert, when the device drops to level 2, then it de-escalates after the hold-down and clears after another', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000 });
    n.push(reading(1, 0, 1));
    n.push(reading(2, 1_000, 2));
    n.push(reading(3, 4_000, 0));
    expect(brief(n.advance(100_000))).toEqual(['deescalated@11000:L1→L2', 'cleared@14000:L2→L2']);
  });

  it('given a signal oscillating faster than the hold-down, when fed for a minute, then the alert is raised once and cleared once, never flapping', () => {
    const n = createAlertNormalizer({ holdDownMs: 5_000 });
    const events: AlertEvent[] = [];
    let seq = 0;
    for (let t = 0; t < 60_000; t += 1_000) {
      events.push(...n.push(reading(++seq, t, (t / 1_000) % 2 === 0 ? 1 : 0)).events);
      events.push(...n.advance(t + 999));
    }
    expect(brief(events)).toEqual(['raised@0:L0→L1']);
    events.push(...n.advance(120_000));
    // the last level-1 reading was at 58 000, replaced by normal at 59 000
    expect(brief(events)).toEqual(['raised@0:L0→L1', 'cleared@64000:L1→L1']);
  });

  it('given a pending clear, when a reading back at the higher level arrives, then the clear is cancelled and the hold-down restarts', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000 });
    n.push(reading(1, 0, 2));
    n.push(reading(2, 1_000, 0));
    expect(n.push(reading(3, 9_000, 2)).events).toEqual([]);
    n.push(reading(4, 9_500, 0));
    expect(n.advance(19_499)).toEqual([]);
    expect(brief(n.advance(19_500))).toEqual(['cleared@19500:L2→L2']);
  });

  it('given applied state, when an older reading arrives, then it is dropped as stale with a warning naming the device', () => {
    const n = createAlertNormalizer({ holdDownMs: 1_000, reorderWindowMs: 1_000 });
    n.push(reading(1, 5_000, 0));
    const late = n.push(reading(2, 3_000, 1));
    expect(late.dropped).toBe('stale');
    expect(late.events).toEqual([]);
    expect(late.diagnostics[0]).toMatchObject({
      code: 'reading.stale',
      severity: 'warning',
      path: ['deviceTime'],
    });
    expect(late.diagnostics[0]?.message.en).toContain('qj-sj-elec-017');
    // inside the window it is still welcome
    expect(n.push(reading(3, 4_500, 1)).dropped).toBeNull();
  });

  it('given invalid input, when pushed, then a diagnostic names the path and nothing throws', () => {
    const n = createAlertNormalizer({ holdDownMs: 1_000 });
    for (const bad of [null, 'x', 42, [], {}, { ...reading(1, 0, 1), level: 4 }]) {
      const r = n.push(bad);
      expect(r.dropped).toBe('invalid');
      expect(r.diagnostics[0]?.code).toBe('reading.invalid');
    }
    expect(
      n.push({ ...reading(1, 0, 1), location: { lat: 91, lng: 0 } }).diagnostics[0]?.path,
    ).toEqual(['location', 'lat']);
    expect(n.push({ ...reading(1, -1, 1) }).diagnostics[0]?.path).toEqual(['deviceTime']);
    expect(n.size).toBe(0);
  });

  it('given a health band, when it reports fall and heart rate, then each type is its own alert', () => {
    const n = createAlertNormalizer({ holdDownMs: 1_000 });
    const band = (seq: number, t: number, type: string, level: ReadingLevel) =>
      reading(seq, t, level, { deviceId: 'band-7', type });
    expect(brief(n.push(band(1, 0, 'fall', 1)).events)).toEqual(['raised@0:L0→L1']);
    expect(n.push(band(2, 0, 'heartRate', 0)).events).toEqual([]);
    expect(n.push(band(3, 5_000, 'heartRate', 0)).events).toEqual([]);
    expect(brief(n.push(band(4, 6_000, 'fall', 0)).events)).toEqual([]);
    expect(n.advance(7_000).map((e) => `${e.kind} ${e.alert.type}`)).toEqual(['cleared fall']);
  });

  it('given a hold-down in progress, when the state is snapshotted to JSON and restored, then the restored normalizer continues identically', () => {
    const opts = { holdDownMs: 10_000, reorderWindowMs: 2_000 };
    const a = createAlertNormalizer(opts);
    a.push(reading(1, 0, 1, { location: { lat: 29.35, lng: 106.22 }, townId: 'qj-sj' }));
    a.push(reading(2, 1_000, 0));
    a.push(reading(3, 4_000, 2)); // still waiting in the reorder window
    const snap = a.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const b = createAlertNormalizer(opts);
    expect(b.restore(JSON.parse(JSON.stringify(snap)))).toEqual({ ok: true });
    expect(b.snapshot()).toEqual(snap);
    const rest = [reading(4, 3_500, 1), reading(5, 6_000, 0), reading(6, 6_000, 0)];
    for (const r of rest) expect(b.push(r)).toEqual(a.push(r));
    for (const now of [12_000, 17_999, 18_000, 30_000])
      expect(b.advance(now)).toEqual(a.advance(now));
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('given a corrupt snapshot, when restored, then it is refused with a diagnostic and the state is kept', () => {
    const n = createAlertNormalizer({ holdDownMs: 10_000 });
    n.push(reading(1, 0, 1));
    const before = n.snapshot();
    const r = n.restore({ ...before, devices: [{ ...before.devices[0], closedTime: 'soon' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'snapshot.invalid' });
    const held = structuredClone(before);
    const ch = held.devices[0]?.channels[0];
    if (ch) ch.alert = null; // level 1 reported but no alert
    expect(n.restore(held).ok).toBe(false);
    expect(n.snapshot()).toEqual(before);
  });

  it('given maxDevices, when new devices arrive, then the least recently used normal device is evicted and alerting ones are kept', () => {
    const n = createAlertNormalizer({ holdDownMs: 1_000, maxDevices: 3 });
    const dev = (id: string, seq: number, level: ReadingLevel) =>
      reading(seq, seq * 1_000, level, { deviceId: id });
    n.push(dev('a', 1, 0));
    n.push(dev('b', 1, 1)); // in alert
    n.push(dev('c', 1, 0));
    n.push(dev('a', 2, 0)); // a is now more recent than c
    n.push(dev('d', 1, 0)); // evicts c
    expect(n.size).toBe(3);
    expect(n.snapshot().devices.map((d) => d.id)).toEqual(['a', 'b', 'd']);
    n.push(dev('e', 1, 0)); // evicts a (b is in alert)
    expect(n.snapshot().devices.map((d) => d.id)).toEqual(['b', 'd', 'e']);
    n.push(dev('d', 2, 1));
    n.push(dev('e', 2, 1));
    const refused = n.push(dev('f', 1, 1));
    expect(refused.dropped).toBe('full');
    expect(refused.diagnostics[0]).toMatchObject({ code: 'normalizer.full', severity: 'error' });
    expect(n.size).toBe(3);
    n.push(dev('e', 3, 0));
    n.advance(10_000); // e clears and becomes evictable
    expect(n.push(dev('f', 1, 1)).dropped).toBeNull();
    expect(n.snapshot().devices.map((d) => d.id)).toEqual(['b', 'd', 'f']);
  });

  it('given any input, then checkReading agrees with sensorReadingSchema', () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: -2, max: 5 }),
      fc.double(),
      fc.string({ maxLength: 3 }),
      fc.constant(null),
      fc.constant(Number.MAX_SAFE_INTEGER),
      fc.constant(253_402_214_400_001),
    );
    const candidate = fc.record(
      {
        deviceId: fc.oneof(field, fc.string({ maxLength: 130 })),
        seq: field,
        deviceTime: field,
        type: fc.oneof(field, fc.string({ maxLength: 66 })),
        value: field,
        level: field,
        location: fc.oneof(
          field,
          fc.record(
            { lat: field, lng: field, address: fc.oneof(field, fc.string()) },
            { requiredKeys: [] },
          ),
        ),
        townId: field,
        gridId: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.anything()), (x) => {
        expect(checkReading(x).length === 0).toBe(sensorReadingSchema.safeParse(x).success);
      }),
      { numRuns: 5_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: a deliberately naive reference model of the same specification. It keeps
// every applied reading and recomputes the held level by brute force over the hold-down window,
// remembers every accepted seq, and re-scans for expiries — none of the normalizer's incremental
// tricks (severity end times, the seq ring, pending sets, LRU).

interface ModelAlert {
  alertId: string;
  level: number;
  raisedAt: number;
  updatedAt: number;
}

interface ModelChannel {
  applied: SensorReading[];
  held: number; // severity (0 normal, 3 = level 1)
  reported: number;
  alert: ModelAlert | null;
}

interface ModelDevice {
  seen: Set<number>;
  closed: [number, number];
  maxSeen: number;
  buffer: SensorReading[];
  channels: Map<string, ModelChannel>;
}

interface ModelEvent {
  kind: string;
  at: number;
  alertId: string;
  level: number;
  previousLevel: number;
}

const sev = (level: number) => (level === 0 ? 0 : 4 - level);
const before = (a: [number, number], b: [number, number]) =>
  a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

class Model {
  devices = new Map<string, ModelDevice>();
  constructor(
    readonly hold: number,
    readonly window: number,
  ) {}

  private device(id: string): ModelDevice {
    let d = this.devices.get(id);
    if (!d) {
      d = {
        seen: new Set(),
        closed: [-Infinity, -Infinity],
        maxSeen: -Infinity,
        buffer: [],
        channels: new Map(),
      };
      this.devices.set(id, d);
    }
    return d;
  }

  private channel(d: ModelDevice, type: string): ModelChannel {
    let c = d.channels.get(type);
    if (!c) {
      c = { applied: [], held: 0, reported: 0, alert: null };
      d.channels.set(type, c);
    }
    return c;
  }

  /** The most severe level in effect during [τ − hold, τ], by brute force. */
  private heldAt(c: ModelChannel, tau: number): number {
    let inEffect = 0;
    let max = 0;
    for (const r of c.applied) {
      if (r.deviceTime > tau) break;
      if (r.deviceTime <= tau - this.hold) inEffect = sev(r.level);
      else max = Math.max(max, sev(r.level));
    }
    return Math.max(max, inEffect);
  }

  private buffered(d: ModelDevice, type: string): number {
    return Math.max(0, ...d.buffer.filter((r) => r.type === type).map((r) => sev(r.level)));
  }

  private emit(
    d: ModelDevice,
    type: string,
    c: ModelChannel,
    next: number,
    at: number,
    r: SensorReading | null,
    out: ModelEvent[],
  ) {
    const prev = c.reported;
    if (next === prev) return;
    if (next > prev && r) {
      if (!c.alert)
        c.alert = {
          alertId: `${r.deviceId}:${type}:${r.deviceTime}:${r.seq}`,
          level: 0,
          raisedAt: at,
          updatedAt: at,
        };
      at = Math.max(at, c.alert.updatedAt);
    }
    const alert = c.alert as ModelAlert;
    alert.level = next === 0 ? alert.level : 4 - next;
    alert.updatedAt = at;
    const kind =
      prev === 0 ? 'raised' : next > prev ? 'escalated' : next === 0 ? 'cleared' : 'deescalated';
    out.push({
      kind,
      at,
      alertId: alert.alertId,
      level: alert.level,
      previousLevel: prev === 0 ? 0 : 4 - prev,
    });
    c.reported = next;
    if (next === 0) c.alert = null;
    void d;
  }

  /**
   * Re-scans the expiry candidates (τ = a reading's time + hold) from the last applied reading up
   * to `limit` (exclusive); the held level only ever drops between readings, so a candidate seen
   * twice changes nothing. Returns the last τ at which it dropped.
   */
  private expire(
    d: ModelDevice,
    type: string,
    c: ModelChannel,
    limit: number,
    out: ModelEvent[],
  ): number {
    const from = c.applied.at(-1)?.deviceTime ?? Infinity;
    const candidates = [...new Set(c.applied.map((r) => r.deviceTime + this.hold))]
      .filter((t) => t >= from && t < limit)
      .sort((a, b) => a - b);
    let last = -Infinity;
    for (const tau of candidates) {
      const h = this.heldAt(c, tau);
      if (h < c.held) {
        c.held = h;
        last = tau;
        this.emit(d, type, c, Math.max(h, this.buffered(d, type)), tau, null, out);
      }
    }
    return last;
  }

  private apply(d: ModelDevice, r: SensorReading, out: ModelEvent[]) {
    const c = this.channel(d, r.type);
    this.expire(d, r.type, c, r.deviceTime, out);
    d.buffer = d.buffer.filter((b) => b !== r);
    c.applied.push(r);
    c.held = this.heldAt(c, r.deviceTime);
    this.emit(d, r.type, c, Math.max(c.held, this.buffered(d, r.type)), r.deviceTime, r, out);
    if (before(d.closed, [r.deviceTime, r.seq])) d.closed = [r.deviceTime, r.seq];
  }

  private release(d: ModelDevice, limit: number, out: ModelEvent[]) {
    for (;;) {
      const next = d.buffer[0];
      if (!next || next.deviceTime > limit) return;
      this.apply(d, next, out);
    }
  }

  push(r: SensorReading): { accepted: boolean; events: ModelEvent[] } {
    const d = this.device(r.deviceId);
    const out: ModelEvent[] = [];
    if (d.seen.has(r.seq) || !before(d.closed, [r.deviceTime, r.seq]))
      return { accepted: false, events: out };
    d.seen.add(r.seq);
    d.maxSeen = Math.max(d.maxSeen, r.deviceTime);
    const horizon = d.maxSeen - this.window;
    if (d.buffer.length === 0 && r.deviceTime <= horizon) {
      this.apply(d, r, out); // in order and nothing waiting: applied straight away
    } else {
      d.buffer.push(r);
      d.buffer.sort((a, b) => a.deviceTime - b.deviceTime || a.seq - b.seq);
      const c = this.channel(d, r.type);
      const b = this.buffered(d, r.type);
      if (b > c.reported) this.emit(d, r.type, c, b, r.deviceTime, r, out);
      this.release(d, horizon, out);
    }
    if (before(d.closed, [horizon, -1])) d.closed = [horizon, -1];
    for (const [type, ch] of d.channels) this.expire(d, type, ch, horizon, out);
    return { accepted: true, events: sortEvents(out) };
  }

  advance(now: number): ModelEvent[] {
    const horizon = now - this.window;
    const out: ModelEvent[] = [];
    for (const d of this.devices.values()) {
      this.release(d, horizon, out);
      for (const [type, ch] of d.channels) {
        const last = this.expire(d, type, ch, horizon + 1, out); // times are integers: ≤ horizon
        if (before(d.closed, [last, Infinity])) d.closed = [last, Infinity];
      }
    }
    return sortEvents(out);
  }
}

function sortEvents(events: ModelEvent[]): ModelEvent[] {
  return events.sort((a, b) => a.at - b.at || (a.alertId < b.alertId ? -1 : 1));
}

const view = (events: readonly AlertEvent[]): ModelEvent[] =>
  events.map((e) => ({
    kind: e.kind,
    at: e.at,
    alertId: e.alert.alertId,
    level: e.alert.level,
    previousLevel: e.previousLevel,
  }));

type Command =
  | { op: 'push'; device: number; type: number; dt: number; level: ReadingLevel }
  | { op: 'repeat'; index: number }
  | { op: 'advance'; dt: number }
  | { op: 'restart' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant('push' as const),
      device: fc.integer({ min: 0, max: 2 }),
      type: fc.integer({ min: 0, max: 1 }),
      dt: fc.integer({ min: -30, max: 40 }),
      level: fc.constantFrom<ReadingLevel>(0, 0, 1, 2, 3),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('repeat' as const), index: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      dt: fc.integer({ min: -20, max: 80 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const) }) },
);

describe('createAlertNormalizer against a reference model', () => {
  it('given any stream of readings, repeats, late arrivals, advances and restarts, then its events equal the model’s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(0, 0, 5, 20),
        fc.array(command, { maxLength: 80 }),
        (hold, window, commands) => {
          const opts = { holdDownMs: hold, reorderWindowMs: window };
          let n: AlertNormalizer = createAlertNormalizer(opts);
          const model = new Model(hold, window);
          const clocks = [100, 100, 100];
          const seqs = [0, 0, 0];
          const pushed: SensorReading[] = [];
          for (const c of commands) {
            if (c.op === 'restart') {
              const next = createAlertNormalizer(opts);
              expect(next.restore(JSON.parse(JSON.stringify(n.snapshot())))).toEqual({ ok: true });
              n = next;
              continue;
            }
            if (c.op === 'advance') {
              const now = Math.max(...clocks) + c.dt;
              expect(view(n.advance(now))).toEqual(model.advance(now));
              continue;
            }
            let r: SensorReading;
            if (c.op === 'repeat') {
              if (pushed.length === 0) continue;
              r = pushed[c.index % pushed.length] as SensorReading;
            } else {
              const time = Math.max(0, (clocks[c.device] as number) + c.dt);
              clocks[c.device] = Math.max(clocks[c.device] as number, time);
              const seq = (seqs[c.device] as number) + 1;
              seqs[c.device] = seq;
              r = {
                deviceId: `d${c.device}`,
                seq,
                deviceTime: time,
                type: c.type ? 'smoke' : 'leakage',
                level: c.level,
              };
              pushed.push(r);
            }
            const got = n.push(r);
            const want = model.push(r);
            expect(got.dropped === null).toBe(want.accepted);
            expect(view(got.events)).toEqual(want.events);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
