import type { SimulatedClock } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { builtInScenarios } from '@zhizhi/core/sample';

/** The sample town's fire-safety post: who sees and acknowledges its alerts. */
export const FIRE_POST = 'qj-sj-xfgl-staff';
/** The sample sensor gateway member. */
export const SENSOR = 'qj-sj-sensor';

/** Deploys every built-in scenario (the alert feed's alerts start them); throws if refused. */
export async function deployBuiltIns(client: Client): Promise<void> {
  for (const doc of builtInScenarios) {
    const r = await client.deploy(doc, 'qj-ops-1');
    if (!r.ok) throw new Error(`deploy ${doc.id}: ${r.diagnostics[0]?.message.en}`);
  }
}

let device = 0;

/**
 * Sends, as the sensor gateway, a leakage reading of a new device at `level` and returns the
 * scenario instance it started (throws if the reading is refused).
 */
export function leakReporter(client: Client, clock: SimulatedClock) {
  return async (level: 1 | 2 | 3, address = '三江社区养老服务中心一楼配电箱'): Promise<string> => {
    device += 1;
    const r = await client.readings(SENSOR, [
      {
        deviceId: `qj-sj-elec-${device}`,
        seq: 1,
        deviceTime: clock.now(),
        type: 'leakage',
        value: 500,
        level,
        townId: 'qj-sj',
        gridId: 'qj-sj-c1-g1',
        location: { lat: 29.03, lng: 106.65, address },
      },
    ]);
    if (r.accepted !== 1 || !r.results[0]?.ok) throw new Error(`reading: ${JSON.stringify(r)}`);
    return r.results[0].record.id;
  };
}
