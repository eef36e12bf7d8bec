/**
 * Guarantee 1 (a 2xx means durably stored) and 2 (applied once) under `kill -9`.
 *
 * A server child process (test/fixtures/serverProcess.ts) runs on a PGlite data directory, and
 * on PostgreSQL; the test process drives reports (each with its own Idempotency-Key) and event
 * chains (ACCEPT → DISPATCH → ACKNOWLEDGE → PROGRESS×3, each event with a unique note and
 * If-Match) over HTTP while the server is killed with SIGKILL at random moments and restarted
 * on the same data. A report without an answer is retried with its key (what a client does);
 * an event without an answer is not retried blindly: the client reads the case and carries on.
 * Afterwards: every 2xx is there once, no note is in any trail twice, every key opened one
 * case, every trail verifies, and no request got a 5xx.
 *
 * CI share: 8 kills per store (~15-30 s per store). Full run (100 kills per store):
 *   ZHIZHI_RELIABILITY_FULL=1 pnpm --filter @zhizhi/server exec vitest run test/reliability.kill.test.ts
 * (or ZHIZHI_RELIABILITY_KILLS=<n> for any count.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allCases,
  call,
  DUTY,
  POST,
  type Reply,
  reportBody,
  STAFF,
  sleep,
  trailOf,
  uid,
  verify,
  WORKER,
} from './fixtures/load.js';
import { type ServerChild, spawnServer } from './fixtures/spawnServer.js';
import { freshSchema, postgresAvailable } from './services.js';

const FULL = process.env.ZHIZHI_RELIABILITY_FULL === '1';
const KILLS = Number(process.env.ZHIZHI_RELIABILITY_KILLS ?? (FULL ? 100 : 8));
const WORKERS = 6;
const PROGRESS_STEPS = 3;

const available = await postgresAvailable('reliability.kill.test.ts');
const space = available ? await freshSchema('kill') : undefined;
const dir = mkdtempSync(join(tmpdir(), 'zhizhi-kill-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await space?.drop();
});

/** The one live server (never two on one PGlite directory), restarted after every kill. */
class Supervisor {
  current: ServerChild | undefined;
  #up: Promise<void> = Promise.resolve();
  #release: () => void = () => undefined;
  constructor(private readonly env: Record<string, string>) {}
  get url() {
    return this.current?.url ?? 'http://127.0.0.1:1';
  }
  async start() {
    this.current = await spawnServer(this.env);
    this.#release();
  }
  restarts: number[] = [];
  async killAndRestart() {
    const t = performance.now();
    this.#up = new Promise((r) => {
      this.#release = r;
    });
    await this.current?.kill9();
    await this.start();
    this.restarts.push(Math.round(performance.now() - t));
  }
  /** After a failed call: wait until a server is up again. */
  async settle() {
    await this.#up;
    await sleep(20);
  }
}

interface Stats {
  statuses: Map<number, number>;
  fiveHundreds: { path: string; reply: Reply }[];
  ackedKeys: Map<string, string>; // idempotency key → case id
  ackedNotes: Map<string, string>; // note → case id (2xx)
  sentNotes: Map<string, string>; // note → case id (any answer or none)
  ambiguous: number;
  replayed: number;
}

async function run(sup: Supervisor, stats: Stats, stop: () => boolean, worker: number) {
  const count = (path: string, r: Reply) => {
    stats.statuses.set(r.status, (stats.statuses.get(r.status) ?? 0) + 1);
    if (r.status >= 500) stats.fiveHundreds.push({ path, reply: r });
    if (r.status === 0) stats.ambiguous += 1;
  };
  for (let n = 0; !stop(); n++) {
    // report, retried with its key until it is acknowledged
    const key = `w${worker}-${n}-${uid()}`;
    let id: string | undefined;
    let version = 1;
    while (!id) {
      const r = await call(sup.url, 'POST', '/api/cases', WORKER, reportBody(`kill ${key}`), {
        'idempotency-key': key,
      });
      count('POST /api/cases', r);
      if (r.status === 200 || r.status === 201) {
        if (r.status === 200) stats.replayed += 1;
        id = r.body.record.id as string;
        version = r.body.record.version;
        stats.ackedKeys.set(key, id);
      } else if (r.status === 0 || r.status >= 500) await sup.settle();
      else throw new Error(`report refused: ${r.status} ${JSON.stringify(r.body)}`);
    }
    // the chain of events, each with a fresh note; after no answer, read the case and go on
    let progressed = 0;
    let status = 'intake';
    while (!stop() && progressed < PROGRESS_STEPS) {
      const note = `n-${uid()}`;
      const step =
        status === 'intake'
          ? { as: DUTY, body: { type: 'ACCEPT', note } }
          : status === 'dispatching'
            ? { as: DUTY, body: { type: 'DISPATCH', lead: { kind: 'post', id: POST }, note } }
            : status === 'assigned'
              ? { as: STAFF, body: { type: 'ACKNOWLEDGE', note } }
              : { as: STAFF, body: { type: 'PROGRESS', note } };
      if (
        status !== 'intake' &&
        status !== 'dispatching' &&
        status !== 'assigned' &&
        status !== 'inProgress'
      )
        throw new Error(`unexpected status ${status}`);
      stats.sentNotes.set(note, id);
      const path = `/api/cases/${encodeURIComponent(id)}/events`;
      const r = await call(sup.url, 'POST', path, step.as, step.body, {
        'if-match': `"${version}"`,
      });
      count(`POST ${path} ${step.body.type}`, r);
      if (r.status === 200) {
        stats.ackedNotes.set(note, id);
        version = r.body.record.version;
        status = r.body.record.status;
        if (step.body.type === 'PROGRESS') progressed += 1;
        continue;
      }
      if (r.status !== 0 && r.status !== 409 && r.status < 500)
        throw new Error(`${step.body.type} refused: ${r.status} ${JSON.stringify(r.body)}`);
      // no answer, or a conflict (an unanswered event did apply): read where the case is
      for (;;) {
        if (r.status !== 409) await sup.settle();
        const got = await call(sup.url, 'GET', `/api/cases/${encodeURIComponent(id)}`, DUTY);
        count('GET /api/cases/:id', got);
        if (got.status === 200) {
          version = got.body.record.version;
          status = got.body.record.status;
          progressed = got.body.audit.filter(
            (e: { event: string }) => e.event === 'PROGRESS',
          ).length;
          break;
        }
        if (got.status !== 0 && got.status < 500) throw new Error(`read ${got.status}`);
        await sup.settle();
      }
    }
  }
}

async function killLoop(env: Record<string, string>) {
  const sup = new Supervisor(env);
  await sup.start();
  const stats: Stats = {
    statuses: new Map(),
    fiveHundreds: [],
    ackedKeys: new Map(),
    ackedNotes: new Map(),
    sentNotes: new Map(),
    ambiguous: 0,
    replayed: 0,
  };
  let stopping = false;
  try {
    const workers = Array.from({ length: WORKERS }, (_, w) => run(sup, stats, () => stopping, w));
    const failed = Promise.race(workers).then(
      () => undefined,
      (e) => e,
    );
    for (let k = 0; k < KILLS; k++) {
      await Promise.race([sleep(150 + Math.random() * 1000), failed]);
      await sup.killAndRestart();
    }
    await sleep(300);
    stopping = true;
    await Promise.all(workers);

    const base = sup.url;
    const checking = performance.now();
    expect(stats.fiveHundreds, JSON.stringify(stats.fiveHundreds.slice(0, 3))).toEqual([]);
    // every key opened exactly one case, and every acknowledged report is there
    const cases = await allCases(base);
    const ids = new Set(cases.map((c) => c.id));
    expect(ids.size).toBe(cases.length);
    expect(new Set(stats.ackedKeys.values()).size).toBe(stats.ackedKeys.size);
    for (const id of stats.ackedKeys.values()) expect(ids.has(id), id).toBe(true);
    expect(cases.length).toBe(stats.ackedKeys.size);
    // every acknowledged event once; no event (note) twice; every trail verifies
    const seen = new Map<string, number>();
    for (const { id } of cases) {
      const trail = await trailOf(base, id);
      expect(trail[0]?.event).toBe('REPORT');
      for (const e of trail)
        if (e.note?.startsWith('n-')) seen.set(e.note, (seen.get(e.note) ?? 0) + 1);
      for (const e of trail)
        if (e.note?.startsWith('n-')) expect(stats.sentNotes.get(e.note), e.note).toBe(id);
      const v = await verify(base, id);
      expect(v, id).toMatchObject({ ok: true, headMatchesRecord: true, length: trail.length });
    }
    for (const [note, n] of seen) expect(n, note).toBe(1);
    for (const note of stats.ackedNotes.keys()) expect(seen.get(note), note).toBe(1);
    console.info(
      `[kill ${env.ZZ_STORE?.split(':')[0]}] ${KILLS} kills, ${cases.length} cases, ` +
        `${stats.ackedNotes.size} acknowledged events, ${stats.ambiguous} unanswered requests, ` +
        `${stats.replayed} idempotent replays; restarts ${sup.restarts.join(' ')} ms; ` +
        `checked in ${Math.round(performance.now() - checking)} ms; statuses ${JSON.stringify([...stats.statuses])}`,
    );
    return stats;
  } finally {
    stopping = true;
    await sup.current?.stop();
  }
}

describe('kill -9 at random moments', () => {
  it(`PGlite data directory: ${KILLS} kills lose no acknowledged write and double none`, {
    timeout: 60_000 + KILLS * 6_000,
  }, async () => {
    await killLoop({ ZZ_STORE: `pglite:${join(dir, 'data')}` });
  });

  it.skipIf(!available)(
    `PostgreSQL: ${KILLS} kills lose no acknowledged write and double none`,
    { timeout: 60_000 + KILLS * 6_000 },
    async () => {
      await killLoop({ ZZ_STORE: `pg:${space?.schema}` });
    },
  );
});
