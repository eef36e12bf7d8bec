import { Readable } from 'node:stream';
import type { CaseRecord } from '@zhizhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Ctx, caller } from '../context.js';
import { csvLine } from '../csvCell.js';
import { errors, listCasesQuery } from '../schemas.js';
import { listInScope, maySeeCase } from './cases.js';

const iso = (ms: number | null | undefined) =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null;

/** The columns: a header in both languages, and the cell of a (masked) case. */
const COLUMNS: [string, (r: CaseRecord) => string | number | null | undefined][] = [
  ['事件编号 Case ID', (r) => r.id],
  ['镇街 Town', (r) => r.townId],
  ['网格 Grid', (r) => r.context.gridId],
  ['状态 Status', (r) => r.status],
  ['类别 Category', (r) => r.context.category],
  ['紧急程度 Severity', (r) => r.context.severity],
  ['标题 Title', (r) => r.context.title],
  ['描述 Description', (r) => r.context.description],
  ['地址 Address', (r) => r.context.location?.address],
  ['纬度 Latitude', (r) => r.context.location?.lat],
  ['经度 Longitude', (r) => r.context.location?.lng],
  ['上报人 Reporter', (r) => r.context.reporterId],
  ['联系人 Contact name', (r) => r.context.reporter?.name],
  ['联系电话 Contact phone', (r) => r.context.reporter?.phone],
  ['身份证号 ID card', (r) => r.context.reporter?.idCard],
  ['上报时间 Reported at', (r) => iso(r.context.reportedAt)],
  ['承办 Lead', (r) => (r.context.lead ? `${r.context.lead.kind}:${r.context.lead.id}` : null)],
  ['办结时限 Due at', (r) => iso(r.context.dueAt)],
  ['结果 Outcome', (r) => r.context.outcome],
  ['更新时间 Updated at', (r) => iso(r.updatedAt)],
  ['版本 Version', (r) => r.version],
];

/**
 * `GET /api/cases/export.csv`: the cases `GET /api/cases` would list with the same filters (all
 * pages), as CSV for Excel — UTF-8 with a BOM, CRLF lines, formula-like cells neutralised with
 * `'`, personal data masked as in the JSON list — streamed a page at a time.
 */
export function casesExportRoute(app: FastifyInstance, ctx: Ctx): void {
  const query = listCasesQuery.omit({ limit: true, cursor: true });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/cases/export.csv',
    {
      schema: {
        summary: 'The cases the caller may see, as CSV (UTF-8 with BOM; masked as the JSON list)',
        description:
          'Same filters as GET /api/cases (`town`, `status`, `section`, `overdue`), every page. Cells starting with = + - @, a tab or a CR are prefixed with an apostrophe so that spreadsheets do not run them.',
        tags: ['cases'],
        querystring: query,
        response: { ...errors(403) },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const q = req.query;
      // the first page before any byte is sent: a town out of scope is still a 403
      const first = await listInScope(c, { ...q, limit: 200 }, (x) => ctx.client.listCases(x));
      async function* lines() {
        yield `\uFEFF${csvLine(COLUMNS.map(([h]) => h))}`;
        let page = first;
        for (;;) {
          for (const rec of page.items) {
            if (!maySeeCase(c, rec)) continue;
            const masked = await ctx.masker.record(rec, c.member);
            yield csvLine(COLUMNS.map(([, cell]) => cell(masked)));
          }
          if (page.cursor === null) return;
          const cursor = page.cursor;
          page = await listInScope(c, { ...q, limit: 200, cursor }, (x) => ctx.client.listCases(x));
        }
      }
      const day = new Date(ctx.client.clock.now()).toISOString().slice(0, 10);
      const name = `cases-${(q.town ?? 'all').replace(/[^A-Za-z0-9_-]/g, '')}-${day}.csv`;
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .send(Readable.from(lines()) as never);
    },
  );
}
