import type { Client, ReadingsResult } from '@zhizhi/core/client';
import { parseJsonStrict } from '@zhizhi/core/json';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { isMqttSegment, MQTT_SEGMENT_RULE } from './isMqttSegment.js';

/** A short reason in both languages. */
export interface MqttReason {
  zh: string;
  en: string;
}

/**
 * What an ingestion has seen since it started. Messages: `messages` handled (counted once
 * their readings went through `client.readings`), of which
 * `malformed` could not be read at all. Readings: `accepted` by the alert normaliser or
 * `refused` (wrong town, not an object, or refused by the client: invalid, duplicate, stale).
 * `alerts`: the scenario instances the alerts started or moved (successful results). `failed`:
 * readings whose `client.readings` call threw (the store was down, for instance).
 */
export interface MqttIngestionStats {
  messages: number;
  malformed: number;
  refused: number;
  accepted: number;
  alerts: number;
  failed: number;
}

/** Options of {@link startMqttIngestion}. */
export interface MqttIngestionOptions {
  /** The broker, e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  /**
   * A stable client id: with it the broker keeps the session (`clean: false`), so QoS 1
   * readings published while the ingestion was down are delivered when it comes back.
   */
  clientId: string;
  /** Where readings go. */
  client: Client;
  /** The sensor member readings are sent as, when {@link sensorMemberFor} names none. */
  by: string;
  /** The sensor member for one reading (e.g. `${reading.townId}-sensor`); `undefined`: {@link by}. */
  sensorMemberFor?: (reading: Readonly<Record<string, unknown>>) => string | undefined;
  /** The towns subscribed to (`{topicPrefix}/{town}/readings`); omitted: every town (`+`). */
  towns?: readonly string[];
  /** The first topic level (default `zhizhi`). */
  topicPrefix?: string;
  /**
   * A shared-subscription group (MQTT 5 / Mosquitto ≥ 1.6, EMQX): subscribe to
   * `$share/{sharedGroup}/{prefix}/{town}/readings`, so that the server processes of one group
   * each get a part of the messages and no message goes to two of them. Omitted: every
   * process subscribed gets every message. Readings of one device may then reach different
   * processes: de-duplication and hold-down are per process (docs/server.md, "Scaling out").
   */
  sharedGroup?: string;
  /** Largest message accepted, in bytes (default 256 KiB). */
  maxPayloadBytes?: number;
  /** Most readings in one message (default 1000). */
  maxReadingsPerMessage?: number;
  /** Deepest JSON nesting accepted (default 16). */
  maxDepth?: number;
  /** How long the first connection and subscription may take before the start fails (default 30 s). */
  connectTimeoutMs?: number;
  /** Where problems are written (default `console.warn`). */
  log?: (message: string) => void;
  /** Further `mqtt` options (credentials, TLS, `reconnectPeriod`…). `clientId` and `clean` are kept. */
  mqttOptions?: Omit<IClientOptions, 'clientId' | 'clean'>;
}

/** What {@link startMqttIngestion} returns. */
export interface MqttIngestion {
  /** Live counters (the same object is updated as messages arrive). */
  readonly stats: Readonly<MqttIngestionStats>;
  /** Finishes the message being handled, then disconnects cleanly (the broker keeps the session). */
  close(): Promise<void>;
}

/** Controls (C0 with tab and newline, DEL, C1), line separators, bidi overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** A string from the outside, safe to put in one log line. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

class Malformed extends Error {
  constructor(
    readonly code: string,
    readonly reason: MqttReason,
  ) {
    super(reason.en);
  }
}

/**
 * Subscribes (QoS 1, persistent session) to `{topicPrefix}/{town}/readings` on an MQTT broker
 * and hands the sensor readings published there to `client.readings`: each message is one
 * reading object or an array of readings, read as strict JSON (size- and depth-limited,
 * `__proto__` and duplicate keys refused); a reading's `townId` must be the topic's town (one
 * without it gets the topic's). Messages are handled one at a time, in arrival order, and
 * acknowledged after they are handled. A bad message is counted and logged (topic, zh/en
 * reason), never thrown. `mqtt` reconnects on its own when the broker goes away.
 *
 * Resolves once connected and subscribed; rejects (and disconnects) when that takes longer
 * than `connectTimeoutMs` or the broker refuses the subscription.
 *
 * @example
 * ```ts
 * const ingestion = await startMqttIngestion({
 *   url: 'mqtt://127.0.0.1:1883', clientId: 'zhizhi-ingest-qj', client, by: 'qj-sj-sensor',
 *   towns: ['qj-sj'], sensorMemberFor: (r) => (typeof r.townId === 'string' ? `${r.townId}-sensor` : undefined),
 * });
 * // … later
 * await ingestion.close();
 * ```
 */
export async function startMqttIngestion(options: MqttIngestionOptions): Promise<MqttIngestion> {
  const prefix = options.topicPrefix ?? 'zhizhi';
  const maxBytes = options.maxPayloadBytes ?? 256 * 1024;
  const maxReadings = options.maxReadingsPerMessage ?? 1000;
  const maxDepth = options.maxDepth ?? 16;
  const log = options.log ?? ((message: string) => console.warn(message));
  if (!isMqttSegment(prefix)) throw new RangeError(`topicPrefix must match ${MQTT_SEGMENT_RULE}`);
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new RangeError('clientId is required (a stable id keeps the session)');
  }
  const towns = options.towns ?? ['+'];
  if (towns.length === 0) throw new RangeError('towns must name at least one town');
  for (const town of towns) {
    if (town !== '+' && !isMqttSegment(town))
      throw new RangeError(`town ${quote(town)} is not a topic segment`);
  }
  const group = options.sharedGroup;
  if (group !== undefined && !isMqttSegment(group))
    throw new RangeError(`sharedGroup must match ${MQTT_SEGMENT_RULE}`);
  const topics = towns.map((town) =>
    group === undefined
      ? `${prefix}/${town}/readings`
      : `$share/${group}/${prefix}/${town}/readings`,
  );
  const stats: MqttIngestionStats = {
    messages: 0,
    malformed: 0,
    refused: 0,
    accepted: 0,
    alerts: 0,
    failed: 0,
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });

  /** One log line: control characters escaped (payload text never starts a new line), bounded. */
  const say = (line: string) => {
    const safe = line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    log(safe.length > 600 ? `${safe.slice(0, 600)}…` : safe);
  };
  const warn = (topic: string, code: string, reason: MqttReason) =>
    say(`[zhizhi mqtt] ${quote(topic)} ${code}: ${reason.zh} / ${reason.en}`);

  /** The town of a topic we subscribed to, or why it is not one. */
  function townOf(topic: string): string {
    const parts = topic.split('/');
    const town = parts[1];
    if (
      parts.length !== 3 ||
      parts[0] !== prefix ||
      parts[2] !== 'readings' ||
      !town ||
      !isMqttSegment(town)
    ) {
      throw new Malformed('mqtt.topic', {
        zh: `主题应为 ${prefix}/{镇街}/readings`,
        en: `the topic must be ${prefix}/{town}/readings`,
      });
    }
    return town;
  }

  function read(payload: Buffer): unknown[] {
    if (payload.length > maxBytes) {
      throw new Malformed('mqtt.tooLarge', {
        zh: `消息过大（${payload.length} 字节，上限 ${maxBytes}）`,
        en: `message too large (${payload.length} bytes, limit ${maxBytes})`,
      });
    }
    let text: string;
    try {
      text = decoder.decode(payload);
    } catch {
      throw new Malformed('mqtt.notUtf8', {
        zh: '消息不是有效的 UTF-8',
        en: 'message is not valid UTF-8',
      });
    }
    const parsed = parseJsonStrict(text, { maxDepth, maxDiagnostics: 1 });
    if (!parsed.ok) {
      const d = parsed.diagnostics[0];
      const at = d ? ` (${d.line}:${d.column})` : '';
      throw new Malformed(d?.code ?? 'json.invalid', {
        zh: `${d?.message.zh ?? 'JSON 无效'}${at}`,
        en: `${d?.message.en ?? 'invalid JSON'}${at}`,
      });
    }
    const value = parsed.value;
    const readings = Array.isArray(value) ? value : [value];
    if (
      readings.length === 0 ||
      (!Array.isArray(value) && (typeof value !== 'object' || value === null))
    ) {
      throw new Malformed('mqtt.shape', {
        zh: '消息应为一条读数（对象）或非空的读数数组',
        en: 'a message must be a reading (an object) or a non-empty array of readings',
      });
    }
    if (readings.length > maxReadings) {
      throw new Malformed('mqtt.tooMany', {
        zh: `一条消息最多 ${maxReadings} 条读数（收到 ${readings.length} 条）`,
        en: `at most ${maxReadings} readings in one message (got ${readings.length})`,
      });
    }
    return readings;
  }

  async function handle(topic: string, payload: Buffer): Promise<void> {
    let town: string;
    let readings: unknown[];
    try {
      town = townOf(topic);
      readings = read(payload);
    } catch (e) {
      stats.malformed += 1;
      if (e instanceof Malformed) warn(topic, e.code, e.reason);
      else warn(topic, 'mqtt.unreadable', { zh: '消息无法读取', en: 'message could not be read' });
      return;
    }
    // consecutive readings for the same member go to the client in one call, in order
    let batch: Record<string, unknown>[] = [];
    let batchBy = '';
    const refusals: { code: string; reason: MqttReason }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      let result: ReadingsResult;
      try {
        result = await options.client.readings(batchBy, sent);
      } catch (e) {
        // acknowledged anyway: the normaliser has seen these seqs, a redelivery would be dropped
        stats.failed += sent.length;
        const why = e instanceof Error ? e.message : String(e);
        warn(topic, 'mqtt.clientFailed', {
          zh: `处理 ${sent.length} 条读数时出错：${quote(why)}`,
          en: `handling ${sent.length} readings failed: ${quote(why)}`,
        });
        return;
      }
      stats.accepted += result.accepted;
      stats.refused += result.refused.length;
      for (const r of result.refused) refusals.push({ code: r.code, reason: r.message });
      for (const r of result.results) if (r.ok) stats.alerts += 1;
    };
    for (const raw of readings) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        stats.refused += 1;
        refusals.push({
          code: 'mqtt.notObject',
          reason: { zh: '读数应为对象', en: 'a reading must be an object' },
        });
        continue;
      }
      let reading = raw as Record<string, unknown>;
      if (reading.townId === undefined) reading = { ...reading, townId: town };
      else if (reading.townId !== town) {
        stats.refused += 1;
        refusals.push({
          code: 'mqtt.wrongTown',
          reason: {
            zh: `读数的 townId ${quote(reading.townId)} 与主题的镇街 ${quote(town)} 不符`,
            en: `the reading's townId ${quote(reading.townId)} is not the topic's town ${quote(town)}`,
          },
        });
        continue;
      }
      let by = options.by;
      try {
        by = options.sensorMemberFor?.(reading) ?? options.by;
      } catch {
        // a throwing mapping falls back to the default member
      }
      if (batch.length > 0 && by !== batchBy) await flush();
      batchBy = by;
      batch.push(reading);
    }
    await flush();
    const first = refusals[0];
    if (first) {
      const more = refusals.length > 1 ? ` (+${refusals.length - 1})` : '';
      warn(topic, first.code, { zh: `${first.reason.zh}${more}`, en: `${first.reason.en}${more}` });
    }
  }

  const extra = options.mqttOptions ?? {};
  const mqttClient: MqttClient = mqtt.connect(options.url, {
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...extra,
    // MQTT 5 ends a session at disconnect unless it is given an expiry: keep it a week
    ...(extra.protocolVersion === 5
      ? { properties: { sessionExpiryInterval: 7 * 24 * 3600, ...extra.properties } }
      : {}),
    clientId: options.clientId,
    clean: false,
  });
  let busy: Promise<void> = Promise.resolve();
  let closed = false;
  // mqtt waits for the callback before it reads the next packet and acknowledges (PUBACK) then
  mqttClient.handleMessage = (packet, callback) => {
    // after close: neither handled nor acknowledged, so the broker delivers it next session
    if (closed) return undefined;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    busy = handle(packet.topic, payload)
      .catch((e) => {
        stats.failed += 1;
        warn(packet.topic, 'mqtt.internal', {
          zh: `内部错误：${quote(e instanceof Error ? e.message : e)}`,
          en: `internal error: ${quote(e instanceof Error ? e.message : e)}`,
        });
      })
      .finally(() => {
        stats.messages += 1;
        callback();
      });
    return undefined;
  };
  let lastError = '';
  mqttClient.on('error', (e) => {
    // mqtt reconnects by itself; say it once per distinct error
    if (e.message === lastError) return;
    lastError = e.message;
    log(
      `[zhizhi mqtt] ${quote(options.url)} mqtt.connection: 连接出错 / connection error: ${quote(e.message)}`,
    );
  });
  mqttClient.on('connect', () => {
    lastError = '';
  });

  const close = async () => {
    if (closed) return;
    closed = true;
    await busy;
    await mqttClient.endAsync();
  };

  const timeoutMs = options.connectTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        if (!mqttClient.connected) {
          await new Promise<void>((resolve) => mqttClient.once('connect', () => resolve()));
        }
        const granted = await mqttClient.subscribeAsync(topics, { qos: 1 });
        const bad = granted.find((g) => g.qos !== 1 && g.qos !== 0);
        if (bad) throw new Error(`the broker refused the subscription to ${bad.topic}`);
        for (const g of granted.filter((x) => x.qos === 0)) {
          warn(g.topic, 'mqtt.qos0', {
            zh: '代理只给了 QoS 0：断线期间的读数会丢失',
            en: 'the broker granted QoS 0 only: readings published while disconnected are lost',
          });
        }
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no MQTT connection to ${options.url} within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (e) {
    closed = true;
    await mqttClient.endAsync(true).catch(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { stats, close };
}
