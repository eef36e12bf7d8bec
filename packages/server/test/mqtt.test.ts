import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { LocalClient } from '@zhizhi/core/client';
import { MemoryStore, type Store } from '@zhizhi/core/runtime';
import { builtInScenarios } from '@zhizhi/core/sample';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MQTT_URL, mosquittoAvailable } from '../../../scripts/mosquitto.mjs';
import {
  type MqttIngestion,
  type MqttIngestionOptions,
  PgStore,
  pgliteDriver,
  startMqttIngestion,
} from '../src/index.js';
import { localClient } from './clients.js';

const available = await mosquittoAvailable(
  mqtt,
  'mqtt.test.ts',
  'the MQTT ingestion tests of mqtt.test.ts',
);

/** This run's own topics and client ids: parallel runs never see each other's messages. */
const RUN = `zt${randomBytes(4).toString('hex')}`;
const T0 = Date.parse('2026-09-01T08:00:00+08:00');
const usedClientIds = new Set<string>();
let publisher: MqttClient;

const leak = (seq: number, level: 0 | 1 | 2 | 3, extra: Record<string, unknown> = {}) => ({
  deviceId: `${RUN}-elec-017`,
  seq,
  deviceTime: T0 + seq * 1000,
  type: 'leakage',
  value: 512,
  level,
  townId: 'qj-sj',
  gridId: 'qj-sj-c1-g1',
  location: { lat: 29.02, lng: 106.65, address: '三江社区养老服务中心配电箱' },
  ...extra,
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 8000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function instances(client: LocalClient) {
  return (await client.listInstances({ townId: 'qj-sj' })).items;
}

/** A LocalClient over a MemoryStore with the sample org and the built-in scenarios deployed. */
async function deployedClient(store: Store = new MemoryStore()): Promise<LocalClient> {
  const { client } = localClient(store);
  for (const doc of builtInScenarios) {
    const r = await client.deploy(doc, 'qj-sj-duty');
    if (!r.ok) throw new Error(`deploy ${doc.id}: ${JSON.stringify(r.diagnostics)}`);
  }
  return client;
}

interface Harness {
  client: LocalClient;
  ingestion: MqttIngestion;
  logs: string[];
  prefix: string;
  clientId: string;
  topic(town?: string): string;
  publish(payload: unknown, town?: string): Promise<void>;
}

let n = 0;
async function harness(
  overrides: Partial<MqttIngestionOptions> = {},
  store?: Store,
): Promise<Harness> {
  const client = await deployedClient(store);
  const logs: string[] = [];
  const prefix = `${RUN}-${++n}`;
  const clientId = overrides.clientId ?? `${RUN}-ingest-${n}`;
  usedClientIds.add(clientId);
  const ingestion = await startMqttIngestion({
    url: MQTT_URL,
    clientId,
    client,
    by: 'qj-sj-sensor',
    topicPrefix: prefix,
    sensorMemberFor: (r) => (typeof r.townId === 'string' ? `${r.townId}-sensor` : undefined),
    log: (m) => logs.push(m),
    ...overrides,
  });
  const topic = (town = 'qj-sj') => `${prefix}/${town}/readings`;
  return {
    client,
    ingestion,
    logs,
    prefix,
    clientId,
    topic,
    async publish(payload, town) {
      const body =
        typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
      await publisher.publishAsync(topic(town), body, { qos: 1 });
    },
  };
}

/** Waits until the ingestion has handled `count` messages. */
const handled = (h: Harness, count: number) =>
  until(`${count} messages`, () => (h.ingestion.stats.messages >= count ? true : undefined));

describe.skipIf(!available)('MQTT ingestion on Mosquitto', () => {
  beforeAll(async () => {
    publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${RUN}-publisher` });
  });

  afterAll(async () => {
    await publisher?.endAsync();
    // forget the persistent sessions this run left on the broker
    for (const clientId of usedClientIds) {
      const c = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true });
      await c.endAsync();
    }
  });

  it('given a level-1 leakage reading on zhizhi/qj-sj/readings, then exactly one electrical-fire instance starts', async () => {
    const h = await harness({ towns: ['qj-sj'] });
    try {
      await h.publish(leak(1, 1));
      const [started] = await until('an instance', async () => {
        const items = await instances(h.client);
        return items.length > 0 ? items : undefined;
      });
      expect(started?.scenario.id).toBe('electrical-fire');
      expect(started?.context.alertId).toBe(`${RUN}-elec-017:leakage:${T0 + 1000}:1`);
      await handled(h, 1);
      expect(await instances(h.client)).toHaveLength(1);
      expect(h.ingestion.stats).toMatchObject({
        messages: 1,
        malformed: 0,
        refused: 0,
        accepted: 1,
        alerts: 1,
      });
      expect(h.logs).toEqual([]);
    } finally {
      await h.ingestion.close();
    }
  });

  it('given a PgStore (PGlite) behind the client, then a level-1 reading starts one instance there', async () => {
    const store = await PgStore.open(await pgliteDriver('memory'));
    const h = await harness({}, store);
    try {
      await h.publish([leak(1, 1), leak(1, 1)]);
      await handled(h, 1);
      const items = (await h.client.listInstances()).items.map((r) => r.scenario.id);
      expect(items).toEqual(['electrical-fire']);
      expect(h.ingestion.stats).toMatchObject({ accepted: 1, refused: 1, alerts: 1 });
    } finally {
      await h.ingestion.close();
      await h.client.close();
      await store.close();
    }
  });

  it('given client.readings throws, then the readings count as failed and are logged, and the next message still goes through', async () => {
    const real = await deployedClient();
    let calls = 0;
    const flaky = new Proxy(real, {
      get(target, key) {
        if (key === 'readings') {
          return async (by: string, readings: unknown[]) => {
            if (++calls === 1) throw new Error('store down\nreally');
            return target.readings(by, readings);
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const h = await harness({ client: flaky });
    try {
      await h.publish([leak(1, 1), leak(2, 1)]);
      await h.publish(leak(3, 1));
      await handled(h, 2);
      expect(h.ingestion.stats).toMatchObject({ messages: 2, failed: 2, accepted: 1, alerts: 1 });
      expect(h.logs).toHaveLength(1);
      expect(h.logs[0]).toContain('mqtt.clientFailed');
      expect(h.logs[0]).toContain('store down\\nreally');
      expect((await real.listInstances()).items).toHaveLength(1);
    } finally {
      await h.ingestion.close();
    }
  });

  it('given duplicates, a late reading and a sensor flapping within the hold-down, then one alert episode starts one instance', async () => {
    const h = await harness();
    try {
      await h.publish(leak(1, 1));
      await h.publish(leak(1, 1)); // the same device+seq again (a QoS 1 redelivery)
      await h.publish([leak(3, 1), leak(2, 0)]); // seq 2 arrives after seq 3: too late, dropped
      // flapping 0,1,0,1 within the 60 s hold-down: the alert stays raised
      await h.publish([leak(4, 0), leak(5, 1)]);
      await h.publish(leak(6, 0));
      await h.publish(leak(7, 1));
      await handled(h, 6);
      const items = await instances(h.client);
      expect(items).toHaveLength(1);
      expect(h.ingestion.stats).toMatchObject({
        messages: 6,
        malformed: 0,
        refused: 2, // the duplicate and the late one
        accepted: 6,
        alerts: 1,
      });
      expect(h.logs.some((l) => l.includes('duplicate'))).toBe(true);
    } finally {
      await h.ingestion.close();
    }
  });

  it('given malformed JSON, __proto__ keys, a huge payload and a wrong-town reading, then each is counted and logged, nothing starts, and a good reading still works', async () => {
    const h = await harness({ maxPayloadBytes: 64 * 1024 });
    try {
      await h.publish('{"deviceId": "x", "seq": ');
      await h.publish(`{"__proto__": {"polluted": true}, ${JSON.stringify(leak(1, 1)).slice(1)}`);
      await h.publish(JSON.stringify([leak(1, 1), { ...leak(2, 1), pad: 'x'.repeat(100_000) }]));
      await h.publish(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])); // not UTF-8
      await h.publish('42');
      await h.publish('[]');
      await h.publish(leak(1, 1, { townId: 'qj-th' })); // a 通惠 reading on the 三江 topic
      await h.publish([17, 'x']); // not objects
      await h.publish('{"a\\nb": 1, "a\\nb": 2}'); // a duplicate key with a line break in it
      await handled(h, 9);
      expect(await instances(h.client)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(h.ingestion.stats).toMatchObject({
        messages: 9,
        malformed: 7,
        refused: 3,
        accepted: 0,
        alerts: 0,
      });
      const topic = JSON.stringify(h.topic());
      expect(h.logs).toHaveLength(9);
      for (const line of h.logs) {
        expect(line).toContain(topic);
        expect(line).not.toMatch(/[\n\r]/);
      }
      const codes = [
        'json.unexpectedEnd',
        'json.forbiddenKey',
        'mqtt.tooLarge',
        'mqtt.notUtf8',
        'mqtt.shape',
        'mqtt.shape',
        'mqtt.wrongTown',
        'mqtt.notObject',
        'json.duplicateKey',
      ];
      for (const [i, code] of codes.entries()) expect(h.logs[i]).toContain(code);
      expect(h.logs[6]).toMatch(/不符 \/ .*is not the topic's town/);

      // a good reading still works; one without townId takes the topic's town
      await h.publish(leak(1, 1, { townId: undefined }));
      const [started] = await until('an instance', async () => {
        const items = await instances(h.client);
        return items.length === 1 ? items : undefined;
      });
      expect(started?.townId).toBe('qj-sj');
      expect(h.ingestion.stats.accepted).toBe(1);
    } finally {
      await h.ingestion.close();
    }
  });

  it.each([4, 5] as const)(
    'given the ingestion is closed, when a reading is published with QoS 1 and it starts again with the same clientId, then the reading arrives (MQTT protocol %i)',
    async (protocolVersion) => {
      const first = await harness({ mqttOptions: { protocolVersion } });
      await first.ingestion.close();
      await first.publish(leak(1, 1));
      const second = await startMqttIngestion({
        url: MQTT_URL,
        clientId: first.clientId,
        client: first.client,
        by: 'qj-sj-sensor',
        topicPrefix: first.prefix,
        mqttOptions: { protocolVersion },
        log: (m) => first.logs.push(m),
      });
      try {
        await until('the queued reading', async () =>
          (await instances(first.client)).length === 1 ? true : undefined,
        );
        expect(second.stats).toMatchObject({ messages: 1, accepted: 1, alerts: 1 });
      } finally {
        await second.close();
      }
    },
  );

  it('given the connection to the broker drops, then mqtt reconnects and readings flow again', async () => {
    // a TCP relay in front of the broker that can cut every connection
    const broker = new URL(MQTT_URL);
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((inbound) => {
      const outbound = net.connect(Number(broker.port || 1883), broker.hostname);
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const { port } = relay.address() as net.AddressInfo;
    const h = await harness({
      url: `mqtt://127.0.0.1:${port}`,
      mqttOptions: { reconnectPeriod: 200 },
    });
    try {
      for (const s of sockets) s.destroy();
      await until('the reconnect', () => (sockets.size > 0 ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      await h.publish(leak(1, 1));
      await until('an instance', async () =>
        (await instances(h.client)).length === 1 ? true : undefined,
      );
    } finally {
      await h.ingestion.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => relay.close(() => r(undefined)));
    }
  });

  it('refuses to start without a broker within connectTimeoutMs', async () => {
    const client = await deployedClient();
    const relay = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const { port } = relay.address() as net.AddressInfo;
    await expect(
      startMqttIngestion({
        url: `mqtt://127.0.0.1:${port}`,
        clientId: `${RUN}-nobroker`,
        client,
        by: 'qj-sj-sensor',
        connectTimeoutMs: 500,
        log: () => undefined,
      }),
    ).rejects.toThrow(/within 500 ms/);
    await new Promise((r) => relay.close(() => r(undefined)));
  });
});
