/**
 * Guarantee 3: SLA timers that fall due while every server process is down fire after the
 * restart, once. Two server child processes (test/fixtures/serverProcess.ts) on one PostgreSQL
 * schema, their clocks started at START (real speed), take reports; both are killed with
 * SIGKILL; both restart with their clocks 3 h later, so every accept/escalation timer is due.
 * One of them is killed again a moment into firing and restarts 5 min later on its clock (past
 * the 60 s claim lease of what it had claimed; the two clocks now disagree by 5 min). Each case's
 * SLA_OVERDUE entries must be exactly those an in-process reference (MemoryStore, simulated
 * clock) fires, none twice; no timer is left due; every trail verifies; no 5xx.
 *
 * CI share: 40 cases. Full run (400 cases):
 *   ZHIZHI_RELIABILITY_FULL=1 pnpm --filter @zhizhi/server exec vitest run test/reliability.timers.test.ts
 */
import { MemoryStore } from '@zhizhi/core/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { localClient, START } from './clients.js';
import { call, reportBody, sleep, trailOf, uid, verify, WORKER } from './fixtures/load.js';
import { type ServerChild, spawnServer } from './fixtures/spawnServer.js';
import { freshSchema, postgresAvailable } from './services.js';

const FULL = process.env.ZHIZHI_RELIABILITY_FULL === '1';
const CASES = Number(process.env.ZHIZHI_RELIABILITY_TIMER_CASES ?? (FULL ? 400 : 40));
const H = 3_600_000;

const available = await postgresAvailable('reliability.timers.test.ts');
const space = available ? await freshSchema('timers_http') : undefined;
const live = new Set<ServerChild>();
afterAll(async () => {
  await Promise.all([...live].map((s) => s.stop()));
  await space?.drop();
});

const iso = (ms: number) => new Date(ms).toISOString();
async function start(name: string, clockAt: number, tickMs: number) {
  const s = await spawnServer({
    ZZ_STORE: `pg:${space?.schema}`,
    ZZ_CLOCK_START: iso(clockAt),
    ZZ_TICK_MS: String(tickMs),
    ZZ_CLAIMANT: name,
  });
  live.add(s);
  return s;
}
async function kill(s: ServerChild) {
  await s.kill9();
  live.delete(s);
}

/** What each case's SLA_OVERDUE entries are, by an in-process runtime at `at`. */
async function reference(at: number): Promise<string[]> {
  const { client, clock } = localClient(new MemoryStore());
  const r = await client.report({ ...reportBody('ref'), reporterId: WORKER });
  if (!r.ok) throw new Error('reference report refused');
  clock.set(at);
  while ((await client.tick()).fired > 0) {}
  const trail = await client.audit(r.record.id);
  await client.close();
  return overdue(trail);
}
const overdue = (trail: { event: string; data?: unknown }[]) =>
  trail
    .filter((e) => e.event === 'SLA_OVERDUE')
    .map((e) => {
      const d = e.data as { clock?: string; level?: number } | null | undefined;
      return `${d?.clock}:${d?.level}`;
    })
    .sort();

describe.skipIf(!available)('SLA timers due while every process was down', () => {
  it(`fire once after the restart, across 2 processes (${CASES} cases)`, {
    timeout: 90_000 + CASES * 500,
  }, async () => {
    const t0 = Date.parse(START);
    const expected = await reference(t0 + 3 * H);
    expect(expected.length).toBeGreaterThan(0);
    expect(await reference(t0 + 3 * H + 6 * 60_000)).toEqual(expected);

    // both up at START, reports spread over them; no tick may fire anything yet
    let a = await start('a', t0, 100);
    let b = await start('b', t0, 100);
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, CASES - i) }, (_, j) =>
          call((j % 2 ? a : b).url, 'POST', '/api/cases', WORKER, reportBody(`timer ${i + j}`), {
            'idempotency-key': `t-${i + j}-${uid()}`,
          }),
        ),
      );
      for (const r of batch) {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids.push(r.body.record.id);
      }
    }
    // every process down
    await Promise.all([kill(a), kill(b)]);

    // both back 3 h later; a dies again a moment into firing and comes back 5 min later still
    [a, b] = await Promise.all([start('a', t0 + 3 * H, 100), start('b', t0 + 3 * H, 100)]);
    await sleep(50 + Math.random() * 400);
    await kill(a);
    a = await start('a2', t0 + 3 * H + 5 * 60_000, 100);

    const fiveHundreds: unknown[] = [];
    const deadline = Date.now() + 30_000 + CASES * 200;
    let pending = ids.length;
    while (pending > 0 && Date.now() < deadline) {
      await sleep(300);
      pending = 0;
      for (const id of ids) {
        const got = await call(b.url, 'GET', `/api/cases/${encodeURIComponent(id)}`, 'qj-sj-duty');
        if (got.status >= 500) fiveHundreds.push(got.body);
        if (got.status !== 200 || overdue(got.body.audit).length < expected.length) pending++;
      }
    }
    // a few more ticks on both: nothing more may fire
    await sleep(800);
    expect(fiveHundreds).toEqual([]);
    for (const [i, id] of ids.entries()) {
      const base = (i % 2 ? a : b).url;
      const trail = await trailOf(base, id);
      expect(overdue(trail), id).toEqual(expected);
      expect(await verify(base, id), id).toMatchObject({ ok: true, headMatchesRecord: true });
    }
    const store = await space?.open(1);
    try {
      expect(await store?.dueTimers(t0 + 3 * H + 10 * 60_000, 100, 'sla')).toEqual([]);
    } finally {
      await store?.close();
    }
  });
});
