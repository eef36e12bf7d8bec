import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../src/index.js';
import { DUTY, reportBody, SECRET, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer();
});
afterAll(() => t.close());

describe('cases over HTTP', () => {
  it('reports a case: 201, Location, the record; the same Idempotency-Key opens it once', async () => {
    const headers = { ...(await t.auth(WORKER)), 'idempotency-key': 'phone-1' };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: reportBody('河道漂浮物'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/cases/${encodeURIComponent(body.record.id)}`);
    expect(body.record.context.reporterId).toBe(WORKER);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: reportBody('河道漂浮物'),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().record.id).toBe(body.record.id);
  });

  it('accepts with If-Match, then 409 with the current version on a stale one', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: reportBody('x'),
    });
    const id = r.json().record.id as string;
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/events`,
      headers: { ...(await t.auth(DUTY)), 'if-match': '"1"' },
      payload: { type: 'ACCEPT' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().record.version).toBe(2);
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/events`,
      headers: { ...(await t.auth(DUTY)), 'if-match': '1' },
      payload: { type: 'DISPATCH', lead: { kind: 'post', id: 'qj-sj-xfgl' } },
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'store.conflict', currentVersion: 2 });
    const got = await t.app.inject({ url: `/api/cases/${id}`, headers: await t.auth(DUTY) });
    expect(got.json().audit.map((e: { event: string }) => e.event)).toEqual(['REPORT', 'ACCEPT']);
  });

  /**
   * Reports a case through `app` (and `others` more after it), then sends the first one ACCEPT:
   * how often the store loaded that case.
   */
  async function loadsOfAnEvent(app: typeof t.app, others = 0) {
    const report = async () =>
      app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await t.auth(WORKER),
        payload: reportBody('一次读取'),
      });
    const r = await report();
    const id = r.json().record.id as string;
    for (let i = 0; i < others; i++) expect((await report()).statusCode).toBe(201);
    const load = vi.spyOn(t.store, 'load');
    try {
      const ok = await app.inject({
        method: 'POST',
        url: `/api/cases/${id}/events`,
        headers: await t.auth(DUTY),
        payload: { type: 'ACCEPT' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().record.version).toBe(2);
      return load.mock.calls.filter(([x]) => x === id).length;
    } finally {
      load.mockRestore();
    }
  }

  it('given a case this process reported, when an event is applied, then the case is not read again (the process kept it)', async () => {
    expect(await loadsOfAnEvent(t.app)).toBe(0);
  });

  it('given a case the process no longer keeps (recentRecords: 1, another case since), when an event is applied, then the case is read from the store once (the route and the runtime share the read)', async () => {
    const app = await createServer({
      directory: t.client.engine.directory,
      store: t.store,
      auth: { secret: SECRET },
      tickMs: 0,
      recentRecords: 1,
    });
    try {
      expect(await loadsOfAnEvent(app as typeof t.app, 1)).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('serves OpenAPI 3.1 and a docs page', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/cases/{id}/events');
    const docs = await t.app.inject({ url: '/api/docs' });
    expect(docs.headers['content-security-policy']).toContain("default-src 'none'");
    expect(docs.body).toContain('/api/cases/{id}/events');
  });
});
