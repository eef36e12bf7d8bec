import type { Directory } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';

/** A sensor the simulator plays: an electrical-fire monitor at one place. */
interface Device {
  deviceId: string;
  gridId: string;
  location: { lat: number; lng: number; address: string };
  /** The normal leakage current, mA (readings wander ±30% around it). */
  base: number;
  /** Whether this device now and then reports a level-1 leakage. */
  leaks: boolean;
  seq: number;
}

/** What {@link createSensorSimulator} returns. */
export interface SensorSimulator {
  readonly on: boolean;
  /** Readings fed so far, and the level-1 ones among them. */
  readonly stats: { readonly readings: number; readonly leaks: number };
  start(): void;
  stop(): void;
  /** Feeds one round of readings now (the timer calls it every `intervalMs`). */
  round(): Promise<void>;
}

/** Options of {@link createSensorSimulator}. */
export interface SensorSimulatorOptions {
  client: Client;
  directory: Directory;
  /** How often a round of readings is fed, ms (default 15 s). */
  intervalMs?: number;
  /** Every how many rounds the leaking device reports a level-1 leakage (default 8; the 2nd round is the first). */
  leakEvery?: number;
  log?: (line: string) => void;
}

/**
 * Plays a few electrical-fire monitors of the org's first sensor town: leakage currents that
 * wander around their normal value, and now and then a level-1 leakage at the elderly-care
 * center (三江社区养老服务中心 in the sample org), fed through `client.readings` as the town's
 * sensor member. A level-1 alert starts the `electrical-fire` scenario, which opens a case.
 */
export function createSensorSimulator(options: SensorSimulatorOptions): SensorSimulator {
  const { client, directory } = options;
  const intervalMs = options.intervalMs ?? 15_000;
  const leakEvery = Math.max(2, options.leakEvery ?? 8);
  const sensor = directory.org.members.find((m) => m.role === 'sensor');
  const townId = sensor ? directory.townOfMember(sensor) : undefined;
  const grids = directory.org.units.filter(
    (u) =>
      u.level === 'grid' &&
      townId !== undefined &&
      directory.ancestorAt(u.id, 'town')?.id === townId,
  );
  const grid = (i: number) => grids[Math.min(i, grids.length - 1)]?.id;
  const sample = townId === 'qj-sj';
  const devices: Device[] = [];
  if (sensor && townId && grids.length > 0) {
    devices.push(
      {
        deviceId: `${townId}-elec-yl01`,
        gridId: grid(0) as string,
        location: {
          lat: 29.0286,
          lng: 106.6512,
          address: sample
            ? '三江社区养老服务中心一楼配电箱'
            : 'elderly-care center, ground-floor panel',
        },
        base: 60,
        leaks: true,
        seq: 0,
      },
      {
        deviceId: `${townId}-elec-sc02`,
        gridId: grid(1) as string,
        location: {
          lat: 29.0311,
          lng: 106.6548,
          address: sample ? '三江农贸市场配电房' : 'farmers market, switch room',
        },
        base: 110,
        leaks: false,
        seq: 0,
      },
      {
        deviceId: `${townId}-elec-xx03`,
        gridId: grid(2) as string,
        location: {
          lat: 29.0257,
          lng: 106.6479,
          address: sample ? '三江小学食堂配电箱' : 'primary school canteen panel',
        },
        base: 40,
        leaks: false,
        seq: 0,
      },
    );
  }
  let timer: ReturnType<typeof setInterval> | undefined;
  let rounds = 0;
  let busy = false;
  const stats = { readings: 0, leaks: 0 };
  const log = options.log ?? (() => {});

  const round = async () => {
    if (!sensor || busy) return;
    busy = true;
    try {
      rounds += 1;
      const now = Date.now();
      const leakNow = rounds % leakEvery === 2;
      const readings = devices.map((d) => {
        d.seq += 1;
        const leak = d.leaks && leakNow;
        const value = leak
          ? Math.round(520 + Math.random() * 180)
          : Math.round(d.base * (0.7 + Math.random() * 0.6));
        return {
          deviceId: d.deviceId,
          seq: d.seq,
          deviceTime: now,
          type: 'leakage',
          value,
          level: leak ? 1 : 0,
          townId,
          gridId: d.gridId,
          location: d.location,
        };
      });
      const out = await client.readings(sensor.id, readings);
      stats.readings += out.accepted;
      if (leakNow && devices.some((d) => d.leaks)) {
        stats.leaks += 1;
        log(
          `模拟传感器：${devices[0]?.location.address} 一级漏电预警 / simulated sensors: level-1 leakage at ${devices[0]?.deviceId}`,
        );
      }
    } catch (error) {
      log(
        `模拟传感器出错 / simulated sensors failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      busy = false;
    }
  };

  return {
    get on() {
      return timer !== undefined;
    },
    stats,
    round,
    start() {
      if (timer || !sensor) return;
      timer = setInterval(() => void round(), intervalMs);
      timer.unref();
      void round();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
