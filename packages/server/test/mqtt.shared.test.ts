// MQTT shared subscription across server processes: two ingestion processes in one group
// (`$share/{group}/{prefix}/+/readings`) against the real Mosquitto each get a part of the
// readings, and none gets a reading the other got.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { MQTT_URL, mosquittoAvailable } from '../../../scripts/mosquitto.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUN = `zs${randomBytes(4).toString('hex')}`;

const available = await mosquittoAvailable(mqtt, 'mqtt.shared.test.ts');

interface Proc {
  child: ChildProcess;
  devices: string[];
  ready: Promise<void>;
}
const procs: Proc[] = [];

function spawnIngestion(i: number): Proc {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'fixtures/sharedIngestion.ts')],
    {
      cwd: join(here, '..'),
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        MQTT_URL,
        CLIENT_ID: `${RUN}-p${i}`,
        PREFIX: RUN,
        GROUP: 'zhizhi',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const devices: string[] = [];
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const ready = new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') resolve();
        else if (line) devices.push((JSON.parse(line) as { device: string }).device);
      }
    });
    child.once('exit', (code) => reject(new Error(`ingestion ${i} exited ${code}: ${err}`)));
  });
  const p = { child, devices, ready };
  procs.push(p);
  return p;
}

afterAll(async () => {
  for (const p of procs) {
    if (p.child.exitCode !== null) continue;
    const gone = new Promise((r) => p.child.once('exit', r));
    p.child.kill('SIGTERM');
    await gone;
  }
  // drop the sessions this run left on the broker (clean: true replaces a persistent one)
  for (let i = 0; i < procs.length; i++) {
    const c = await mqtt.connectAsync(MQTT_URL, { clientId: `${RUN}-p${i}`, clean: true });
    await c.endAsync();
  }
});

describe.skipIf(!available)('MQTT shared subscription', () => {
  it('given two ingestion processes in one group, when 40 readings are published, then each reading reaches exactly one of them and both take a share', async () => {
    const [a, b] = [spawnIngestion(0), spawnIngestion(1)];
    await Promise.all([a?.ready, b?.ready]);
    const publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${RUN}-pub` });
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const deviceId = `${RUN}-dev-${i}`;
      sent.push(deviceId);
      await publisher.publishAsync(
        `${RUN}/qj-sj/readings`,
        JSON.stringify({ deviceId, seq: 1, deviceTime: 1, type: 'leakage', value: 1, level: 3 }),
        { qos: 1 },
      );
    }
    await publisher.endAsync();
    const got = () => [...(a?.devices ?? []), ...(b?.devices ?? [])];
    const deadline = Date.now() + 15_000;
    while (got().length < sent.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    // a little longer: a duplicate would arrive now
    await new Promise((r) => setTimeout(r, 300));
    expect(got().sort()).toEqual([...sent].sort());
    expect(a?.devices.length).toBeGreaterThan(0);
    expect(b?.devices.length).toBeGreaterThan(0);
    console.log(
      `shared subscription: ${a?.devices.length} / ${b?.devices.length} of ${sent.length}`,
    );
  }, 60_000);
});
