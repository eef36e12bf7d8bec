import { type Kpis, readKpis } from '@zhizhi/core/kpi';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Verifier } from '../auth.js';
import { seesTown } from '../auth.js';
import { type Ctx, caller, callerIs } from '../context.js';
import { fail } from '../errors.js';
import { errors, kpiQuery } from '../schemas.js';

export function miscRoutes(
  app: FastifyInstance,
  ctx: Ctx,
  verifier: Verifier,
  options: { demo: boolean; demoLimit: object | false },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { client, directory } = ctx;

  r.post(
    '/api/readings',
    {
      preValidation: callerIs('by'),
      schema: {
        summary: 'A batch of sensor readings (the caller must be a sensor member)',
        tags: ['readings'],
        body: z.object({
          by: z.string().min(1).max(128),
          readings: z.array(z.record(z.string(), z.unknown())).min(1).max(1000),
        }),
        response: {
          200: z.object({
            accepted: z.number().int(),
            refused: z.array(
              z.object({
                index: z.number().int(),
                code: z.string(),
                message: z.object({ zh: z.string(), en: z.string() }),
              }),
            ),
            results: z.array(
              z.looseObject({
                ok: z.boolean(),
                instanceId: z.string().optional(),
                seq: z.number().optional(),
                error: z.unknown().optional(),
              }),
            ),
          }),
          ...errors(403, 413),
        },
      },
    },
    async (req) => {
      const { member } = caller(req);
      if (member.role !== 'sensor') fail(403, 'auth.roleNotAllowed', { role: member.role });
      const out = await client.readings(member.id, req.body.readings);
      return {
        accepted: out.accepted,
        refused: out.refused,
        results: out.results.map((x) =>
          x.ok ? { ok: true, instanceId: x.record.id, seq: x.seq } : { ok: false, error: x.error },
        ),
      };
    },
  );

  r.get(
    '/api/org',
    {
      schema: {
        summary: 'The org directory (members without personal data)',
        tags: ['org'],
        response: {
          200: z.object({
            units: z.array(z.looseObject({ id: z.string(), level: z.string() })),
            posts: z.array(z.looseObject({ id: z.string() })),
            departments: z.array(z.looseObject({ id: z.string() })),
            members: z.array(
              z.object({
                id: z.string(),
                role: z.string(),
                unitId: z.string(),
                postId: z.string().optional(),
                departmentId: z.string().optional(),
                section: z.string().optional(),
              }),
            ),
          }),
          ...errors(),
        },
      },
    },
    async () => {
      const { org } = directory;
      return {
        units: org.units,
        posts: org.posts,
        departments: org.departments,
        // names are personal data: only ids, roles and places
        members: org.members.map((m) => ({
          id: m.id,
          role: m.role,
          unitId: m.unitId,
          ...(m.postId !== undefined ? { postId: m.postId } : {}),
          ...(m.departmentId !== undefined ? { departmentId: m.departmentId } : {}),
          ...(m.section !== undefined ? { section: m.section } : {}),
        })),
      };
    },
  );

  r.get(
    '/api/kpis',
    {
      schema: {
        summary: 'KPIs over the cases the caller may see (reported in [from, to))',
        tags: ['kpis'],
        querystring: kpiQuery,
        response: {
          200: z.looseObject({
            cases: z.number().int(),
            open: z.number(),
            closed: z.number(),
          }) as unknown as z.ZodType<Kpis>,
          ...errors(403),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      const q = req.query;
      if (c.scope.ownCasesOnly || c.member.role === 'sensor')
        fail(403, 'auth.roleNotAllowed', { role: c.member.role });
      if (q.town !== undefined && !seesTown(c.scope, q.town))
        fail(403, 'auth.outsideScope', {}, ['querystring', 'town']);
      return readKpis(
        client,
        {
          ...(q.town !== undefined ? { townId: q.town } : {}),
          ...(q.section ? { section: q.section } : {}),
          ...(q.from ? { from: Date.parse(q.from) } : {}),
          ...(q.to ? { to: Date.parse(q.to) } : {}),
        },
        {
          now: client.clock.now(),
          ...(c.scope.towns === 'all' ? {} : { towns: [...c.scope.towns] }),
        },
      );
    },
  );

  r.post(
    '/api/demo/token',
    {
      ...(options.demoLimit
        ? { config: { rateLimit: options.demoLimit, public: true } }
        : { config: { public: true } }),
      schema: {
        summary: 'Demo mode only: a token for any member of the org',
        tags: ['auth'],
        body: z.object({ memberId: z.string().min(1).max(128) }),
        response: {
          200: z.object({
            token: z.string(),
            member: z.object({ id: z.string(), role: z.string() }),
          }),
          ...errors(404, 429),
        },
      },
    },
    async (req) => {
      if (!options.demo || !verifier.canSign) fail(404, 'demo.disabled');
      const member = directory.member(req.body.memberId);
      if (!member || member.role === 'system')
        fail(400, 'auth.unknownMember', {}, ['body', 'memberId']);
      return {
        token: await verifier.sign(member.id),
        member: { id: member.id, role: member.role },
      };
    },
  );
}
