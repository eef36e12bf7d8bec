import type { ScenarioRecord } from '@zhizhi/core';
import {
  compileScenario,
  type Scenario,
  scenarioCommandSchema,
  startScenarioSchema,
} from '@zhizhi/core/scenario';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unmaskRecord } from '../../privacy/unmaskRecord.js';
import { seesTown } from '../auth.js';
import { type Ctx, caller, callerIs } from '../context.js';
import { apiError, fail, fromCore, HttpError } from '../errors.js';
import {
  auditEntrySchema,
  commandResultSchema,
  definitionSchema,
  errors,
  idParam,
  instanceRecordSchema,
  listCasesQuery,
  unmaskBody,
  unmaskResult,
} from '../schemas.js';
import { listInScope, sendVersioned, viewResult } from './cases.js';

/** Who may deploy a scenario definition (as `LocalClient.deploy` decides). */
const DEPLOYERS = new Set(['dutyOfficer', 'commander', 'cityOperator']);

async function visibleInstance(ctx: Ctx, req: FastifyRequest, id: string): Promise<ScenarioRecord> {
  const record = await ctx.client.getInstance(id);
  if (!record) fail(404, 'instance.notFound', { id: id.slice(0, 128) });
  const c = caller(req);
  if (!seesTown(c.scope, record.townId) || c.scope.ownCasesOnly) fail(403, 'auth.outsideScope');
  return record;
}

export function scenarioRoutes(app: FastifyInstance, ctx: Ctx) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { client, directory } = ctx;

  r.put(
    '/api/scenarios/:id',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        summary: 'Deploy a scenario document (一件事) under its id and version',
        description:
          'The body is the scenario document; its `id` must be the path’s. A document the checker refuses gets 422 with the diagnostics (code, path, message).',
        tags: ['scenarios'],
        params: idParam,
        body: z.looseObject({ id: z.string().min(1).max(128) }),
        response: {
          200: z.object({ definition: definitionSchema, created: z.boolean() }),
          201: z.object({ definition: definitionSchema, created: z.boolean() }),
          ...errors(403, 409, 413, 422),
        },
      },
    },
    async (req, reply) => {
      const { member } = caller(req);
      if (req.body.id !== req.params.id) fail(400, 'scenario.idMismatch', {}, ['body', 'id']);
      if (!DEPLOYERS.has(member.role)) fail(403, 'auth.roleNotAllowed', { role: member.role });
      const result = await client.deploy(req.body, member.id);
      if (!result.ok) {
        const d = result.diagnostics;
        const first = d[0];
        if (first && d.length === 1 && first.code === 'run.alreadyDeployed') {
          throw new HttpError(409, {
            code: first.code,
            message: first.message,
            path: first.path,
          });
        }
        throw new HttpError(422, {
          ...apiError('scenario.invalid', { count: d.length }),
          diagnostics: d,
        });
      }
      if (result.created) {
        reply.header(
          'Location',
          `/api/scenarios/${encodeURIComponent(result.definition.id)}/versions/${encodeURIComponent(result.definition.version)}`,
        );
      }
      return reply
        .code(result.created ? 201 : 200)
        .send({ definition: result.definition, created: result.created });
    },
  );

  r.get(
    '/api/scenarios',
    {
      schema: {
        summary: 'Every deployed scenario definition, in deployment order',
        tags: ['scenarios'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                version: z.string(),
                deployedAt: z.number(),
                deployedBy: z.string(),
                name: z.unknown().optional(),
              }),
            ),
          }),
          ...errors(),
        },
      },
    },
    async () => {
      const defs = await client.definitions();
      return {
        items: defs.map((d) => ({
          id: d.id,
          version: d.version,
          deployedAt: d.deployedAt,
          deployedBy: d.deployedBy,
          name: (d.doc as { name?: unknown } | null)?.name,
        })),
      };
    },
  );

  r.get(
    '/api/scenarios/:id/versions/:version',
    {
      schema: {
        summary: 'One version of a definition: the document and its compiled machine JSON',
        tags: ['scenarios'],
        params: z.object({ id: z.string().min(1).max(128), version: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            definition: definitionSchema,
            machine: z.record(z.string(), z.unknown()),
          }),
          ...errors(404),
        },
      },
    },
    async (req) => {
      const { id, version } = req.params;
      const def = await client.definition(id, version);
      if (!def)
        fail(404, 'scenario.notFound', { id: id.slice(0, 128), version: version.slice(0, 64) });
      const machine = compileScenario(def.doc as Scenario) as unknown as Record<string, unknown>;
      return { definition: def, machine };
    },
  );

  r.post(
    '/api/scenarios/:id/instances',
    {
      preValidation: [
        callerIs('by'),
        async (req: FastifyRequest) => {
          const body = req.body as Record<string, unknown> | null;
          const id = (req.params as { id: string }).id;
          if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
          if (body.scenario === undefined) body.scenario = id;
          else if (body.scenario !== id) fail(400, 'scenario.idMismatch', {}, ['body', 'scenario']);
        },
      ],
      schema: {
        summary: 'Start an instance of a scenario (the latest version unless `version` is given)',
        tags: ['scenarios'],
        params: idParam,
        body: startScenarioSchema,
        response: {
          201: commandResultSchema(instanceRecordSchema),
          ...errors(403, 404, 409, 413),
        },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const town = directory.ancestorAt(req.body.gridId, 'town')?.id;
      if (town !== undefined && (!seesTown(c.scope, town) || c.scope.ownCasesOnly))
        fail(403, 'auth.outsideScope', {}, ['body', 'gridId']);
      const result = await client.start(req.body);
      if (!result.ok) throw fromCore(result.error);
      reply.header('Location', `/api/instances/${encodeURIComponent(result.record.id)}`);
      reply.header('ETag', `"${result.record.version}"`);
      return reply.code(201).send(await viewResult(ctx, c, result));
    },
  );

  r.post(
    '/api/instances/:id/commands',
    {
      preValidation: callerIs('by'),
      schema: {
        summary: 'Send a task completion, check-in, signal or event to a scenario instance',
        tags: ['scenarios'],
        params: idParam,
        headers: z.looseObject({ 'if-match': z.string().max(40).optional() }),
        body: scenarioCommandSchema,
        response: {
          200: commandResultSchema(instanceRecordSchema),
          ...errors(403, 404, 409, 413),
        },
      },
    },
    async (req, reply) => {
      const record = await visibleInstance(ctx, req, req.params.id);
      const result = await sendVersioned(reply, req.headers['if-match'], (o) =>
        client.command(record.id, req.body, o),
      );
      return viewResult(ctx, caller(req), result);
    },
  );

  r.get(
    '/api/instances',
    {
      schema: {
        summary:
          'List the scenario instances the caller may see, in creation order, a page at a time',
        description:
          'Filters as `GET /api/cases` (`town`, `status` — the instance’s state —, `overdue`); `cursor` from the previous page. Residents see no instances.',
        tags: ['scenarios'],
        querystring: listCasesQuery.omit({ section: true }),
        response: {
          200: z.object({ items: z.array(instanceRecordSchema), cursor: z.string().nullable() }),
          ...errors(403),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      if (c.scope.ownCasesOnly) return { items: [], cursor: null };
      const page = await listInScope(c, req.query, (q) => client.listInstances(q));
      return {
        items: await Promise.all(page.items.map((rec) => ctx.masker.record(rec, c.member))),
        cursor: page.cursor,
      };
    },
  );

  r.get(
    '/api/instances/:id',
    {
      schema: {
        summary: 'A scenario instance and its audit trail',
        tags: ['scenarios'],
        params: idParam,
        response: {
          200: z.object({ record: instanceRecordSchema, audit: z.array(auditEntrySchema) }),
          ...errors(403, 404),
        },
      },
    },
    async (req, reply) => {
      const record = await visibleInstance(ctx, req, req.params.id);
      reply.header('ETag', `"${record.version}"`);
      const { member } = caller(req);
      return {
        record: await ctx.masker.record(record, member),
        audit: await ctx.masker.trail(record, await client.audit(record.id), member),
      };
    },
  );

  r.post(
    '/api/instances/:id/unmask',
    {
      schema: {
        summary: 'The instance with its `pii` fields in clear (recorded in the access log)',
        description:
          'Only the duty officers and commanders of the instance’s town may (403 `privacy.notAllowed` otherwise). The disclosure is appended to the hash-chained access log before the answer is sent; it does not change the instance or its version.',
        tags: ['scenarios', 'privacy'],
        params: idParam,
        body: unmaskBody,
        response: { 200: unmaskResult(instanceRecordSchema), ...errors(403, 404) },
      },
    },
    async (req, reply) => {
      const record = await visibleInstance(ctx, req, req.params.id);
      reply.header('ETag', `"${record.version}"`);
      return unmaskRecord(ctx, caller(req), record, req.body?.reason);
    },
  );
}
