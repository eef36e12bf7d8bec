import { builtInScenarios } from '@zhizhi/core/sample';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLog } from '../src/index.js';
import { DEPT, DUTY, RESIDENT, reportBody, testServer, WORKER } from './http.helpers.js';
import { readFrames } from './sse.js';

const PHONE = '13812345678';
const ID_CARD = '11010519491231002X';
const NAME = '王女士';
const HANDLER = 'qj-sj-nyfw-staff'; // staff of the post the case is dispatched to
const OTHER_POST = 'qj-sj-czjs-staff';
const CHIEF = 'qj-sj-c1-g1-chief';
const OTHER_DUTY = 'qj-th-duty';

let t: Awaited<ReturnType<typeof testServer>>;
let base = '';
let caseId = '';
beforeAll(async () => {
  t = await testServer({ stream: { heartbeatMs: 150, pollMs: 30 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: await t.auth(WORKER),
    payload: {
      ...reportBody('河道漂浮物'),
      description: `现场联系人 ${PHONE}，身份证 ${ID_CARD}`,
      reporter: { name: NAME, phone: PHONE, idCard: ID_CARD },
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  caseId = r.json().record.id;
  for (const payload of [
    { type: 'ACCEPT' },
    { type: 'DISPATCH', lead: { kind: 'post', id: 'qj-sj-nyfw' } },
  ]) {
    const e = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: await t.auth(DUTY),
      payload,
    });
    expect(e.statusCode, e.body).toBe(200);
  }
});
afterAll(() => t.close());

const clear = { name: NAME, phone: PHONE, idCard: ID_CARD };
const masked = { name: '***', phone: '138****5678', idCard: '1101**********002X' };
type View = 'clear' | 'masked' | number;

/** What a body shows of the reporter's contact: clear, masked, or (no contact in it) an error. */
function viewOf(contact: unknown): View {
  const s = JSON.stringify(contact);
  if (s === JSON.stringify(clear)) return 'clear';
  if (s === JSON.stringify(masked)) return 'masked';
  throw new Error(`neither clear nor masked: ${s}`);
}
/** What free text shows of the numbers written in it (a phone and an ID-card number). */
function viewOfText(text: unknown): View {
  const s = String(text);
  if (s.includes(PHONE) && s.includes(ID_CARD)) return 'clear';
  if (s.includes(masked.phone) && s.includes(masked.idCard) && !s.includes(PHONE)) return 'masked';
  throw new Error(`neither clear nor masked: ${s}`);
}
/** The CSV line of the case, or 404 when the export has none. */
const csvRow = (body: string) => body.split('\r\n').find((l) => l.includes(caseId));
const get = async (member: string, url: string) =>
  t.app.inject({ url, headers: await t.auth(member) });

describe('who sees the reporter’s contact, endpoint by endpoint', () => {
  const reportChange = (items: { instanceId: string; entry: { event: string; data: unknown } }[]) =>
    items.find((c) => c.instanceId === caseId && c.entry.event === 'REPORT');
  const rows: [string, (m: string) => Promise<View>, Record<string, View>][] = [
    [
      'GET /api/cases/{id} (record)',
      async (m) => {
        const r = await get(m, `/api/cases/${caseId}`);
        return r.statusCode === 200 ? viewOf(r.json().record.context.reporter) : r.statusCode;
      },
      {},
    ],
    [
      'GET /api/cases/{id} (the REPORT entry of the trail)',
      async (m) => {
        const r = await get(m, `/api/cases/${caseId}`);
        return r.statusCode === 200 ? viewOf(r.json().audit[0].data.reporter) : r.statusCode;
      },
      {},
    ],
    [
      'GET /api/cases?town=qj-sj',
      async (m) => {
        const r = await get(m, '/api/cases?town=qj-sj&limit=200');
        if (r.statusCode !== 200) return r.statusCode;
        const item = r.json().items.find((c: { id: string }) => c.id === caseId);
        return item ? viewOf(item.context.reporter) : 404;
      },
      {},
    ],
    [
      'GET /api/changes?town=qj-sj',
      async (m) => {
        const r = await get(m, '/api/changes?town=qj-sj&since=0');
        if (r.statusCode !== 200) return r.statusCode;
        const change = reportChange(r.json().items);
        return change ? viewOf((change.entry.data as { reporter: unknown }).reporter) : 404;
      },
      {},
    ],
    [
      'GET /api/stream (SSE)',
      async (m) => {
        const res = await fetch(`${base}/api/stream?since=0&town=qj-sj`, {
          headers: await t.auth(m),
        });
        if (res.status !== 200) return res.status;
        // until the case's REPORT, or (for who may not see it) three heartbeats after the backlog
        const frames = await readFrames(
          res,
          (f) =>
            f.some(
              (x) => x.event === 'change' && JSON.parse(x.data ?? '{}').instanceId === caseId,
            ) || f.filter((x) => x.comment === 'heartbeat').length >= 3,
        );
        const change = reportChange(
          frames.filter((f) => f.event === 'change').map((f) => JSON.parse(f.data as string)),
        );
        return change ? viewOf((change.entry.data as { reporter: unknown }).reporter) : 404;
      },
      {},
    ],
    [
      'GET /api/cases/export.csv?town=qj-sj (contact columns)',
      async (m) => {
        const r = await get(m, '/api/cases/export.csv?town=qj-sj');
        if (r.statusCode !== 200) return r.statusCode;
        const line = csvRow(r.body);
        if (!line) return 404;
        if (line.includes(`"${PHONE}"`) && line.includes(`"${ID_CARD}"`)) return 'clear';
        if (line.includes(`"${masked.phone}"`) && line.includes(`"${masked.idCard}"`))
          return 'masked';
        throw new Error(`neither clear nor masked: ${line}`);
      },
      {},
    ],
    [
      'numbers in free text: GET /api/cases/{id} (description and the REPORT entry’s)',
      async (m) => {
        const r = await get(m, `/api/cases/${caseId}`);
        if (r.statusCode !== 200) return r.statusCode;
        const a = viewOfText(r.json().record.context.description);
        expect(viewOfText(r.json().audit[0].data.description)).toBe(a);
        return a;
      },
      {},
    ],
    [
      'numbers in free text: GET /api/changes and GET /api/cases (description)',
      async (m) => {
        const list = await get(m, '/api/cases?town=qj-sj&limit=200');
        if (list.statusCode !== 200) return list.statusCode;
        const item = list.json().items.find((c: { id: string }) => c.id === caseId);
        if (!item) return 404;
        const r = await get(m, '/api/changes?town=qj-sj&since=0');
        const change = reportChange(r.json().items);
        if (!change) return 404;
        const a = viewOfText(item.context.description);
        expect(viewOfText((change.entry.data as { description: string }).description)).toBe(a);
        return a;
      },
      {},
    ],
    [
      'numbers in free text: GET /api/cases/export.csv (description)',
      async (m) => {
        const r = await get(m, '/api/cases/export.csv?town=qj-sj');
        if (r.statusCode !== 200) return r.statusCode;
        const line = csvRow(r.body);
        return line ? viewOfText(line.split('","')[7]) : 404;
      },
      {},
    ],
    [
      'POST /api/cases/{id}/unmask',
      async (m) => {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/unmask`,
          headers: await t.auth(m),
        });
        if (r.statusCode !== 200) return r.statusCode;
        expect(viewOf(r.json().audit[0].data.reporter)).toBe('clear');
        return viewOf(r.json().record.context.reporter);
      },
      {},
    ],
  ];
  // reads: the reporter sees their own contact, everyone else who may read the case sees it
  // masked (duty officers and handlers too: they unmask); unmasking: only those allowed
  const reads: Record<string, View> = {
    [WORKER]: 'clear',
    [DUTY]: 'masked',
    [HANDLER]: 'masked',
    [OTHER_POST]: 'masked',
    [CHIEF]: 'masked',
    [DEPT]: 'masked',
    [OTHER_DUTY]: 403,
  };
  for (const row of rows.slice(0, 9)) row[2] = reads;
  // the resident sees only their own cases: 403 on the case, absent from lists and the feed
  (rows[0] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 403 };
  (rows[1] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 403 };
  (rows[2] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[3] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[4] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[5] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[6] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 403 };
  (rows[7] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[8] as [string, unknown, Record<string, View>])[2] = { ...reads, [RESIDENT]: 404 };
  (rows[9] as [string, unknown, Record<string, View>])[2] = {
    [WORKER]: 'clear',
    [DUTY]: 'clear',
    [HANDLER]: 'clear',
    [OTHER_POST]: 403,
    [CHIEF]: 403,
    [DEPT]: 403,
    [OTHER_DUTY]: 403,
    [RESIDENT]: 403,
  };
  for (const [label, run, expected] of rows) {
    it(label, async () => {
      const got: Record<string, View> = {};
      for (const member of Object.keys(expected)) got[member] = await run(member);
      expect(got).toEqual(expected);
    });
  }

  it('POST /api/cases/{id}/events answers with the contact masked for the sender', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: await t.auth(HANDLER),
      payload: { type: 'ACKNOWLEDGE' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(viewOf(r.json().record.context.reporter)).toBe('masked');
  });

  it('Open311 requests never carry the contact fields, and numbers in the description are masked for all but the reporter', async () => {
    for (const m of [WORKER, DUTY, HANDLER]) {
      const one = await get(m, `/open311/v2/requests/${caseId}.json`);
      const list = await get(m, '/open311/v2/requests.json');
      const xml = await get(m, `/open311/v2/requests/${caseId}.xml`);
      for (const r of [one, list, xml]) {
        expect(r.statusCode).toBe(200);
        expect(r.body).toContain(caseId);
        expect(r.body).not.toContain(NAME);
        // the description quotes a phone and an ID-card number (free text)
        expect(viewOfText(r.body)).toBe(m === WORKER ? 'clear' : 'masked');
      }
    }
  });

  it('Open311 POST requests.json keeps the spec’s phone and name as the reporter contact, masked on reads', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: await t.auth(WORKER),
      payload: {
        service_code: 'riverPollution',
        lat: 29.02,
        long: 106.65,
        description: '河面油污',
        grid_id: 'qj-sj-c1-g1',
        phone: '13900001111',
        last_name: '李',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json()[0].service_request_id;
    const duty = await get(DUTY, `/api/cases/${id}`);
    expect(duty.json().record.context.reporter).toEqual({ name: '***', phone: '139****1111' });
    const own = await get(WORKER, `/api/cases/${id}`);
    expect(own.json().record.context.reporter).toEqual({ name: '李', phone: '13900001111' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: await t.auth(WORKER),
      payload: {
        service_code: 'riverPollution',
        address_string: 'x',
        grid_id: 'qj-sj-c1-g1',
        phone: '12',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].description).toContain('phone');
  });
});

describe('unmasking is audited', () => {
  it('appends who, when, which fields and why to the access log, does not change the case, and cannot be forged', async () => {
    const before = (await t.client.getCase(caseId))?.version;
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/unmask`,
      headers: await t.auth(DUTY),
      payload: { reason: '回访报告人', actorId: WORKER, at: 0, fields: [] },
    });
    expect(r.statusCode, r.body).toBe(200);
    const access = r.json().access;
    expect(access).toMatchObject({
      actorId: DUTY,
      role: 'dutyOfficer',
      kind: 'case',
      instanceId: caseId,
      townId: 'qj-sj',
      fields: ['reporter.idCard', 'reporter.name', 'reporter.phone'],
      reason: '回访报告人',
      at: t.clock.now(),
    });
    expect((await t.client.getCase(caseId))?.version).toBe(before);
    const log = await get(DUTY, `/api/access-log?instance=${caseId}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items.at(-1)).toEqual(access);
    const town = await get('qj-sj-commander', '/api/access-log');
    expect(town.json().chain).toEqual({ ok: true, length: town.json().items.length });
    expect(town.json().items.length).toBeGreaterThanOrEqual(4);
    for (const m of [WORKER, HANDLER, DEPT, RESIDENT])
      expect((await get(m, '/api/access-log?town=qj-sj')).statusCode).toBe(403);
    expect((await get(OTHER_DUTY, '/api/access-log?town=qj-sj')).statusCode).toBe(403);
  });

  it('a refused unmask (403) logs nothing; an entry changed in the table breaks the chain', async () => {
    const count = async () => (await get(DUTY, '/api/access-log')).json().items.length;
    const n = await count();
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/unmask`,
      headers: await t.auth(CHIEF),
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('privacy.notAllowed');
    expect(r.body).not.toContain(PHONE);
    expect(await count()).toBe(n);
    await t.store.driver.query(
      `UPDATE access_log SET entry = jsonb_set(entry, '{actorId}', '"qj-sj-commander"') WHERE town_id = 'qj-sj' AND seq = 1`,
    );
    const chain = (await get(DUTY, '/api/access-log')).json().chain;
    expect(chain).toEqual({ ok: false, length: n, brokenAt: 1 });
  });

  it('when the access log cannot be written, no clear value is sent', async () => {
    const failing: AccessLog = {
      append: async () => {
        throw new Error('disk full');
      },
      list: async () => [],
    };
    const s = await testServer({ accessLog: failing });
    try {
      const rep = await s.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await s.auth(WORKER),
        payload: { ...reportBody('x'), reporter: { phone: PHONE } },
      });
      const r = await s.app.inject({
        method: 'POST',
        url: `/api/cases/${rep.json().record.id}/unmask`,
        headers: await s.auth(DUTY),
      });
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain(PHONE);
    } finally {
      await s.close();
    }
  });
});

describe('a reporter contact that breaks a rule', () => {
  it('is refused with 400 naming the path and the rule, and nothing is stored', async () => {
    const before = await t.store.lastSeq();
    for (const [reporter, path, rule] of [
      [{ phone: '1381234567' }, 'body.reporter.phone', 'mainland mobile'],
      [{ phone: PHONE, idCard: '110105194912310021' }, 'body.reporter.idCard', 'check character'],
    ] as const) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await t.auth(WORKER),
        payload: { ...reportBody('bad'), reporter },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().params.path).toBe(path);
      expect(r.json().message.en).toContain(rule);
    }
    expect(await t.store.lastSeq()).toBe(before);
  });
});

describe('scenario fields marked pii', () => {
  it('are masked on every read of the instance, its trail and the feed; only the town’s duty officers unmask them', async () => {
    const band = builtInScenarios.find((d) => d.id === 'elderly-health-band');
    const deployed = await t.app.inject({
      method: 'PUT',
      url: '/api/scenarios/elderly-health-band',
      headers: await t.auth(DUTY),
      payload: band,
    });
    expect([200, 201]).toContain(deployed.statusCode);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/scenarios/elderly-health-band/instances',
      headers: await t.auth(DUTY),
      payload: {
        trigger: 'manual',
        gridId: 'qj-sj-c1-g1',
        data: { alarmType: 'fall', elderName: '李奶奶', heartRate: 150 },
      },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().record.id;
    expect(started.json().record.context.data).toMatchObject({
      alarmType: 'fall',
      elderName: '***',
      heartRate: '***',
    });
    const read = await get(DUTY, `/api/instances/${id}`);
    expect(read.json().record.context.data.elderName).toBe('***');
    expect(read.body).not.toContain('李奶奶');
    const feed = await get(DUTY, `/api/changes?since=0&kind=scenario`);
    expect(feed.body).toContain(id);
    expect(feed.body).not.toContain('李奶奶');
    const un = await t.app.inject({
      method: 'POST',
      url: `/api/instances/${id}/unmask`,
      headers: await t.auth(DUTY),
    });
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json().record.context.data).toMatchObject({ elderName: '李奶奶', heartRate: 150 });
    expect(un.json().access.fields).toEqual(['data.elderName', 'data.heartRate']);
    for (const m of [WORKER, CHIEF, 'qj-sj-ylfw-staff']) {
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/instances/${id}/unmask`,
        headers: await t.auth(m),
      });
      expect(refused.statusCode, m).toBe(403);
    }
  });
});
