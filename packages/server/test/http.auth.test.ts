import { builtInScenarios } from '@zhizhi/core/sample';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { localClient } from './clients.js';
import {
  DEPT,
  DUTY,
  RESIDENT,
  reportBody,
  SECRET,
  testServer,
  tokenFor,
  WORKER,
} from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
let caseId = '';
beforeAll(async () => {
  t = await testServer();
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: await t.auth(WORKER),
    payload: reportBody('矩阵'),
  });
  caseId = r.json().record.id;
});
afterAll(() => t.close());

describe('authentication', () => {
  it('refuses a request without a token, with a bad token, or for a member not in the org (401, JSON)', async () => {
    const none = await t.app.inject({ url: '/api/cases' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({
      code: 'auth.missing',
      message: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const bad = await t.app.inject({
      url: '/api/cases',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(bad.json().code).toBe('auth.invalid');
    const wrongKey = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DUTY)
      .sign(new TextEncoder().encode('another-secret-another-secret-0123456'));
    expect(
      (await t.app.inject({ url: '/api/cases', headers: { authorization: `Bearer ${wrongKey}` } }))
        .statusCode,
    ).toBe(401);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DUTY)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    expect(
      (await t.app.inject({ url: '/api/cases', headers: { authorization: `Bearer ${expired}` } }))
        .statusCode,
    ).toBe(401);
    for (const sub of ['nobody', 'system']) {
      const res = await t.app.inject({
        url: '/api/cases',
        headers: { authorization: `Bearer ${await tokenFor(sub)}` },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.unknownMember');
    }
  });

  it('given a token accepted once, then it is refused as soon as it expires (verified tokens are remembered only until their expiry)', async () => {
    const soon = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DUTY)
      .setExpirationTime(soon)
      .sign(new TextEncoder().encode(SECRET));
    const ask = async () =>
      (await t.app.inject({ url: '/api/cases', headers: { authorization: `Bearer ${token}` } }))
        .statusCode;
    expect(await ask()).toBe(200);
    expect(await ask()).toBe(200); // the remembered verification
    await new Promise((r) => setTimeout(r, soon * 1000 - Date.now() + 50));
    expect(await ask()).toBe(401);
  });

  it('verifies SSO tokens against a key set (ES256)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const { client } = localClient(t.store);
    const app = await createServer({
      client,
      auth: { jwks: { keys: [jwk] }, issuer: 'https://sso.example' },
      tickMs: 0,
    });
    const sign = (iss: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(DUTY)
        .setIssuer(iss)
        .setExpirationTime('5m')
        .sign(privateKey);
    const ok = await app.inject({
      url: '/api/cases',
      headers: { authorization: `Bearer ${await sign('https://sso.example')}` },
    });
    expect(ok.statusCode).toBe(200);
    const other = await app.inject({
      url: '/api/cases',
      headers: { authorization: `Bearer ${await sign('https://evil.example')}` },
    });
    expect(other.statusCode).toBe(401);
    // an HS256 token is refused when the server has no secret
    const hs = await app.inject({
      url: '/api/cases',
      headers: { authorization: `Bearer ${await tokenFor(DUTY)}` },
    });
    expect(hs.statusCode).toBe(401);
    await app.close();
  });

  it('hands out demo tokens only in demo mode', async () => {
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/demo/token',
      payload: { memberId: DUTY },
    });
    expect(off.statusCode).toBe(404);
    const { client } = localClient(t.store);
    const app = await createServer({
      client,
      demo: true,
      tickMs: 0,
      rateLimit: { demoToken: { max: 2, timeWindow: 60_000 } },
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/demo/token',
      payload: { memberId: DUTY },
    });
    expect(res.statusCode).toBe(200);
    const me = await app.inject({
      url: '/api/cases',
      headers: { authorization: `Bearer ${res.json().token}` },
    });
    expect(me.statusCode).toBe(200);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/demo/token',
      payload: { memberId: 'system' },
    });
    expect(unknown.statusCode).toBe(400);
    const limited = await app.inject({
      method: 'POST',
      url: '/api/demo/token',
      payload: { memberId: DUTY },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rateLimited');
    expect(limited.headers['retry-after']).toBeDefined();
    await app.close();
  });
});

describe('a command’s member is the caller', () => {
  it('refuses a forged `by` or `reporterId` with 403 and stores nothing', async () => {
    const before = await t.store.lastSeq();
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: await t.auth(WORKER),
      payload: { type: 'ACCEPT', by: DUTY },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'auth.notCaller', path: ['body', 'by'] });
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(RESIDENT),
      payload: { ...reportBody('冒名'), reporterId: WORKER },
    });
    expect(report.statusCode).toBe(403);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/scenarios/elderly-health-band/instances',
      headers: await t.auth(WORKER),
      payload: { trigger: 'manual', by: DUTY, gridId: 'qj-sj-c1-g1' },
    });
    expect(start.statusCode).toBe(403);
    const readings = await t.app.inject({
      method: 'POST',
      url: '/api/readings',
      headers: await t.auth(DUTY),
      payload: {
        by: 'qj-sj-sensor',
        readings: [{ deviceId: 'd', seq: 1, deviceTime: 0, type: 'smoke', level: 1 }],
      },
    });
    expect(readings.statusCode).toBe(403);
    expect(await t.store.lastSeq()).toBe(before);
    expect((await t.client.getCase(caseId))?.version).toBe(1);
  });
});

describe('role × endpoint', () => {
  const OTHER_DUTY = 'qj-th-duty';
  type Row = [
    label: string,
    run: (member: string) => Promise<number>,
    expected: Record<string, number>,
  ];
  const inject = async (
    member: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) =>
    (
      await t.app.inject({
        method,
        url,
        headers: await t.auth(member),
        ...(payload ? { payload } : {}),
      })
    ).statusCode;
  const rows: Row[] = [
    [
      'GET /api/cases/{id}',
      (m) => inject(m, 'GET', `/api/cases/${caseId}`),
      { [RESIDENT]: 403, [WORKER]: 200, [OTHER_DUTY]: 403, [DEPT]: 200, [DUTY]: 200 },
    ],
    [
      'GET /api/cases?town=qj-sj',
      (m) => inject(m, 'GET', '/api/cases?town=qj-sj'),
      { [RESIDENT]: 200, [WORKER]: 200, [OTHER_DUTY]: 403, [DEPT]: 200, [DUTY]: 200 },
    ],
    [
      'GET /api/cases/{id}/actions',
      (m) => inject(m, 'GET', `/api/cases/${caseId}/actions`),
      { [RESIDENT]: 403, [WORKER]: 200, [OTHER_DUTY]: 403, [DEPT]: 200, [DUTY]: 200 },
    ],
    [
      'GET /api/changes?town=qj-sj',
      (m) => inject(m, 'GET', '/api/changes?town=qj-sj'),
      { [RESIDENT]: 200, [WORKER]: 200, [OTHER_DUTY]: 403, [DEPT]: 200, [DUTY]: 200 },
    ],
    [
      'GET /api/kpis',
      (m) => inject(m, 'GET', '/api/kpis'),
      { [RESIDENT]: 403, [WORKER]: 200, [OTHER_DUTY]: 200, [DEPT]: 200, [DUTY]: 200 },
    ],
    [
      'PUT /api/scenarios/{id}',
      (m) =>
        inject(
          m,
          'PUT',
          '/api/scenarios/elderly-health-band',
          builtInScenarios.find((d) => d.id === 'elderly-health-band'),
        ),
      { [RESIDENT]: 403, [WORKER]: 403, [DEPT]: 403 },
    ],
    [
      'POST /api/readings',
      (m) =>
        inject(m, 'POST', '/api/readings', {
          readings: [{ deviceId: 'd', seq: 1, deviceTime: 0, type: 'smoke', level: 1 }],
        }),
      { [RESIDENT]: 403, [WORKER]: 403, [OTHER_DUTY]: 403, [DEPT]: 403 },
    ],
    [
      'POST /api/cases/{id}/events ACCEPT',
      (m) => inject(m, 'POST', `/api/cases/${caseId}/events`, { type: 'ACCEPT' }),
      { [RESIDENT]: 403, [WORKER]: 403, [OTHER_DUTY]: 403, [DEPT]: 403, [DUTY]: 200 },
    ],
  ];
  for (const [label, run, expected] of rows) {
    it(label, async () => {
      const got: Record<string, number> = {};
      for (const member of Object.keys(expected)) got[member] = await run(member);
      expect(got).toEqual(expected);
    });
  }

  it('a resident lists only the cases they reported', async () => {
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(RESIDENT),
      payload: reportBody('居民上报'),
    });
    expect(own.statusCode, own.body).toBe(201);
    const list = await t.app.inject({ url: '/api/cases', headers: await t.auth(RESIDENT) });
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([own.json().record.id]);
    expect(
      (
        await t.app.inject({
          url: `/api/cases/${own.json().record.id}`,
          headers: await t.auth(RESIDENT),
        })
      ).statusCode,
    ).toBe(200);
  });
});
