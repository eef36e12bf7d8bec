import type { CaseRecord, Member } from '@zhizhi/core';
import { caseStatuses } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { isMainlandMobile, maskCaseRecord } from '@zhizhi/core/privacy';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seesTown } from '../auth.js';
import { type Ctx, caller, callerIs } from '../context.js';
import { type ApiError, apiError, fromCore, HttpError, toApiError } from '../errors.js';
import { open311Xml } from '../open311Xml.js';
import { parseFormBody } from '../parseFormBody.js';
import { maySeeCase, visibleCase } from './cases.js';

/** The most requests one `GET requests.json` answers (the spec's suggested cap). */
const MAX_REQUESTS = 1000;
const DAY = 24 * 3600 * 1000;

/** An Open311 error body: `[{ code, description }]`, the code being the HTTP status. */
const open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
const errs = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, open311Errors])) as Record<
    number,
    typeof open311Errors
  >;

/** An ApiError in the spec's error format, English then Chinese. */
function toOpen311(status: number, body: ApiError) {
  const where = body.path?.length ? ` (${body.path.join('.')})` : '';
  return [{ code: status, description: `${body.message.en}${where} / ${body.message.zh}` }];
}

/** The two formats of GeoReport v2, chosen by the path's suffix. */
const formats = ['json', 'xml'] as const;
type Format = (typeof formats)[number];

const dataFile = z
  .string()
  .max(300)
  .regex(/^.+\.(json|xml)$/, 'a name ending in .json or .xml');
const fileParam = z.object({ file: dataFile });
/** `{id}.json` → the id and the format. */
const splitFile = (file: string): [string, Format] => {
  const dot = file.lastIndexOf('.');
  return [file.slice(0, dot), file.slice(dot + 1) as Format];
};
/** The format a request's path asks for (its last segment's suffix; JSON unless `.xml`). */
const formatOf = (url: string): Format => (/\.xml$/.test(url.split('?')[0] ?? '') ? 'xml' : 'json');

/** Answers `data` as JSON (through the route's response schema) or as GeoReport v2 XML. */
function answer(
  reply: FastifyReply,
  format: Format,
  xml: { root: string; item: string | null },
  data: Record<string, unknown>[],
) {
  if (format === 'json') return reply.send(data);
  return reply
    .type('application/xml; charset=utf-8')
    .serializer((x: unknown) => x as string)
    .send(open311Xml(xml.root, xml.item, data));
}

const serviceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});

const requestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});

const postRequestBody = z
  .object({
    service_code: z.string().min(1).max(64),
    lat: z.number().min(-90).max(90).optional(),
    long: z.number().min(-180).max(180).optional(),
    address_string: z.string().min(1).max(400).optional(),
    address_id: z.string().max(200).optional(),
    description: z.string().max(4000).optional(),
    media_url: z.string().min(1).max(2048).optional(),
    /** zhizhi extension (required): the grid the request falls in. */
    grid_id: z.string().min(1).max(128),
    /** zhizhi extension (optional, default medium). */
    severity: z.enum(['low', 'medium', 'high']).optional(),
    /** Filled with the caller; another member is refused (403). */
    reporterId: z.string().max(128).optional(),
    jurisdiction_id: z.string().max(200).optional(),
    // the caller is the reporter; `phone` (and the name) become the case's reporter contact
    email: z.string().max(400).optional(),
    device_id: z.string().max(200).optional(),
    account_id: z.string().max(200).optional(),
    first_name: z.string().max(25).optional(),
    last_name: z.string().max(25).optional(),
    phone: z
      .string()
      .refine(isMainlandMobile, 'a mainland mobile number (11 digits, 13–19…)')
      .optional(),
  })
  .refine((b) => (b.lat === undefined) === (b.long === undefined), {
    message: 'lat and long go together',
    path: ['long'],
  })
  .refine((b) => b.lat !== undefined || b.address_string !== undefined, {
    message: 'a location: lat and long, or address_string',
    path: ['lat'],
  });

const postAnswer = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string().nullable(),
    account_id: z.null(),
  }),
);

const isoDate = z.iso.datetime({ offset: true, local: false });
const listQuery = z.object({
  service_request_id: z.string().max(4000).optional(),
  service_code: z.string().max(64).optional(),
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
  status: z.enum(['open', 'closed']).optional(),
  jurisdiction_id: z.string().max(200).optional(),
});

const iso = (ms: number) => new Date(ms).toISOString();

export function open311Routes(app: FastifyInstance, ctx: Ctx, postLimit: object | false) {
  const { client, directory } = ctx;
  const { slaPolicy, dutyLists } = client.engine;

  /** The services: every category the SLA policy and the duty lists know, in that order. */
  const services = new Map<string, z.infer<typeof serviceSchema>>();
  const add = (code: string, group: { zh: string; en: string }, keywords: string[]) => {
    if (services.has(code)) return;
    services.set(code, {
      service_code: code,
      service_name: code,
      description: `${group.zh} / ${group.en}`,
      metadata: false,
      type: 'realtime',
      keywords: [code, ...keywords].join(','),
      group: group.zh,
    });
  };
  const sectionGroup = (s: string) => ({
    zh: label('section', s, 'zh-CN'),
    en: label('section', s, 'en'),
  });
  for (const c of dutyLists?.statutory ?? []) add(c.category, sectionGroup(c.section), [c.section]);
  for (const c of dutyLists?.departmentLed ?? []) {
    const names = c.departmentIds.map((d) => directory.department(d)?.name ?? { zh: d, en: d });
    add(
      c.category,
      { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') },
      c.departmentIds,
    );
  }
  for (const c of slaPolicy.categories)
    add(
      c.category,
      c.section ? sectionGroup(c.section) : { zh: '其他', en: 'Other' },
      c.section ? [c.section] : [],
    );

  const serviceName = (code: string) => services.get(code)?.service_name ?? code;

  const agency = (rec: CaseRecord) => {
    const lead = rec.context.lead;
    if (!lead) return null;
    const name =
      lead.kind === 'post' ? directory.post(lead.id)?.name : directory.department(lead.id)?.name;
    return name?.zh ?? lead.id;
  };
  const statusNote = (rec: CaseRecord) => {
    const s = `${label('status', rec.status, 'zh-CN')} / ${label('status', rec.status, 'en')}`;
    const o = rec.context.outcome;
    return o ? `${s}: ${label('outcome', o, 'zh-CN')} / ${label('outcome', o, 'en')}` : s;
  };
  /** A case as an Open311 request, masked for the viewer like every read (maskCaseRecord). */
  const toRequest = (raw: CaseRecord, viewer: Member): z.infer<typeof requestSchema> => {
    const rec = maskCaseRecord(raw, viewer);
    const c = rec.context;
    return {
      service_request_id: rec.id,
      status: rec.status === 'closed' ? 'closed' : 'open',
      status_notes: statusNote(rec),
      service_name: serviceName(c.category),
      service_code: c.category,
      description: c.description || c.title,
      agency_responsible: agency(rec),
      service_notice: null,
      requested_datetime: iso(c.reportedAt),
      updated_datetime: iso(rec.updatedAt),
      expected_datetime: c.dueAt !== null ? iso(c.dueAt) : null,
      address: c.location?.address ?? null,
      address_id: null,
      zipcode: null,
      lat: c.location?.lat ?? null,
      long: c.location?.lng ?? null,
      media_url: c.photos[0] ?? null,
    };
  };

  /** The requests the caller may see, filtered as `GET requests.{json,xml}` says. */
  async function listRequests(c: ReturnType<typeof caller>, q: z.infer<typeof listQuery>) {
    if (q.service_request_id !== undefined) {
      const ids = [...new Set(q.service_request_id.split(',').map((x) => x.trim()))]
        .filter(Boolean)
        .slice(0, 100);
      const out: z.infer<typeof requestSchema>[] = [];
      for (const id of ids) {
        const rec = await client.getCase(id);
        if (rec && maySeeCase(c, rec)) out.push(toRequest(rec, c.member));
      }
      return out;
    }
    const now = client.clock.now();
    const start = q.start_date ? Date.parse(q.start_date) : q.end_date ? -Infinity : now - 90 * DAY;
    const end = q.end_date ? Date.parse(q.end_date) : Infinity;
    const towns = c.scope.towns === 'all' ? [undefined] : c.scope.towns;
    const out: z.infer<typeof requestSchema>[] = [];
    for (const townId of towns) {
      let cursor: string | undefined;
      do {
        const page = await client.listCases({
          ...(townId !== undefined ? { townId } : {}),
          ...(q.status === 'closed'
            ? { status: 'closed' }
            : q.status === 'open'
              ? { status: caseStatuses.filter((x) => x !== 'closed') }
              : {}),
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const rec of page.items) {
          if (townId === undefined && !seesTown(c.scope, rec.townId)) continue;
          if (!maySeeCase(c, rec)) continue;
          if (q.service_code !== undefined && rec.context.category !== q.service_code) continue;
          const at = rec.context.reportedAt;
          if (at < start || at > end) continue;
          out.push(toRequest(rec, c.member));
          if (out.length >= MAX_REQUESTS) return out;
        }
        cursor = page.cursor ?? undefined;
      } while (cursor);
    }
    return out;
  }

  app.register(
    async (scope) => {
      scope.setErrorHandler((error, req, reply) => {
        const { status, body } = toApiError(error);
        if (status >= 500) req.log.error({ err: error }, 'request failed');
        if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
        if (status === 429) reply.header('Retry-After', String(body.params?.retryAfter ?? 60));
        reply.code(status);
        answer(
          reply,
          formatOf(req.url),
          { root: 'errors', item: 'error' },
          toOpen311(status, body),
        );
      });
      scope.setNotFoundHandler((req, reply) => {
        reply.code(404);
        answer(
          reply,
          formatOf(req.url),
          { root: 'errors', item: 'error' },
          toOpen311(404, apiError('route.notFound')),
        );
      });
      // the spec's POST encoding, beside JSON
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        parseFormBody,
      );
      const r = scope.withTypeProvider<ZodTypeProvider>();
      const tags = ['open311'];

      for (const format of formats) {
        r.get(
          `/services.${format}`,
          {
            schema: {
              summary: `Open311: the service list (one service per case category), ${format.toUpperCase()}`,
              tags,
              querystring: z.object({ jurisdiction_id: z.string().max(200).optional() }),
              response: {
                200: format === 'json' ? z.array(serviceSchema) : z.string(),
                ...errs(401),
              },
            },
          },
          async (_req, reply) =>
            answer(reply, format, { root: 'services', item: 'service' }, [...services.values()]),
        );
      }

      r.get(
        '/services/:file',
        {
          schema: {
            summary:
              'Open311: a service’s definition (`{service_code}.json` or `.xml`; no attributes)',
            tags,
            params: fileParam,
            response: {
              200: z.union([
                z.object({ service_code: z.string(), attributes: z.array(z.never()) }),
                z.string(),
              ]),
              ...errs(400, 401, 404),
            },
          },
        },
        async (req, reply) => {
          const [code, format] = splitFile(req.params.file);
          if (!services.has(code)) throw unknownService(code);
          if (format === 'json') return { service_code: code, attributes: [] };
          return answer(reply, format, { root: 'service_definition', item: null }, [
            { service_code: code, attributes: [] },
          ]);
        },
      );

      for (const format of formats) {
        r.post(
          `/requests.${format}`,
          {
            ...(postLimit ? { config: { rateLimit: postLimit } } : {}),
            preValidation: callerIs('reporterId'),
            schema: {
              summary: `Open311: create a service request (opens a case; the caller reports it), ${format.toUpperCase()}`,
              description:
                'JSON or `application/x-www-form-urlencoded` (the spec’s encoding; `attribute[grid_id]` and `attribute[severity]` as attributes). `grid_id` (the grid the request falls in) is a required zhizhi attribute; `severity` an optional one (default medium). `phone` (a mainland mobile number) and `last_name`/`first_name` become the reporter’s contact, masked on reads. `Idempotency-Key` works as on `POST /api/cases`.',
              tags,
              headers: z.looseObject({ 'idempotency-key': z.string().min(1).max(200).optional() }),
              body: postRequestBody,
              response: {
                200: format === 'json' ? postAnswer : z.string(),
                201: format === 'json' ? postAnswer : z.string(),
                ...errs(400, 401, 403, 404, 409, 413, 415, 422, 429),
              },
            },
          },
          async (req, reply) => {
            const b = req.body;
            if (!services.has(b.service_code)) throw unknownService(b.service_code, 'service_code');
            let description = b.description?.trim() ?? '';
            if (b.lat === undefined && b.address_string) {
              description = `${description}\n地址 / Address: ${b.address_string}`.trim();
            }
            const title = (b.description?.trim() || serviceName(b.service_code)).slice(0, 200);
            const report = {
              gridId: b.grid_id,
              reporterId: caller(req).member.id,
              category: b.service_code,
              severity: b.severity ?? 'medium',
              title,
              ...(description ? { description: description.slice(0, 4000) } : {}),
              ...(b.lat !== undefined && b.long !== undefined
                ? {
                    location: {
                      lat: b.lat,
                      lng: b.long,
                      ...(b.address_string ? { address: b.address_string } : {}),
                    },
                  }
                : {}),
              ...(b.media_url ? { photos: [b.media_url] } : {}),
              ...(b.phone ? { reporter: { phone: b.phone, ...contactName(b) } } : {}),
            };
            const key = req.headers['idempotency-key'];
            const result = await client.report(report, key ? { idempotencyKey: key } : {});
            if (!result.ok) throw fromCore(result.error);
            const { record, seq } = result;
            reply.header(
              'Location',
              `/open311/v2/requests/${encodeURIComponent(record.id)}.${format}`,
            );
            if (seq === 0) reply.header('Idempotent-Replayed', 'true');
            const notice =
              record.context.dueAt !== null
                ? `${statusNote(record)}; expected by ${iso(record.context.dueAt)}`
                : statusNote(record);
            reply.code(seq === 0 ? 200 : 201);
            return answer(reply, format, { root: 'service_requests', item: 'request' }, [
              { service_request_id: record.id, service_notice: notice, account_id: null },
            ]);
          },
        );

        r.get(
          `/requests.${format}`,
          {
            schema: {
              summary: `Open311: the service requests the caller may see, ${format.toUpperCase()}`,
              description:
                '`service_request_id` (comma list) overrides the other filters. Without it and without dates, the last 90 days. At most 1000 requests.',
              tags,
              querystring: listQuery,
              response: {
                200: format === 'json' ? z.array(requestSchema) : z.string(),
                ...errs(400, 401),
              },
            },
          },
          async (req, reply) =>
            answer(
              reply,
              format,
              { root: 'service_requests', item: 'request' },
              await listRequests(caller(req), req.query),
            ),
        );
      }

      r.get(
        '/requests/:file',
        {
          schema: {
            summary:
              'Open311: one service request (`{service_request_id}.json` or `.xml`), as a one-element list',
            tags,
            params: fileParam,
            response: {
              200: z.union([z.array(requestSchema), z.string()]),
              ...errs(400, 401, 403, 404),
            },
          },
        },
        async (req, reply) => {
          const [id, format] = splitFile(req.params.file);
          const rec = await visibleCase(ctx, req, id);
          return answer(reply, format, { root: 'service_requests', item: 'request' }, [
            toRequest(rec, caller(req).member),
          ]);
        },
      );
    },
    { prefix: '/open311/v2' },
  );
}

/** The spec's `last_name` + `first_name` as one name (family name first, as in Chinese). */
function contactName(b: { first_name?: string | undefined; last_name?: string | undefined }) {
  const name = [b.last_name, b.first_name]
    .map((x) => x?.trim())
    .filter(Boolean)
    .join(' ');
  return name ? { name } : {};
}

function unknownService(code: string, field?: string): HttpError {
  const safe = code.slice(0, 64);
  return new HttpError(404, {
    code: 'open311.unknownService',
    message: { zh: `服务 ${safe} 不存在`, en: `No service ${safe}` },
    ...(field ? { path: ['body', field] } : {}),
    params: { code: safe },
  });
}
