import type { CheckInQuery, CheckInRecord } from '@zhizhi/core/duty';
import { checkInInputSchema } from '@zhizhi/core/duty';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seesTown } from '../auth.js';
import { type Caller, type Ctx, caller } from '../context.js';
import { fail, fromCore } from '../errors.js';
import { checkInRecordSchema, errors } from '../schemas.js';

const id = z.string().min(1).max(128);

/** The query of `GET /api/check-ins`. */
const listCheckInsQuery = z.object({
  worker: id.optional(),
  grid: id.optional(),
  town: z.union([id, z.array(id).max(50)]).optional(),
  id: z.string().min(1).max(64).optional(),
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().min(1).max(64).optional(),
});

type ListCheckIns = z.infer<typeof listCheckInsQuery>;

/** Roles that read their own check-ins only. */
const OWN_ONLY = new Set(['gridWorker', 'partTimeGridWorker']);
/** Roles that read their grid's check-ins. */
const OWN_GRID = new Set(['gridChief', 'gridInstructor']);

/**
 * The store query for a caller: grid workers read their own check-ins, the grid chief and
 * instructor their grid's, other staff the towns in their scope; residents and sensors none
 * (403). Asking beyond that is a 403 naming the query parameter.
 */
function scopedQuery(c: Caller, q: ListCheckIns): CheckInQuery | undefined {
  const { member, scope } = c;
  if (member.role === 'resident' || member.role === 'sensor') fail(403, 'auth.outsideScope');
  const out: CheckInQuery = {
    ...(q.worker !== undefined ? { workerId: q.worker } : {}),
    ...(q.grid !== undefined ? { gridId: q.grid } : {}),
    ...(q.id !== undefined ? { id: q.id } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    limit: q.limit ?? 100,
    ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
  };
  const towns = q.town === undefined ? undefined : [q.town].flat();
  for (const t of towns ?? [])
    if (!seesTown(scope, t)) fail(403, 'auth.outsideScope', {}, ['querystring', 'town']);
  if (OWN_ONLY.has(member.role)) {
    if (q.worker !== undefined && q.worker !== member.id)
      fail(403, 'auth.outsideScope', {}, ['querystring', 'worker']);
    out.workerId = member.id;
  } else if (OWN_GRID.has(member.role)) {
    if (q.grid !== undefined && q.grid !== member.unitId)
      fail(403, 'auth.outsideScope', {}, ['querystring', 'grid']);
    out.gridId = member.unitId;
  }
  if (towns !== undefined) out.townId = towns;
  else if (scope.towns !== 'all') {
    if (scope.towns.length === 0) return undefined;
    out.townId = scope.towns;
  }
  return out;
}

/**
 * `POST /api/check-ins` (a grid worker checks in: the worker is the token's subject) and `GET
 * /api/check-ins` (scoped by role). Notes are masked like a case's free text.
 */
export function checkInRoutes(app: FastifyInstance, ctx: Ctx) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (c: Caller, record: CheckInRecord) => ctx.masker.checkIn(record, c.member);

  r.post(
    '/api/check-ins',
    {
      schema: {
        summary: 'Check in a duty of the grid worker’s list (打卡)',
        description:
          'The worker is the caller (a `workerId` in the body is refused). `at` defaults to now and may not be in the future. The same check-in again (same duty, kind, `at`, household or place) is stored once: 200 with `created: false`. Check-ins are not in the change feed.',
        tags: ['check-ins'],
        body: checkInInputSchema,
        response: {
          200: z.object({ record: checkInRecordSchema, created: z.boolean() }),
          201: z.object({ record: checkInRecordSchema, created: z.boolean() }),
          ...errors(403, 413),
        },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const result = await ctx.client.checkIn(c.member.id, req.body);
      if (!result.ok) throw fromCore(result.error);
      return reply
        .code(result.created ? 201 : 200)
        .send({ record: await view(c, result.record), created: result.created });
    },
  );

  r.get(
    '/api/check-ins',
    {
      schema: {
        summary: 'Check-ins the caller may see, in the order stored, a page at a time',
        description:
          'Grid workers see their own, the grid chief and instructor their grid’s, other staff the towns in their scope; residents none. `from`/`to` bound `at` (epoch ms, `to` exclusive).',
        tags: ['check-ins'],
        querystring: listCheckInsQuery,
        response: {
          200: z.object({ items: z.array(checkInRecordSchema), cursor: z.string().nullable() }),
          ...errors(403),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      const query = scopedQuery(c, req.query);
      if (!query) return { items: [], cursor: null };
      const page = await ctx.client.listCheckIns(query);
      return {
        items: await Promise.all(page.items.map((rec) => view(c, rec))),
        cursor: page.cursor,
      };
    },
  );
}
