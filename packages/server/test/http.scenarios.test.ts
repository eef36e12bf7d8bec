import { builtInScenarios } from '@zhizhi/core/sample';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPT, DUTY, reportBody, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer();
});
afterAll(() => t.close());

const band = builtInScenarios.find((d) => d.id === 'elderly-health-band') as {
  id: string;
  version: string;
  steps: unknown[];
};

describe('scenarios over HTTP', () => {
  it('deploys a document (201, then 200 for the same content; 409 for other content under the same version)', async () => {
    const headers = await t.auth(DUTY);
    const first = await t.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${band.id}`,
      headers,
      payload: band,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().definition).toMatchObject({
      id: band.id,
      version: band.version,
      deployedBy: DUTY,
    });
    expect(first.headers.location).toBe(`/api/scenarios/${band.id}/versions/${band.version}`);
    const same = await t.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${band.id}`,
      headers,
      payload: band,
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().created).toBe(false);
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${band.id}`,
      headers,
      payload: { ...band, name: { zh: '改', en: 'changed' } },
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('run.alreadyDeployed');
  });

  it('refuses a document the checker refuses with 422 and its diagnostics (paths), and an id that is not the path’s', async () => {
    const headers = await t.auth(DUTY);
    const before = (await t.client.definitions()).length;
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/scenarios/broken',
      headers,
      payload: {
        ...band,
        id: 'broken',
        steps: [...band.steps, { id: 'call', kind: 'end', outcome: 'x' }],
      },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    const body = bad.json();
    expect(body.code).toBe('scenario.invalid');
    expect(body.diagnostics.length).toBeGreaterThan(0);
    expect(Array.isArray(body.diagnostics[0].path)).toBe(true);
    const mismatch = await t.app.inject({
      method: 'PUT',
      url: '/api/scenarios/other',
      headers,
      payload: band,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().code).toBe('scenario.idMismatch');
    expect((await t.client.definitions()).length).toBe(before);
  });

  it('lists definitions and serves one version with its compiled machine JSON', async () => {
    const headers = await t.auth(WORKER);
    const list = await t.app.inject({ url: '/api/scenarios', headers });
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(band.id);
    const one = await t.app.inject({
      url: `/api/scenarios/${band.id}/versions/${band.version}`,
      headers,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().machine.id).toBeDefined();
    expect(one.json().machine.states).toBeDefined();
    const none = await t.app.inject({ url: `/api/scenarios/${band.id}/versions/0.0.0`, headers });
    expect(none.statusCode).toBe(404);
  });

  it('starts an instance, completes its task, and reads it back; a stale If-Match gets 409', async () => {
    const headers = await t.auth(DUTY);
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/scenarios/${band.id}/instances`,
      headers,
      payload: {
        trigger: 'manual',
        gridId: 'qj-sj-c1-g1',
        data: { alarmType: 'fall', heartRate: 150 },
      },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().record.id as string;
    expect(started.headers.location).toBe(`/api/instances/${encodeURIComponent(id)}`);
    const version = started.json().record.version as number;
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/instances/${encodeURIComponent(id)}/commands`,
      headers: { ...headers, 'if-match': String(version) },
      payload: { type: 'TASK_COMPLETE', step: 'call', outcome: 'fine' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/instances/${encodeURIComponent(id)}/commands`,
      headers: { ...headers, 'if-match': String(version) },
      payload: { type: 'SIGNAL', name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const got = await t.app.inject({ url: `/api/instances/${encodeURIComponent(id)}`, headers });
    expect(got.statusCode).toBe(200);
    expect(got.json().audit.length).toBeGreaterThanOrEqual(2);
    const otherTown = await t.app.inject({
      url: `/api/instances/${encodeURIComponent(id)}`,
      headers: await t.auth('qj-th-duty'),
    });
    expect(otherTown.statusCode).toBe(403);
    const missing = await t.app.inject({ url: '/api/instances/nope', headers });
    expect(missing.statusCode).toBe(404);
  });
});

describe('readings, org, KPIs, audit', () => {
  it('takes a batch of readings from a sensor member, refusing bad ones by index', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/readings',
      headers: await t.auth('qj-sj-sensor'),
      payload: {
        readings: [
          {
            deviceId: 'qj-sj-elec-017',
            seq: 1,
            deviceTime: Date.parse('2026-09-01T00:00:00Z'),
            type: 'leakage',
            level: 3,
          },
          { deviceId: 'qj-sj-elec-017', seq: 2, deviceTime: -5, type: 'leakage', level: 9 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().accepted).toBe(1);
    expect(res.json().refused.map((r: { index: number }) => r.index)).toEqual([1]);
  });

  it('serves the org without member names', async () => {
    const res = await t.app.inject({ url: '/api/org', headers: await t.auth(WORKER) });
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org.members.length).toBeGreaterThan(10);
    expect(org.members.some((m: { name?: string }) => m.name !== undefined)).toBe(false);
    expect(res.body).not.toContain('王');
  });

  it('computes KPIs over the caller’s cases, verifies an audit chain, and lists what a member may do', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: reportBody('KPI'),
    });
    const id = r.json().record.id as string;
    await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: reportBody('KPI 2'),
    });
    const kpis = await t.app.inject({
      url: '/api/kpis?town=qj-sj&from=2026-01-01T00:00:00%2B08:00',
      headers: await t.auth(DEPT),
    });
    expect(kpis.statusCode, kpis.body).toBe(200);
    expect(kpis.json().cases).toBeGreaterThanOrEqual(1);
    const later = await t.app.inject({
      url: '/api/kpis?from=2030-01-01T00:00:00Z',
      headers: await t.auth(DUTY),
    });
    expect(later.json().cases).toBe(0);
    const verify = await t.app.inject({
      url: `/api/cases/${id}/audit/verify`,
      headers: await t.auth(DUTY),
    });
    expect(verify.json()).toEqual({ ok: true, length: 1, headMatchesRecord: true });
    const actions = await t.app.inject({
      url: `/api/cases/${id}/actions`,
      headers: await t.auth(DUTY),
    });
    const types = actions.json().actions.map((a: { type: string }) => a.type);
    expect(types).toContain('ACCEPT');
    expect(actions.json().actions[0].schema.type).toBe('object');
    const list = await t.app.inject({
      url: '/api/cases?status=intake,assigned&limit=1',
      headers: await t.auth(DUTY),
    });
    expect(list.json().items.length).toBe(1);
    expect(typeof list.json().cursor).toBe('string');
    const next = await t.app.inject({
      url: `/api/cases?status=intake&limit=1&cursor=${encodeURIComponent(list.json().cursor)}`,
      headers: await t.auth(DUTY),
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().items[0].id).not.toBe(list.json().items[0].id);
    const badCursor = await t.app.inject({
      url: '/api/cases?cursor=%7B%7D',
      headers: await t.auth(DUTY),
    });
    expect(badCursor.statusCode).toBeLessThan(500); // PgStore reads a foreign cursor as the start
  });
});

describe('GET /api/instances', () => {
  it('lists the instances in scope in creation order, a page at a time, with the cases’ filters', async () => {
    const duty = await t.auth(DUTY);
    await t.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${band.id}`,
      headers: duty,
      payload: band,
    });
    const before = (await t.client.listInstances({ townId: 'qj-sj', limit: 200 })).items.map(
      (r) => r.id,
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/scenarios/${band.id}/instances`,
        headers: duty,
        payload: { trigger: 'manual', gridId: 'qj-sj-c1-g1', data: { alarmType: 'fall' } },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().record.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 10; n++) {
      const url: string = `/api/instances?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await t.app.inject({ url, headers: duty });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: { id: string }[]; cursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.cursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual([...before, ...ids]);
    const status = (await t.client.getInstance(ids[0] as string))?.status as string;
    const byStatus = await t.app.inject({
      url: `/api/instances?status=${encodeURIComponent(status)}&limit=200`,
      headers: duty,
    });
    expect(byStatus.json().items.every((x: { status: string }) => x.status === status)).toBe(true);
    expect(byStatus.json().items.map((x: { id: string }) => x.id)).toContain(ids[0]);
    const other = await t.app.inject({
      url: '/api/instances',
      headers: await t.auth('qj-th-duty'),
    });
    expect(other.json().items).toEqual([]);
    const outside = await t.app.inject({
      url: '/api/instances?town=qj-sj',
      headers: await t.auth('qj-th-duty'),
    });
    expect(outside.statusCode).toBe(403);
    const resident = await t.app.inject({
      url: '/api/instances',
      headers: await t.auth('qj-sj-c1-g1-resident'),
    });
    expect(resident.json()).toEqual({ items: [], cursor: null });
    const bad = await t.app.inject({ url: '/api/instances?limit=0', headers: duty });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().path).toEqual(['querystring', 'limit']);
  });
});
