import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Change, ChangeFilter } from '@zhizhi/core/runtime';
import { FeedGap } from '@zhizhi/core/runtime';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seesTown } from '../auth.js';
import { type Caller, type Ctx, caller } from '../context.js';
import { createFeedHub } from '../createFeedHub.js';
import { fail } from '../errors.js';
import { changeSchema, errors, feedQuery } from '../schemas.js';

export interface StreamOptions {
  /** A comment line every so often so that proxies keep the stream open. Default 15 s. */
  heartbeatMs?: number;
  /** How often a stream asks the store for new changes. Default 500 ms. */
  pollMs?: number;
  /** The client's reconnection delay (`retry:`). Default 2 s. */
  retryMs?: number;
}

/** The feed filter of a caller (undefined: nothing to read), or 403 for a town out of scope. */
function feedFilter(
  c: Caller,
  town: string | undefined,
  kind: string | undefined,
): ChangeFilter | undefined {
  if (town !== undefined && !seesTown(c.scope, town))
    fail(403, 'auth.outsideScope', {}, ['querystring', 'town']);
  const k = c.scope.ownCasesOnly ? 'case' : kind;
  if (c.scope.ownCasesOnly && kind === 'scenario') return undefined;
  const towns = town !== undefined ? [town] : c.scope.towns;
  if (towns !== 'all' && towns.length === 0) return undefined;
  return {
    ...(towns !== 'all' ? { townId: towns } : {}),
    ...(k !== undefined ? { kind: k } : {}),
  };
}

/** A resident's view of the feed: the changes of the cases they reported. */
function ownCases(ctx: Ctx, c: Caller) {
  const reporters = new Map<string, string | undefined>();
  return async (change: Change): Promise<boolean> => {
    if (!c.scope.ownCasesOnly) return true;
    if (change.kind !== 'case') return false;
    if (!reporters.has(change.instanceId)) {
      const record = await ctx.client.getCase(change.instanceId);
      reporters.set(change.instanceId, record?.context.reporterId);
    }
    return reporters.get(change.instanceId) === c.member.id;
  };
}

export function feedRoutes(
  app: FastifyInstance,
  ctx: Ctx,
  options: StreamOptions,
): { count(): number } {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const pollMs = options.pollMs ?? 500;
  const retryMs = options.retryMs ?? 2000;
  const open = new Set<ServerResponse>();
  // one poll of the store per interval for every stream of this server
  const hub = createFeedHub(
    {
      changesSince: (since, filter, limit) => ctx.client.changesSince(since, filter, limit),
      lastSeq: () => ctx.client.engine.store.lastSeq(),
    },
    { pollMs, onError: (err) => app.log.error({ err }, 'change feed poll failed') },
  );
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  r.get(
    '/api/changes',
    {
      schema: {
        summary: 'Committed changes after `since` that the caller may see, in commit order',
        description:
          '`cursor` is the last sequence number read: ask again from it to miss nothing and see nothing twice.',
        tags: ['feed'],
        querystring: feedQuery,
        response: {
          200: z.object({ items: z.array(changeSchema), cursor: z.number().int() }),
          ...errors(403, 410),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      const since = req.query.since ?? 0;
      const filter = feedFilter(c, req.query.town, req.query.kind);
      if (!filter) return { items: [], cursor: since };
      let changes: Change[];
      try {
        changes = await ctx.client.changesSince(since, filter, req.query.limit ?? 200);
      } catch (error) {
        if (error instanceof FeedGap) fail(410, 'feed.gap', { since });
        throw error;
      }
      const mine = ownCases(ctx, c);
      const items: Change[] = [];
      for (const change of changes)
        if (await mine(change)) items.push(await ctx.masker.change(change, c.member));
      return { items, cursor: changes.at(-1)?.seq ?? since };
    },
  );

  r.get(
    '/api/stream',
    {
      schema: {
        summary: 'The change feed as Server-Sent Events (`id:` = sequence number)',
        description:
          'Resumes after `Last-Event-ID` (or `?since=`); without either, from now. Events: `change` (data: a Change), `gap` (the feed no longer holds what you missed: read the state again). A comment line is sent as a heartbeat.',
        tags: ['feed'],
        querystring: feedQuery.omit({ limit: true }),
        headers: z.looseObject({ 'last-event-id': z.string().max(20).optional() }),
        response: {
          200: z.string().describe('text/event-stream'),
          ...errors(403),
        },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const filter = feedFilter(c, req.query.town, req.query.kind);
      const lastId = req.headers['last-event-id'];
      let since: number;
      if (lastId !== undefined && /^\d{1,15}$/.test(lastId.trim())) since = Number(lastId.trim());
      else if (req.query.since !== undefined) since = req.query.since;
      else since = await ctx.client.engine.store.lastSeq();
      const mine = ownCases(ctx, c);

      reply.hijack();
      const res = reply.raw;
      const headers = reply.getHeaders() as OutgoingHttpHeaders;
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      res.flushHeaders();
      open.add(res);
      let closed = false;
      let wake: (() => void) | undefined;
      const stop = () => {
        closed = true;
        open.delete(res);
        clearInterval(beat);
        wake?.();
      };
      res.on('close', stop);
      res.on('error', stop);
      const beat = setInterval(() => {
        if (!closed) res.write(': heartbeat\n\n');
      }, heartbeatMs);
      beat.unref();
      const write = async (text: string) => {
        if (closed) return;
        if (!res.write(text)) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            res.once('drain', resolve);
          });
        }
      };
      await write(`retry: ${retryMs}\n: resuming after ${since}\n\n`);

      const unlisten = hub.listen();
      res.on('close', unlisten);
      void (async () => {
        let last = since;
        while (!closed) {
          let batch: Change[] = [];
          let upTo = last;
          if (filter) {
            try {
              ({ changes: batch, upTo } = await hub.read(last, filter, 500));
            } catch (error) {
              if (!closed) {
                const gap = error instanceof FeedGap;
                if (!gap) req.log.error({ err: error }, 'change feed read failed');
                await write(`event: ${gap ? 'gap' : 'error'}\ndata: {"since":${last}}\n\n`);
                res.end();
              }
              return;
            }
          }
          for (const change of batch) {
            if (closed) return;
            last = change.seq;
            if (!(await mine(change))) continue;
            const seen = await ctx.masker.change(change, c.member);
            await write(`id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(seen)}\n\n`);
          }
          last = Math.max(last, upTo);
          if (batch.length === 500) continue;
          await new Promise<void>((resolve) => {
            wake = resolve;
            void hub.wait(last, 4 * pollMs).then(resolve);
          });
        }
      })().finally(unlisten);
    },
  );
  return { count: () => open.size };
}
