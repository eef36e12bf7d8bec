// GET /api/cases/export.csv: the JSON list's cases and filters as CSV for Excel — a UTF-8 BOM,
// every page streamed, formula-like cells neutralised, masked for the caller like the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/index.js';
import { DUTY, RESIDENT, reportBody, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
const TRICKS = [
  '=HYPERLINK("http://evil.example","点我")',
  '+1+2',
  '-3',
  '@SUM(A1)',
  '\tTAB',
  '\rCR',
];

beforeAll(async () => {
  t = await testServer();
  // 205 cases: more than one page of 200
  for (let i = 0; i < 199; i++)
    expect((await t.client.report({ ...reportBody(`普通事件 ${i}`), reporterId: WORKER })).ok).toBe(
      true,
    );
  for (const title of TRICKS)
    expect((await t.client.report({ ...reportBody(title), reporterId: WORKER })).ok).toBe(true);
  const own = await t.client.report({
    ...reportBody('居民自报'),
    reporterId: RESIDENT,
    description: '联系我 13912345678',
  });
  expect(own.ok).toBe(true);
});
afterAll(() => t.close());

const exportAs = async (member: string | undefined, query = '') =>
  t.app.inject({
    url: `/api/cases/export.csv${query}`,
    headers: member ? await t.auth(member) : {},
  });

describe('GET /api/cases/export.csv', () => {
  it('given 206 cases, when the duty officer exports them, then one BOM, a bilingual header and every case once, over several pages', async () => {
    const res = await exportAs(DUTY, '?town=qj-sj');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="cases-qj-sj-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('"事件编号 Case ID"');
    expect(lines.length).toBe(1 + 206);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(new Set(ids).size).toBe(206);
    // masked like the JSON list: the resident's number in the description
    expect(res.body).toContain('联系我 139****5678');
    expect(res.body).not.toContain('13912345678');
  });

  it('given titles that spreadsheets would run as formulas, then each is prefixed with an apostrophe', async () => {
    const body = (await exportAs(DUTY)).body;
    for (const trick of TRICKS) {
      expect(body).toContain(csvCell(trick));
      expect(csvCell(trick).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('普通 = 文本')).toBe('"普通 = 文本"');
  });

  it('given the JSON list’s filters, then the export keeps to them and to the caller’s scope', async () => {
    const intake = await exportAs(DUTY, '?town=qj-sj&status=intake');
    expect(intake.body.split('\r\n').filter(Boolean).length).toBe(1 + 206);
    const closed = await exportAs(DUTY, '?status=closed');
    expect(closed.body.split('\r\n').filter(Boolean).length).toBe(1);
    // the resident's own case only, in clear for them
    const mine = (await exportAs(RESIDENT)).body.split('\r\n').filter(Boolean);
    expect(mine.length).toBe(2);
    expect(mine[1]).toContain('联系我 13912345678');
    expect((await exportAs('qj-th-duty', '?town=qj-sj')).statusCode).toBe(403);
    expect((await exportAs(undefined)).statusCode).toBe(401);
  });
});
