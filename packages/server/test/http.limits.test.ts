import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUTY, reportBody, testServer, WORKER } from './http.helpers.js';

let t: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  t = await testServer({
    cors: { origins: ['https://portal.example.gov.cn'] },
    rateLimit: { reports: { max: 2, timeWindow: 60_000 } },
  });
});
afterAll(() => t.close());

describe('CORS and rate limits', () => {
  it('allows listed origins only, and answers preflights without a token', async () => {
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/cases',
      headers: {
        origin: 'https://portal.example.gov.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(pre.statusCode).toBeLessThan(300);
    expect(pre.headers['access-control-allow-origin']).toBe('https://portal.example.gov.cn');
    const other = await t.app.inject({
      url: '/api/org',
      headers: { ...(await t.auth(DUTY)), origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await t.app.inject({
      url: '/api/org',
      headers: { ...(await t.auth(DUTY)), origin: 'https://portal.example.gov.cn' },
    });
    expect(listed.headers['access-control-allow-origin']).toBe('https://portal.example.gov.cn');
  });

  it('limits reports per member (429, JSON, Retry-After) and stores nothing over the limit', async () => {
    const headers = await t.auth(WORKER);
    for (let i = 0; i < 2; i++) {
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers,
        payload: reportBody(`r${i}`),
      });
      expect(ok.statusCode).toBe(201);
    }
    const before = await t.store.lastSeq();
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: reportBody('r3'),
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rateLimited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.store.lastSeq()).toBe(before);
    // another member has a budget of their own
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await t.auth('qj-sj-c1-g1-chief'),
      payload: reportBody('r4'),
    });
    expect(other.statusCode).toBe(201);
  });
});
