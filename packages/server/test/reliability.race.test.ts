/**
 * Guarantee 2 across processes: 4 server child processes (test/fixtures/serverProcess.ts) on
 * one PostgreSQL schema get the same ACCEPT, then the same DISPATCH, of every case at the same
 * moment — half of the cases with If-Match, half without. For every case and transition: one
 * 200, every other sender a 409 with a typed code, a trail of REPORT, ACCEPT, DISPATCH (one
 * dispatch), and a trail that verifies. No 5xx.
 *
 * CI share: 200 cases. Full run (1,000 cases):
 *   ZHIZHI_RELIABILITY_FULL=1 pnpm --filter @zhizhi/server exec vitest run test/reliability.race.test.ts
 * (or ZHIZHI_RELIABILITY_CASES=<n>.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  call,
  DUTY,
  POST,
  type Reply,
  reportBody,
  trailOf,
  uid,
  verify,
  WORKER,
} from './fixtures/load.js';
import { type ServerChild, spawnServer } from './fixtures/spawnServer.js';
import { freshSchema, postgresAvailable } from './services.js';

const FULL = process.env.ZHIZHI_RELIABILITY_FULL === '1';
const CASES = Number(process.env.ZHIZHI_RELIABILITY_CASES ?? (FULL ? 1000 : 200));
const PROCESSES = 4;
/** Cases raced at once (each by every process). */
const WAVE = 16;

const available = await postgresAvailable('reliability.race.test.ts');
const space = available ? await freshSchema('race_http') : undefined;
const servers: ServerChild[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await space?.drop();
});

/** Runs `fn` over `items`, `width` at a time. */
async function inWaves<T, R>(items: T[], width: number, fn: (t: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

describe.skipIf(!available)(`${PROCESSES} server processes on one PostgreSQL`, () => {
  it(`race the same ACCEPT and DISPATCH on ${CASES} cases: one 200 each, the others 409`, {
    timeout: 60_000 + CASES * 200,
  }, async () => {
    servers.push(
      ...(await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) =>
          spawnServer({ ZZ_STORE: `pg:${space?.schema}`, ZZ_TICK_MS: '0', ZZ_CLAIMANT: `p${i}` }),
        ),
      )),
    );
    const urls = servers.map((s) => s.url);
    const fiveHundreds: Reply[] = [];
    const ids = await inWaves(
      Array.from({ length: CASES }, (_, i) => i),
      WAVE,
      async (i) => {
        const r = await call(
          urls[i % PROCESSES] as string,
          'POST',
          '/api/cases',
          WORKER,
          reportBody(`race ${i}`),
          {
            'idempotency-key': `race-${i}-${uid()}`,
          },
        );
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body.record.id as string;
      },
    );

    const race = async (id: string, i: number, body: Record<string, unknown>, version: number) => {
      // half the cases name the version they saw, half do not (the store still decides)
      const headers: Record<string, string> = i % 2 === 0 ? { 'if-match': `"${version}"` } : {};
      const path = `/api/cases/${encodeURIComponent(id)}/events`;
      const replies = await Promise.all(
        urls.map((u) => call(u, 'POST', path, DUTY, body, headers)),
      );
      for (const r of replies) if (r.status >= 500 || r.status === 0) fiveHundreds.push(r);
      return replies;
    };
    const outcome = { conflictCodes: new Map<string, number>() };
    const check = (replies: Reply[], what: string) => {
      expect(
        replies.filter((r) => r.status === 200).length,
        `${what}: ${JSON.stringify(replies.map((r) => r.body?.code ?? r.status))}`,
      ).toBe(1);
      for (const r of replies) {
        if (r.status === 200) continue;
        expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(409);
        expect(r.body.code, what).toMatch(
          /^(store\.conflict|event\.wrongState|event\.notApplicable)$/,
        );
        outcome.conflictCodes.set(r.body.code, (outcome.conflictCodes.get(r.body.code) ?? 0) + 1);
      }
    };
    await inWaves(ids, WAVE, async (id, i) => {
      check(await race(id, i, { type: 'ACCEPT', note: `a-${i}` }, 1), `ACCEPT ${id}`);
      check(
        await race(
          id,
          i,
          { type: 'DISPATCH', lead: { kind: 'post', id: POST }, note: `d-${i}` },
          2,
        ),
        `DISPATCH ${id}`,
      );
    });
    expect(fiveHundreds).toEqual([]);

    await inWaves(ids, 8, async (id, i) => {
      const base = urls[(i + 1) % PROCESSES] as string;
      const trail = await trailOf(base, id);
      expect(
        trail.map((e) => e.event),
        id,
      ).toEqual(['REPORT', 'ACCEPT', 'DISPATCH']);
      expect(await verify(base, id), id).toMatchObject({ ok: true, headMatchesRecord: true });
    });
    console.info(
      `[race] ${CASES} cases × ${PROCESSES} processes: losers got ${JSON.stringify([...outcome.conflictCodes])}`,
    );
  });
});
