import type { AuditEntry, CaseRecord, InstanceRecord } from '@zhizhi/core';
import { caseError, caseEventSchemas, reportSchema, verifyAuditChain } from '@zhizhi/core';
import type { CaseQuery, Page, RuntimeResult } from '@zhizhi/core/runtime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { unmaskRecord } from '../../privacy/unmaskRecord.js';
import { seesTown } from '../auth.js';
import { type Caller, type Ctx, caller, callerIs } from '../context.js';
import { fail, fromCore } from '../errors.js';
import {
  auditEntrySchema,
  caseRecordSchema,
  commandResultSchema,
  errors,
  idParam,
  isTrue,
  listCasesQuery,
  unmaskBody,
  unmaskResult,
} from '../schemas.js';

const { SLA_OVERDUE: _timerOnly, ...memberEvents } = caseEventSchemas;
/** Every event a member may send (SLA_OVERDUE is the runtime's own). */
const caseCommandSchema = zm.discriminatedUnion(
  'type',
  Object.values(memberEvents) as unknown as [typeof memberEvents.ACCEPT],
);

/** Whether the caller may see a case: its town is in scope, and a resident sees their own. */
export function maySeeCase(c: Caller, record: CaseRecord): boolean {
  if (!seesTown(c.scope, record.townId)) return false;
  return !c.scope.ownCasesOnly || record.context.reporterId === c.member.id;
}

/**
 * The case, if it exists (404) and the caller may see it (403). `recent`: the case as this
 * process's runtime last committed or read it will do (`Runtime.recent`; it may be stale: for a
 * command, whose commit checks the version, not for an answer); else it is read.
 */
export async function visibleCase(
  ctx: Ctx,
  req: FastifyRequest,
  id: string,
  recent = false,
): Promise<CaseRecord> {
  const kept = recent ? ctx.client.engine.runtime.recent(id) : undefined;
  let record = kept?.kind === 'case' ? (kept as CaseRecord) : undefined;
  if (!record) {
    record = await ctx.client.getCase(id);
    if (!record) throw fromCore(caseError('case.notFound', { caseId: id.slice(0, 128) }));
  }
  if (!maySeeCase(caller(req), record)) fail(403, 'auth.outsideScope');
  return record;
}

/** `If-Match: 3` or `"3"` (an ETag) → 3; absent → undefined; anything else → 400. */
export function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) fail(400, 'request.ifMatch', {}, ['headers', 'if-match']);
  return Number(m[1]);
}

/**
 * Sends a command to an instance the caller may see, as `If-Match` asks, and answers with the
 * instance after it (`ETag` = its new version) — the one way case events and scenario commands
 * are applied over HTTP.
 */
export async function sendVersioned<R extends InstanceRecord>(
  reply: { header(name: string, value: string): unknown },
  ifMatchHeader: string | undefined,
  send: (options: { expectedVersion?: number }) => Promise<RuntimeResult<R>>,
) {
  const expectedVersion = ifMatch(ifMatchHeader);
  const result = await send(expectedVersion !== undefined ? { expectedVersion } : {});
  if (!result.ok) throw fromCore(result.error);
  reply.header('ETag', `"${result.record.version}"`);
  return { record: result.record, entry: result.entry, seq: result.seq };
}

/** A command's result as the caller may read it (personal data masked). */
export async function viewResult<R extends InstanceRecord>(
  ctx: Ctx,
  c: Caller,
  result: { record: R; entry: AuditEntry; seq: number },
): Promise<{ record: R; entry: AuditEntry; seq: number }> {
  return {
    record: await ctx.masker.record(result.record, c.member),
    entry: await ctx.masker.entry(result.record, result.entry, c.member),
    seq: result.seq,
  };
}

/** The query of a list route (`GET /api/cases`, `GET /api/instances`). */
export interface ListQuery {
  town?: string | undefined;
  status?: string | string[] | undefined;
  section?: CaseQuery['section'] | undefined;
  overdue?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * A page of a list route within the caller's scope: one town (asked for, or the caller's only
 * one), or every town in scope (records of other towns left out); 403 for a town out of scope,
 * 400 for a cursor that is not one.
 */
export async function listInScope<R extends InstanceRecord>(
  c: Caller,
  q: ListQuery,
  list: (query: Omit<CaseQuery, 'kind'>) => Promise<Page<R>>,
): Promise<Page<R>> {
  let townId = q.town;
  let filterTowns = false;
  if (townId !== undefined && !seesTown(c.scope, townId))
    fail(403, 'auth.outsideScope', {}, ['querystring', 'town']);
  if (townId === undefined && c.scope.towns !== 'all') {
    if (c.scope.towns.length === 0) return { items: [], cursor: null };
    if (c.scope.towns.length === 1) townId = c.scope.towns[0];
    else filterTowns = true;
  }
  const status = statuses(q.status);
  let page: Page<R>;
  try {
    page = await list({
      ...(townId !== undefined ? { townId } : {}),
      ...(status ? { status } : {}),
      ...(q.section ? { section: q.section } : {}),
      ...(q.overdue !== undefined ? { overdue: isTrue(q.overdue) } : {}),
      limit: q.limit ?? 50,
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
  } catch {
    fail(400, 'request.invalid', { path: 'cursor', rule: 'a cursor from a previous page' }, [
      'querystring',
      'cursor',
    ]);
  }
  if (!filterTowns) return page;
  return { items: page.items.filter((rec) => seesTown(c.scope, rec.townId)), cursor: page.cursor };
}

const statuses = (s: string | string[] | undefined) => {
  if (s === undefined) return undefined;
  const list = (Array.isArray(s) ? s : [s]).flatMap((x) => x.split(',')).filter(Boolean);
  return list.length ? list : undefined;
};

export function caseRoutes(app: FastifyInstance, ctx: Ctx, postCasesLimit: object | false) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { client } = ctx;

  r.post(
    '/api/cases',
    {
      ...(postCasesLimit ? { config: { rateLimit: postCasesLimit } } : {}),
      preValidation: callerIs('reporterId'),
      schema: {
        summary: 'Report a case (上报)',
        description:
          '`reporterId` defaults to the caller and must be the caller (403 otherwise). The same Idempotency-Key from the same reporter opens one case (a retry gets 200 and `Idempotent-Replayed: true`).',
        tags: ['cases'],
        headers: z.looseObject({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: reportSchema,
        response: {
          200: commandResultSchema(caseRecordSchema),
          201: commandResultSchema(caseRecordSchema),
          ...errors(403, 409, 413, 422, 429),
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await client.report(req.body, key ? { idempotencyKey: key } : {});
      if (!result.ok) throw fromCore(result.error);
      const { record, entry, seq } = result;
      reply.header('Location', `/api/cases/${encodeURIComponent(record.id)}`);
      reply.header('ETag', `"${record.version}"`);
      if (seq === 0) reply.header('Idempotent-Replayed', 'true');
      const { member } = caller(req);
      return reply.code(seq === 0 ? 200 : 201).send({
        record: await ctx.masker.record(record, member),
        entry: await ctx.masker.entry(record, entry, member),
        seq,
      });
    },
  );

  r.get(
    '/api/cases',
    {
      schema: {
        summary: 'List the cases the caller may see, a page at a time',
        tags: ['cases'],
        querystring: listCasesQuery,
        response: {
          200: z.object({ items: z.array(caseRecordSchema), cursor: z.string().nullable() }),
          ...errors(403),
        },
      },
    },
    async (req) => {
      const c = caller(req);
      const q = req.query;
      const page = await listInScope(c, q, (query) => client.listCases(query));
      const items = page.items.filter((rec) => maySeeCase(c, rec));
      return {
        items: await Promise.all(items.map((rec) => ctx.masker.record(rec, c.member))),
        cursor: page.cursor,
      };
    },
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        summary: 'A case and its audit trail',
        tags: ['cases'],
        params: idParam,
        response: {
          200: z.object({ record: caseRecordSchema, audit: z.array(auditEntrySchema) }),
          ...errors(403, 404),
        },
      },
    },
    async (req, reply) => {
      const record = await visibleCase(ctx, req, req.params.id);
      reply.header('ETag', `"${record.version}"`);
      const { member } = caller(req);
      return {
        record: await ctx.masker.record(record, member),
        audit: await ctx.masker.trail(record, await client.audit(record.id), member),
      };
    },
  );

  r.post(
    '/api/cases/:id/events',
    {
      preValidation: callerIs('by'),
      schema: {
        summary: 'Send an event to a case (If-Match: the version you saw)',
        description:
          '`by` defaults to the caller and must be the caller (403 otherwise). A stale If-Match gets 409 with `currentVersion`.',
        tags: ['cases'],
        params: idParam,
        headers: z.looseObject({ 'if-match': z.string().max(40).optional() }),
        body: caseCommandSchema,
        response: {
          200: commandResultSchema(caseRecordSchema),
          ...errors(403, 404, 409, 413, 422),
        },
      },
    },
    async (req, reply) => {
      // the case as this process last committed or read it goes along: one commit per event,
      // and a read only for a case it does not keep (or a stale one, which the runtime re-reads
      // and keeps instead)
      const record = await visibleCase(ctx, req, req.params.id, true);
      const result = await sendVersioned(reply, req.headers['if-match'], (o) =>
        client.send(record.id, req.body, { ...o, record }),
      );
      return viewResult(ctx, caller(req), result);
    },
  );

  r.post(
    '/api/cases/:id/unmask',
    {
      schema: {
        summary: 'The case with its personal data in clear (recorded in the access log)',
        description:
          'Only the reporter, the duty officers and commanders of the case’s town, and the staff of the post or department handling an open case may (403 `privacy.notAllowed` otherwise). The disclosure (who, when, which fields, why) is appended to the hash-chained access log before the answer is sent; it does not change the case or its version.',
        tags: ['cases', 'privacy'],
        params: idParam,
        body: unmaskBody,
        response: { 200: unmaskResult(caseRecordSchema), ...errors(403, 404) },
      },
    },
    async (req, reply) => {
      const record = await visibleCase(ctx, req, req.params.id);
      reply.header('ETag', `"${record.version}"`);
      return unmaskRecord(ctx, caller(req), record, req.body?.reason);
    },
  );

  r.get(
    '/api/cases/:id/actions',
    {
      schema: {
        summary: 'The events the caller may send to the case now, with payload JSON Schemas',
        tags: ['cases'],
        params: idParam,
        response: {
          200: z.object({
            actions: z.array(
              z.object({ type: z.string(), schema: z.record(z.string(), z.unknown()) }),
            ),
          }),
          ...errors(403, 404),
        },
      },
    },
    async (req) => {
      const record = await visibleCase(ctx, req, req.params.id);
      return { actions: await client.actions(record.id, caller(req).member.id) };
    },
  );

  r.get(
    '/api/cases/:id/audit/verify',
    {
      schema: {
        summary: 'Verify the case’s audit hash chain',
        tags: ['cases'],
        params: idParam,
        response: {
          200: z.object({
            ok: z.boolean(),
            length: z.number().int(),
            brokenAt: z.number().int().optional(),
            headMatchesRecord: z.boolean(),
          }),
          ...errors(403, 404),
        },
      },
    },
    async (req) => {
      const record = await visibleCase(ctx, req, req.params.id);
      const trail = await client.audit(record.id);
      const verdict = verifyAuditChain(trail);
      const headMatchesRecord = trail.at(-1)?.hash === record.lastHash;
      return verdict.ok
        ? { ok: headMatchesRecord, length: verdict.length, headMatchesRecord }
        : { ok: false, length: trail.length, brokenAt: verdict.brokenAt, headMatchesRecord };
    },
  );
}
