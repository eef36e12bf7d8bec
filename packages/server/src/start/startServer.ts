import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { Directory, type Lang, type Org } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { checkConfig } from '@zhizhi/core/config';
import { builtInScenarios, sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import type { AuthOptions } from '../http/auth.js';
import { createServer, type ZhizhiServer } from '../http/createServer.js';
import { type MqttIngestion, startMqttIngestion } from '../mqtt/startMqttIngestion.js';
import { type Driver, pgDriver, pgliteDriver } from '../store/driver.js';
import { migrations } from '../store/migrations/index.js';
import { migrate, PgStore } from '../store/PgStore.js';
import { DEMO_CSP, demoCss, demoFavicon, demoHtml, demoJs } from './demoAssets.js';
import { createSensorSimulator, type SensorSimulator } from './sensorSimulator.js';
import { type ServedFolder, serveFolder } from './serveFolder.js';

/** Options of {@link startServer}; every one has a default, so `startServer()` runs the demo. */
export interface StartServerOptions {
  /** Default 8141; 0 picks a free port (the printed URL has the real one). */
  port?: number;
  /** Default `127.0.0.1` (this machine only). */
  host?: string;
  /** The data folder: the PGlite database (`pg/`) and the demo JWT secret (default `./.zhizhi/data`). */
  dataDir?: string;
  /** A PostgreSQL server instead of PGlite (default: env `DATABASE_URL`). */
  databaseUrl?: string;
  /** An org JSON file (checked with `checkConfig`); default: the sample org. */
  orgFile?: string;
  /** Demo mode: `POST /api/demo/token` and the demo page (default: on for the sample org only). */
  demo?: boolean;
  /** The HS256 secret (default env `ZHIZHI_JWT_SECRET`; in demo mode without one: `jwt-secret` in the data folder). */
  jwtSecret?: string;
  /** Further auth settings (an SSO key set: `jwksUrl`, `issuer`, `audience`). */
  auth?: Omit<AuthOptions, 'secret'>;
  /** Origins allowed to call the API from a browser (CORS), e.g. a portal on its own domain. */
  corsOrigins?: string[];
  /** An MQTT broker to ingest sensor readings from (`{prefix}/{town}/readings`, QoS 1). */
  mqttUrl?: string;
  /** The MQTT client id (a stable one keeps the broker session; default `zhizhi-server`). */
  mqttClientId?: string;
  /** The first MQTT topic level (`{prefix}/{town}/readings`; default `zhizhi`). */
  mqttTopicPrefix?: string;
  /**
   * An MQTT shared-subscription group (e.g. `zhizhi`): the processes started with the same
   * group share the readings (`$share/{group}/{prefix}/+/readings`), each message to one.
   */
  mqttSharedGroup?: string;
  /** Start the sensor simulator at once (default off; demo mode can turn it on over HTTP). */
  simulateSensors?: boolean;
  /** How often the simulator feeds a round of readings, ms (default 15 s). */
  simulatorIntervalMs?: number;
  /** Language of the printed lines: one, or both (default). */
  lang?: Lang | 'both';
  /** Where progress lines go (default `console.log`). */
  log?: (line: string) => void;
  /** Close on SIGTERM and SIGINT (default false; `zhizhi start` turns it on). */
  handleSignals?: boolean;
  /** How long `close()` waits for in-flight requests before cutting connections, ms (default 10 s). */
  shutdownGraceMs?: number;
  /** How often due timers fire, ms (default 1000). */
  tickMs?: number;
  /**
   * Static UI folders to serve on the same origin (a UI package's build, an example page), each
   * under its `mount` with the strict CSP; their URLs are printed at start. Default none:
   * `zhizhi start` passes the ones that are installed (widgets, designer, the portal example).
   */
  pages?: ServedFolder[];
}

/** What {@link startServer} returns. */
export interface StartedServer {
  /** The base URL, e.g. `http://127.0.0.1:8141`. */
  readonly url: string;
  readonly app: ZhizhiServer;
  readonly simulator: SensorSimulator;
  /** Stops accepting, finishes in-flight requests, closes SSE streams, MQTT and the store. */
  close(): Promise<void>;
  /** Settles once the server has closed (by `close()` or a signal). */
  readonly closed: Promise<void>;
}

/** A start-up problem, in both languages (`message` holds both). */
export class StartError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'StartError';
  }
}

/** Reads (or, the first time, writes with mode 0600) the demo JWT secret of a data folder. */
function demoSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length >= 32) return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // another process wrote it first: use theirs
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function loadOrg(orgFile: string): Org {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(orgFile, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new StartError(
      `无法读取组织文件 ${orgFile}：${why}`,
      `Cannot read the org file ${orgFile}: ${why}`,
    );
  }
  const problems = checkConfig({ org: doc });
  if (problems.length > 0) {
    const at = (d: (typeof problems)[number]) => d.path.join('.');
    throw new StartError(
      `组织文件 ${orgFile} 无效：${problems
        .slice(0, 3)
        .map((d) => `${at(d)}：${d.message.zh}`)
        .join('；')}`,
      `The org file ${orgFile} is invalid: ${problems
        .slice(0, 3)
        .map((d) => `${at(d)}: ${d.message.en}`)
        .join('; ')}`,
    );
  }
  return doc as Org;
}

/**
 * Starts a zhizhi server the way `zhizhi start` does: opens the store (PGlite in the data
 * folder, or PostgreSQL at `databaseUrl`), applying and printing migrations; loads the org;
 * deploys the five built-in scenarios once; serves the HTTP API (and, in demo mode, the demo
 * page at `/`); optionally ingests MQTT readings and simulates sensors.
 *
 * ```text
 * import { startServer } from '@zhizhi/server';
 * const server = await startServer({ port: 0, dataDir: './.zhizhi/data' });
 * console.log(server.url);
 * await server.close();
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const lang = options.lang ?? 'both';
  const print = options.log ?? ((line: string) => console.log(line));
  const say = (zh: string, en: string) =>
    print(lang === 'zh-CN' ? zh : lang === 'en' ? en : `${zh} / ${en}`);
  const dataDir = resolve(options.dataDir ?? './.zhizhi/data');
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const sampleOrgInUse = options.orgFile === undefined;
  const demo = options.demo ?? sampleOrgInUse;

  // the org first: a bad file stops us before anything is opened
  const org = options.orgFile !== undefined ? loadOrg(options.orgFile) : sampleOrg;
  const directory = new Directory(org);
  mkdirSync(dataDir, { recursive: true });

  // the store
  let driver: Driver;
  if (databaseUrl) {
    driver = pgDriver(databaseUrl);
    say('数据库：PostgreSQL（--database-url）', 'Database: PostgreSQL (--database-url)');
  } else {
    const dir = join(dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
    driver = await pgliteDriver(dir);
    say(`数据库：PGlite，位于 ${dir}`, `Database: PGlite in ${dir}`);
  }
  let store: PgStore;
  try {
    const { from, to } = await migrate(driver);
    for (const m of migrations) {
      if (m.version > from && m.version <= to)
        say(
          `已执行数据库迁移 ${String(m.version).padStart(4, '0')} ${m.name}`,
          `Applied migration ${String(m.version).padStart(4, '0')} ${m.name}`,
        );
    }
    if (from === to)
      say(
        `数据库结构版本 ${to}，无需迁移`,
        `Database schema at version ${to}, no migration needed`,
      );
    store = await PgStore.open(driver);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }

  const client = new LocalClient({
    directory,
    store,
    ...(sampleOrgInUse ? { slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists } : {}),
  });
  // undone last first: the app, then the client, then the store
  const cleanups: (() => Promise<void>)[] = [async () => store.close(), async () => client.close()];
  const unwind = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
  };

  try {
    // the built-in scenarios, once
    const deployer = org.members.find((m) =>
      ['system', 'cityOperator', 'commander', 'dutyOfficer'].includes(m.role),
    );
    let deployed = 0;
    let present = 0;
    for (const doc of builtInScenarios) {
      if (await client.definition(doc.id, doc.version)) {
        present += 1;
        continue;
      }
      if (!deployer) break;
      const out = await client.deploy(doc, deployer.id);
      if (out.ok) deployed += 1;
      else {
        const d = out.diagnostics[0];
        say(
          `内置场景 ${doc.id} 未部署：${d?.message.zh ?? ''}`,
          `Built-in scenario ${doc.id} not deployed: ${d?.message.en ?? ''}`,
        );
      }
    }
    say(
      `内置场景：新部署 ${deployed} 个，已有 ${present} 个`,
      `Built-in scenarios: ${deployed} deployed now, ${present} already there`,
    );

    // the secret
    let secret = options.jwtSecret ?? process.env.ZHIZHI_JWT_SECRET;
    if (secret === undefined && demo) secret = demoSecret(dataDir);
    if (secret === undefined && !options.auth?.jwksUrl && !options.auth?.jwks)
      throw new StartError(
        '请设置 ZHIZHI_JWT_SECRET（至少 32 字节），或以演示模式启动',
        'Set ZHIZHI_JWT_SECRET (at least 32 bytes), or start in demo mode',
      );

    const app = await createServer({
      client,
      demo,
      auth: { ...options.auth, ...(secret !== undefined ? { secret } : {}) },
      ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
      ...(options.corsOrigins?.length ? { cors: { origins: options.corsOrigins } } : {}),
    });
    let appClosing: Promise<void> | undefined;
    const closeApp = () => {
      appClosing ??= app.close().then(() => {});
      return appClosing;
    };
    cleanups.push(closeApp);

    const simulator = createSensorSimulator({
      client,
      directory,
      ...(options.simulatorIntervalMs !== undefined
        ? { intervalMs: options.simulatorIntervalMs }
        : {}),
      log: print,
    });

    // SSE streams are hijacked by their route: remember them to end them on shutdown
    const streams = new Set<ServerResponse>();
    app.server.on('request', (req, res) => {
      if (req.url?.startsWith('/api/stream')) {
        streams.add(res);
        res.on('close', () => streams.delete(res));
      }
    });

    if (demo) demoRoutes(app, directory, simulator, options.pages ?? []);
    for (const page of options.pages ?? []) serveFolder(app, page);

    const port = options.port ?? 8141;
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port, host });
    const address = app.server.address();
    const realPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    const url = `http://${shownHost}:${realPort}`;

    let mqtt: MqttIngestion | undefined;
    const mqttPrefix = options.mqttTopicPrefix ?? 'zhizhi';
    const mqttTopic = `${options.mqttSharedGroup !== undefined ? `$share/${options.mqttSharedGroup}/` : ''}${mqttPrefix}/+/readings`;
    if (options.mqttUrl) {
      mqtt = await startMqttIngestion({
        url: options.mqttUrl,
        clientId: options.mqttClientId ?? 'zhizhi-server',
        topicPrefix: mqttPrefix,
        ...(options.mqttSharedGroup !== undefined ? { sharedGroup: options.mqttSharedGroup } : {}),
        client,
        by: org.members.find((m) => m.role === 'sensor')?.id ?? 'sensor',
        sensorMemberFor: (r) => {
          const id = typeof r.townId === 'string' ? `${r.townId}-sensor` : undefined;
          return id && directory.member(id)?.role === 'sensor' ? id : undefined;
        },
        log: print,
      });
      say(
        `MQTT：已订阅 ${options.mqttUrl} 上的 ${mqttTopic}（QoS 1）`,
        `MQTT: subscribed to ${mqttTopic} on ${options.mqttUrl} (QoS 1)`,
      );
    }
    if (options.simulateSensors) {
      simulator.start();
      say('传感器模拟器已开启', 'Sensor simulator on');
    }

    say(`智治服务器已启动：${url}`, `zhizhi server listening on ${url}`);
    if (demo) {
      say(`演示页面：${url}/`, `Demo page: ${url}/`);
      say(
        `演示令牌：POST ${url}/api/demo/token {"memberId":"qj-sj-duty"}（仅演示，切勿用于生产）`,
        `Demo tokens: POST ${url}/api/demo/token {"memberId":"qj-sj-duty"} (demo only, never in production)`,
      );
    }
    for (const page of options.pages ?? []) {
      if (page.title)
        say(`${page.title.zh}：${url}${page.mount}/`, `${page.title.en}: ${url}${page.mount}/`);
    }
    say(`API 文档：${url}/api/docs`, `API docs: ${url}/api/docs`);
    say(`OpenAPI：${url}/api/openapi.json`, `OpenAPI: ${url}/api/openapi.json`);
    say('按 Ctrl+C 停止', 'Press Ctrl+C to stop');

    let settle: () => void = () => {};
    const closed = new Promise<void>((r) => {
      settle = r;
    });
    let closing: Promise<void> | undefined;
    const graceMs = options.shutdownGraceMs ?? 10_000;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) return;
      say(`收到 ${signal}，正在停止…`, `${signal} received, stopping…`);
      void close();
    };
    const close = () => {
      closing ??= (async () => {
        if (options.handleSignals) {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        }
        simulator.stop();
        await mqtt?.close().catch(() => {});
        // stop accepting and let in-flight requests finish; end the SSE streams meanwhile
        const stopping = closeApp();
        for (const res of streams) res.end();
        // a keep-alive connection whose request finishes is let go at once, not after its timeout
        const idle = setInterval(() => app.server.closeIdleConnections(), 100);
        const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
        cut.unref();
        await stopping;
        clearInterval(idle);
        clearTimeout(cut);
        await unwind();
        say('已停止', 'Stopped');
        settle();
      })();
      return closing;
    };
    if (options.handleSignals) {
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    }
    return { url, app, simulator, close, closed };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/** The demo page and the demo-only endpoints (member list, sensor simulator switch). */
function demoRoutes(
  app: ZhizhiServer,
  directory: Directory,
  simulator: SensorSimulator,
  pages: readonly ServedFolder[],
) {
  const asset = (path: string, type: string, body: string) =>
    app.get(path, { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
      reply
        .header('Content-Security-Policy', DEMO_CSP)
        .header('Referrer-Policy', 'no-referrer')
        .type(type)
        .send(body);
    });
  // links to the UI pages served beside the demo, escaped like any text put into HTML
  const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const links = pages
    .filter((p) => p.title)
    .map(
      (p) =>
        `<a href="${esc(encodeURI(p.mount))}/">${esc(`${p.title?.zh} / ${p.title?.en}`)}</a> · `,
    )
    .join('');
  asset('/', 'text/html; charset=utf-8', demoHtml.replace('<!--pages-->', links));
  asset('/favicon.svg', 'image/svg+xml', demoFavicon);
  asset('/demo.js', 'text/javascript; charset=utf-8', demoJs);
  asset('/demo.css', 'text/css; charset=utf-8', demoCss);

  app.get('/api/demo/members', { schema: { hide: true }, config: { public: true } }, async () => ({
    // ids, roles and places only: names are personal data
    members: directory.org.members
      .filter((m) => m.role !== 'system')
      .map((m) => ({ id: m.id, role: m.role, unitId: m.unitId })),
  }));
  app.get('/api/demo/simulator', { schema: { hide: true } }, async () => ({
    on: simulator.on,
    ...simulator.stats,
  }));
  app.post('/api/demo/simulator', { schema: { hide: true } }, async (req, reply) => {
    const body = req.body as { on?: unknown } | undefined;
    if (typeof body?.on !== 'boolean') {
      return reply.code(400).send({
        code: 'request.invalid',
        message: { zh: '请求体须为 {"on": true|false}', en: 'The body must be {"on": true|false}' },
        path: ['body', 'on'],
      });
    }
    if (body.on) simulator.start();
    else simulator.stop();
    return { on: simulator.on, ...simulator.stats };
  });
}
