import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, reportBody, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
let caseId = '';
beforeAll(async () => {
  t = await testServer({ bodyLimit: 64 * 1024, rateLimit: false });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: await t.auth(WORKER),
    payload: reportBody('错误'),
  });
  caseId = r.json().record.id;
});
afterAll(() => t.close());

const isApiError = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { code?: unknown }).code === 'string' &&
  typeof (body as { message?: { zh?: unknown } }).message?.zh === 'string' &&
  typeof (body as { message?: { en?: unknown } }).message?.en === 'string';

describe('bad input', () => {
  it('names the path of a wrong-type field (400) and stores nothing', async () => {
    const before = await t.store.lastSeq();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth(WORKER),
      payload: { ...reportBody('x'), severity: 42 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', path: ['body', 'severity'] });
    const event = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: await t.auth(DUTY),
      payload: { type: 'REJECT' },
    });
    expect(event.statusCode).toBe(400);
    expect(event.json().path).toEqual(['body', 'reason']);
    expect(await t.store.lastSeq()).toBe(before);
  });

  it('refuses __proto__ and constructor.prototype bodies (400) naming the path and the rule, and stores nothing', async () => {
    const before = await t.store.lastSeq();
    const headers = { ...(await t.auth(WORKER)), 'content-type': 'application/json' };
    const base =
      '"gridId":"qj-sj-c1-g1","category":"riverPollution","severity":"medium","title":"p"';
    for (const [payload, path] of [
      [`{${base},"__proto__":{"reporterId":"qj-sj-duty"}}`, ['body', '__proto__']],
      [`{${base},"constructor":{"prototype":{"x":1}}}`, ['body', 'constructor', 'prototype']],
      [`{${base},"location":{"lat":1,"lng":2,"__proto__":{}}}`, ['body', 'location', '__proto__']],
      [`{${base},"photos":["a",{"b":{"__proto__":1}}]}`, ['body', 'photos', 1, 'b', '__proto__']],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers, payload });
      expect(res.statusCode, payload).toBe(400);
      const body = res.json();
      expect(isApiError(body)).toBe(true);
      expect(body.code).toBe('request.invalid');
      expect(body.path).toEqual(path);
      expect(body.message.en).toContain(path.join('.'));
      expect(body.message.en).toContain('prototype poisoning');
    }
    const open311 = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers,
      payload: '{"service_code":"riverPollution","__proto__":{"x":1}}',
    });
    expect(open311.statusCode).toBe(400);
    expect(open311.json()[0].description).toContain('body.__proto__');
    const category = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: '{"gridId":"qj-sj-c1-g1","category":"__proto__","severity":"medium","title":"p"}',
    });
    expect(category.statusCode).toBe(400);
    expect(category.json().path).toEqual(['body', 'category']);
    expect(await t.store.lastSeq()).toBe(before);
    expect(({} as Record<string, unknown>).reporterId).toBeUndefined();
  });

  it('answers 413 to an oversized body and 400 to malformed JSON', async () => {
    const headers = await t.auth(WORKER);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { ...reportBody('x'), description: 'x'.repeat(100_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('request.tooLarge');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('request.malformed');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.statusCode).toBe(415);
    const ifMatch = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: { ...(await t.auth(DUTY)), 'if-match': 'soon' },
      payload: { type: 'ACCEPT' },
    });
    expect(ifMatch.statusCode).toBe(400);
  });

  it('answers JSON 404s for unknown routes and cases, without echoing markup', async () => {
    const route = await t.app.inject({ url: '/api/nope', headers: await t.auth(DUTY) });
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('route.notFound');
    const missing = await t.app.inject({
      url: `/api/cases/${encodeURIComponent('<script>alert(1)</script>')}`,
      headers: await t.auth(DUTY),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.json().code).toBe('case.notFound');
  });

  it('never answers 5xx to random bodies, and stores nothing but valid reports (fuzz)', async () => {
    const headers = await t.auth(WORKER);
    const dutyHeaders = await t.auth(DUTY);
    const key = fc.oneof(
      fc.constantFrom(
        'gridId',
        'category',
        'severity',
        'title',
        'type',
        'by',
        'reporterId',
        'lead',
        '__proto__',
        'constructor',
        'location',
        'photos',
      ),
      fc.string({ maxLength: 8 }),
    );
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
      fc.record({
        gridId: fc.string({ maxLength: 20 }),
        category: fc.string({ maxLength: 10 }),
        severity: fc.constantFrom('low', 'medium', 'high', 'x'),
        title: fc.string({ maxLength: 10 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, toEvents) => {
        const before = await t.store.lastSeq();
        const res = await t.app.inject({
          method: 'POST',
          url: toEvents ? `/api/cases/${caseId}/events` : '/api/cases',
          headers: { ...(toEvents ? dutyHeaders : headers), 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode).toBeLessThan(500);
        const poisoned = findPoisoned(payload);
        if (poisoned) {
          expect(res.statusCode).toBe(400);
          expect(res.json().path).toEqual(['body', ...poisoned]);
        }
        const after = await t.store.lastSeq();
        if (res.statusCode >= 400) {
          expect(isApiError(res.json())).toBe(true);
          expect(after).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The path of the first `__proto__` key (or `constructor.prototype`) in a value, depth first. */
function findPoisoned(v: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const p = findPoisoned(x, [...path, i]);
      if (p) return p;
    }
    return undefined;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k === '__proto__') return [...path, k];
    const c = o[k];
    if (k === 'constructor' && typeof c === 'object' && c !== null && Object.hasOwn(c, 'prototype'))
      return [...path, k, 'prototype'];
  }
  for (const k of Object.keys(o)) {
    const p = findPoisoned(o[k], [...path, k]);
    if (p) return p;
  }
  return undefined;
}
