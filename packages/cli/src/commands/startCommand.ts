import type { Lang } from '@zhizhi/core';
import { say } from '../cliMessages.js';
import { findUiPages } from '../findUiPages.js';
import type { Io } from '../Io.js';

/** What `zhizhi start` was given (each `undefined`: the server's default). */
export interface StartCommandOptions {
  lang: Lang;
  /** Whether `--lang` was given: then the server prints in that language only, else in both. */
  langGiven: boolean;
  port: string | undefined;
  host: string | undefined;
  data: string | undefined;
  databaseUrl: string | undefined;
  mqtt: string | undefined;
  /** `--mqtt-client-id`: the client id, which keeps the broker's persistent session. */
  mqttClientId?: string | undefined;
  /** `--mqtt-prefix`: the topic prefix (`<prefix>/<town>/readings`). */
  mqttPrefix?: string | undefined;
  /** `--mqtt-group`: a shared subscription group (`$share/<group>/…`). */
  mqttGroup?: string | undefined;
  /** `--cors`: comma-separated origins allowed to call the API from a browser. */
  cors?: string | undefined;
  org: string | undefined;
  demo: boolean | undefined;
  simulateSensors: boolean;
}

/**
 * `zhizhi start`: runs `startServer` from `@zhizhi/server` (loaded only for this command, so
 * `validate`, `compile` and `simulate` stay quick) until SIGTERM or SIGINT, then shuts it down
 * gracefully and returns 0. A database from newer code (`SchemaTooNew`), a bad org file or a
 * busy port prints the reason in the chosen language and returns 1; a bad `--port` returns 2.
 *
 * @example
 * ```ts
 * import { startCommand } from './commands/startCommand.js';
 * // await startCommand(io, { lang: 'en', langGiven: true, port: '0', data: '/tmp/z', … }) → 0 after SIGTERM
 * ```
 */
export async function startCommand(io: Io, options: StartCommandOptions): Promise<number> {
  const { lang } = options;
  let port: number | undefined;
  if (options.port !== undefined) {
    port = /^\d{1,5}$/.test(options.port) ? Number(options.port) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) {
      io.err(say('badPort', lang, { value: options.port }));
      return 2;
    }
  }
  let corsOrigins: string[] | undefined;
  if (options.cors !== undefined) {
    corsOrigins = parseOrigins(options.cors);
    if (!corsOrigins) {
      io.err(say('badCors', lang, { value: options.cors.slice(0, 200) }));
      return 2;
    }
  }
  // @zhizhi/server is an optional peer: validate, compile and simulate need none of it
  let server: typeof import('@zhizhi/server');
  try {
    server = await import('@zhizhi/server');
  } catch {
    io.err(say('needServer', lang));
    return 2;
  }
  // the MQTT names: only with --mqtt, and each one segment of a topic (the server's own rule)
  for (const [option, value] of [
    ['--mqtt-client-id', options.mqttClientId],
    ['--mqtt-prefix', options.mqttPrefix],
    ['--mqtt-group', options.mqttGroup],
  ] as const) {
    if (value === undefined) continue;
    if (options.mqtt === undefined) {
      io.err(say('mqttOptionWithoutMqtt', lang, { option }));
      return 2;
    }
    if (!server.isMqttSegment(value)) {
      io.err(say('badMqttName', lang, { option, value: JSON.stringify(value.slice(0, 200)) }));
      return 2;
    }
  }
  try {
    const started = await server.startServer({
      ...(port !== undefined ? { port } : {}),
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.data !== undefined ? { dataDir: options.data } : {}),
      ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.mqtt !== undefined ? { mqttUrl: options.mqtt } : {}),
      ...(options.mqttClientId !== undefined ? { mqttClientId: options.mqttClientId } : {}),
      ...(options.mqttPrefix !== undefined ? { mqttTopicPrefix: options.mqttPrefix } : {}),
      ...(options.mqttGroup !== undefined ? { mqttSharedGroup: options.mqttGroup } : {}),
      ...(corsOrigins ? { corsOrigins } : {}),
      ...(options.org !== undefined ? { orgFile: options.org } : {}),
      ...(options.demo !== undefined ? { demo: options.demo } : {}),
      simulateSensors: options.simulateSensors,
      pages: findUiPages(import.meta.url),
      lang: options.langGiven ? lang : 'both',
      log: (line) => io.out(line),
      handleSignals: true,
    });
    await started.closed;
    return 0;
  } catch (error) {
    if (error instanceof server.SchemaTooNew || error instanceof server.StartError) {
      io.err(lang === 'en' ? error.en : error.zh);
      return 1;
    }
    const why = error instanceof Error ? error.message : String(error);
    io.err(say('startFailed', lang, { why }));
    return 1;
  }
}

/**
 * `--cors`'s origins: each exactly `http(s)://host[:port]` (what a browser sends in `Origin`),
 * or `undefined` when one is not.
 */
function parseOrigins(text: string): string[] | undefined {
  const origins = text.split(',').map((o) => o.trim());
  if (origins.length === 0 || origins.length > 50) return undefined;
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return undefined;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
      return undefined;
    }
  }
  return origins;
}
