import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAccessLog } from '../../privacy/AccessLog.js';
import { seesTown } from '../auth.js';
import { type Ctx, caller } from '../context.js';
import { fail } from '../errors.js';
import { accessEntrySchema, errors } from '../schemas.js';

/** Who may read a town's access log: the people who answer for the town's personal data. */
const READERS = new Set(['dutyOfficer', 'commander', 'cityOperator']);

export function privacyRoutes(app: FastifyInstance, ctx: Ctx) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/access-log',
    {
      schema: {
        summary: 'Who unmasked personal data in a town: the access log, newest last',
        description:
          'Duty officers, commanders and city operators, for a town in their scope (`town` may be left out by a member of one town). Without `instance`, `chain` says whether the entries returned chain and hash as sealed.',
        tags: ['privacy'],
        querystring: z.object({
          town: z.string().min(1).max(128).optional(),
          instance: z.string().min(1).max(256).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(accessEntrySchema),
            chain: z
              .object({
                ok: z.boolean(),
                length: z.number().int(),
                brokenAt: z.number().int().optional(),
              })
              .nullable(),
          }),
          ...errors(403),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      if (!READERS.has(c.member.role)) fail(403, 'auth.roleNotAllowed', { role: c.member.role });
      const q = req.query;
      const town =
        q.town ??
        (c.scope.towns !== 'all' && c.scope.towns.length === 1 ? c.scope.towns[0] : undefined);
      if (town === undefined)
        fail(400, 'request.invalid', { path: 'town', rule: 'required: which town' }, [
          'querystring',
          'town',
        ]);
      if (!seesTown(c.scope, town)) fail(403, 'auth.outsideScope', {}, ['querystring', 'town']);
      const items = await ctx.accessLog.list(town, {
        ...(q.instance !== undefined ? { instanceId: q.instance } : {}),
        limit: q.limit ?? 1000,
      });
      return { items, chain: q.instance === undefined ? verifyAccessLog(items) : null };
    },
  );
}
