import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { Directory } from '@zhizhi/core';
import { LocalClient, type LocalClientOptions } from '@zhizhi/core/client';
import type { Store } from '@zhizhi/core/runtime';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { memoryPhotoStore, type PhotoStore, pgPhotoStore } from '../photos/PhotoStore.js';
import { type AccessLog, memoryAccessLog } from '../privacy/AccessLog.js';
import { createMasker } from '../privacy/createMasker.js';
import { pgAccessLog } from '../privacy/pgAccessLog.js';
import { PgStore } from '../store/PgStore.js';
import { type AuthOptions, createVerifier, scopeOf } from './auth.js';
import { type Ctx, maybeCaller, setCaller } from './context.js';
import { docsPage } from './docsPage.js';
import { apiError, fail, HttpError, toApiError } from './errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { caseRoutes } from './routes/cases.js';
import { casesExportRoute } from './routes/casesExport.js';
import { checkInRoutes } from './routes/checkIns.js';
import { feedRoutes, type StreamOptions } from './routes/feed.js';
import { miscRoutes } from './routes/misc.js';
import { open311Routes } from './routes/open311.js';
import { photoRoutes } from './routes/photos.js';
import { privacyRoutes } from './routes/privacy.js';
import { scenarioRoutes } from './routes/scenarios.js';

/** A rate limit: at most `max` requests per `timeWindow` ms, per caller (or per IP). */
export interface RateLimit {
  max: number;
  timeWindow: number;
}

/**
 * Options of {@link createServer}. Give a `client` (a `LocalClient` you built), or the parts
 * of one: `directory` (or the org), `store` (a `PgStore`, or any core `Store`), SLA policy,
 * duty lists, clock.
 */
export interface CreateServerOptions
  extends Partial<Omit<LocalClientOptions, 'directory' | 'store'>> {
  client?: LocalClient;
  directory?: Directory | ConstructorParameters<typeof Directory>[0];
  store?: Store;
  auth?: AuthOptions;
  /** `POST /api/demo/token` hands out a token for any member. Never in production. */
  demo?: boolean;
  /** Origins allowed to call the API from a browser (none by default). */
  cors?: { origins: (string | RegExp)[] };
  /** Limits of `POST /api/cases` and `POST /api/demo/token`; `false` turns them off. */
  rateLimit?: false | { reports?: RateLimit; demoToken?: RateLimit };
  /** The largest request body, bytes (default 1 MB; scenario deploys 4 MB). */
  bodyLimit?: number;
  stream?: StreamOptions;
  /** How often the server fires due timers and delivers hand-offs, ms (0: never; default 1000). */
  tickMs?: number;
  logger?: FastifyServerOptions['logger'];
  /** Where unmasking personal data is recorded (default: the `access_log` table of a `PgStore`, else memory). */
  accessLog?: AccessLog;
  /** Where uploaded photos are kept (default: the `photos` table of a `PgStore`, else memory). */
  photos?: PhotoStore;
  /** The largest photo `POST /api/photos` takes, bytes (default 5 MB). */
  photoLimitBytes?: number;
  trustProxy?: FastifyServerOptions['trustProxy'];
}

/** The Fastify app {@link createServer} builds, with the client it serves. */
export type ZhizhiServer = FastifyInstance & {
  readonly zhizhi: {
    client: LocalClient;
    /** How many SSE streams are open now. */
    openStreams(): number;
  };
};

/**
 * The zhizhi HTTP API: a Fastify 5 app over a core `LocalClient`. Every route's request and
 * response is one zod schema, so the OpenAPI 3.1 document (`GET /api/openapi.json`) is what
 * the routes check. Callers authenticate with a bearer JWT whose `sub` is a member of the org;
 * what they may see and do comes from the org directory.
 *
 * @example
 * ```ts
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { createServer, PgStore, pgliteDriver } from '@zhizhi/server';
 * const store = await PgStore.open(await pgliteDriver('./data'));
 * const app = await createServer({ directory: sampleOrg, store, auth: { secret: process.env.ZHIZHI_JWT_SECRET } });
 * await app.listen({ port: 8080 });
 * ```
 */
export async function createServer(options: CreateServerOptions = {}): Promise<ZhizhiServer> {
  const client = options.client ?? buildClient(options);
  const directory = client.engine.directory;
  const demo = options.demo === true;
  const verifier = createVerifier(options.auth ?? {}, demo);
  const limits =
    options.rateLimit === false
      ? { reports: false as const, demoToken: false as const }
      : {
          reports: options.rateLimit?.reports ?? { max: 60, timeWindow: 60_000 },
          demoToken: options.rateLimit?.demoToken ?? { max: 20, timeWindow: 60_000 },
        };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 300 },
  });
  // JSON only: a text/plain body gets 415, not a string to validate
  app.removeContentTypeParser('text/plain');
  // strict JSON whose prototype-poisoning keys are refused with their path
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'zhizhi (智治) API',
        version: '0.1.0',
        description:
          'Cases (事件), scenario instances (一件事), the change feed and the org of a zhizhi server. Every error is `{ code, message: { zh, en }, path?, params? }`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  if (options.cors) {
    await app.register(cors, {
      origin: options.cors.origins,
      methods: ['GET', 'POST', 'PUT'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'If-Match',
        'Last-Event-ID',
      ],
      exposedHeaders: ['Location', 'ETag', 'Idempotent-Replayed'],
      maxAge: 600,
    });
  }
  await app.register(rateLimit, {
    global: false,
    // route-level hooks run after the authentication hook: a member is limited as a member
    keyGenerator: (req) => {
      const member = maybeCaller(req)?.member.id;
      return member ? `member:${member}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(
        429,
        apiError('request.rateLimited', { retryAfter: Math.ceil(ctx.ttl / 1000) }),
      ),
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'no-store');
    const config = req.routeOptions.config as { public?: boolean } | undefined;
    if (req.method === 'OPTIONS' || !req.routeOptions.url || config?.public) return;
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]{10,8192})\s*$/i.exec(header) : null;
    if (!m?.[1]) fail(401, 'auth.missing');
    const sub = await verifier.verify(m[1]);
    const member = directory.member(sub);
    if (!member || member.role === 'system') fail(401, 'auth.unknownMember');
    setCaller(req, { member, scope: scopeOf(directory, member) });
  });

  app.setErrorHandler((error, req, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
    if (status === 429) reply.header('Retry-After', String(body.params?.retryAfter ?? 60));
    reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((_req, reply) => {
    reply.code(404).send(apiError('route.notFound'));
  });

  const store = client.engine.store;
  const accessLog =
    options.accessLog ?? (store instanceof PgStore ? pgAccessLog(store.driver) : memoryAccessLog());
  const ctx: Ctx = {
    client,
    directory,
    masker: createMasker(client),
    accessLog,
  };
  caseRoutes(app, ctx, limits.reports);
  casesExportRoute(app, ctx);
  const streams = feedRoutes(app, ctx, options.stream ?? {});
  scenarioRoutes(app, ctx);
  miscRoutes(app, ctx, verifier, { demo, demoLimit: limits.demoToken });
  open311Routes(app, ctx, limits.reports);
  privacyRoutes(app, ctx);
  checkInRoutes(app, ctx);
  const photos =
    options.photos ?? (store instanceof PgStore ? pgPhotoStore(store.driver) : memoryPhotoStore());
  photoRoutes(app, ctx, photos, options.photoLimitBytes ?? 5 * 1024 * 1024);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/docs',
    { schema: { hide: true }, config: { public: true } },
    async (_req, reply) => {
      reply
        .header(
          'Content-Security-Policy',
          "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )
        .type('text/html; charset=utf-8')
        .send(docsPage(app.swagger() as never));
    },
  );

  const tickMs = options.tickMs ?? 1000;
  let ticking: ReturnType<typeof setInterval> | undefined;
  if (tickMs > 0) {
    let busy = false;
    ticking = setInterval(() => {
      if (busy) return;
      busy = true;
      client
        .tick()
        .catch((err: unknown) => app.log.error({ err }, 'tick failed'))
        .finally(() => {
          busy = false;
        });
    }, tickMs);
    ticking.unref();
  }
  app.addHook('onClose', async () => {
    if (ticking) clearInterval(ticking);
    if (!options.client) await client.close();
  });

  app.decorate('zhizhi', { client, openStreams: streams.count });
  return app as unknown as ZhizhiServer;
}

function buildClient(options: CreateServerOptions): LocalClient {
  const { directory, store, client: _c, auth: _a, demo: _d, cors: _co, rateLimit: _r } = options;
  if (!directory) throw new Error('zhizhi server: give a client or a directory');
  return new LocalClient({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.slaPolicy ? { slaPolicy: options.slaPolicy } : {}),
    ...(options.dutyLists ? { dutyLists: options.dutyLists } : {}),
    ...(options.holdDownMs !== undefined ? { holdDownMs: options.holdDownMs } : {}),
    ...(options.claimant ? { claimant: options.claimant } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
    // the cases this process last committed or read: an event to one needs no read (decision 0019)
    recentRecords: options.recentRecords ?? 10_000,
    directory: directory instanceof Directory ? directory : new Directory(directory),
    ...(store ? { store } : {}),
  });
}
