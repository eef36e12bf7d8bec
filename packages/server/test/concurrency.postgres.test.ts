import { verifyAuditChain } from '@zhizhi/core';
import type { Store } from '@zhizhi/core/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { type Driver, PgStore, pgDriver, type QueryOptions } from '../src/index.js';
import { localClient, report } from './clients.js';
import { freshSchema, postgresAvailable } from './services.js';

const available = await postgresAvailable('concurrency.postgres.test.ts');
const space = available ? await freshSchema('race') : undefined;
afterAll(() => space?.drop());

const N = 8;
const DUTY = 'qj-sj-duty';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Holds every commit's transaction open a random moment before COMMIT (its change queued or
 * numbered, its counter lock held, nothing visible yet): widens every race window.
 */
function dawdling(driver: Driver, maxMs: number): Driver {
  return {
    ...driver,
    query: <R>(sql: string, params?: readonly unknown[], how?: QueryOptions) =>
      /zz_commit(_many)?\(/.test(sql)
        ? driver.transaction(async (tx) => {
            const rows = await tx.query<R>(sql, params, how);
            await sleep(Math.random() * maxMs);
            return rows;
          })
        : driver.query<R>(sql, params, how),
    transaction: (fn) =>
      driver.transaction(async (tx) => {
        const value = await fn(tx);
        await sleep(Math.random() * maxMs);
        return value;
      }),
  };
}

/** Stores on separate pools (one per simulated process) over the file's schema. */
async function stores(n: number, slow = 0): Promise<PgStore[]> {
  const s = space as NonNullable<typeof space>;
  const out: PgStore[] = [];
  for (let i = 0; i < n; i++) {
    const driver = pgDriver(s.pool(2));
    out.push(await PgStore.open(slow > 0 ? dawdling(driver, slow) : driver));
  }
  return out;
}

describe.skipIf(!available)('PgStore on PostgreSQL under concurrency', () => {
  it('given 8 clients on separate pools racing the same events on many cases, then exactly one wins each and every trail verifies', async () => {
    const all = await stores(N);
    try {
      const clients = all.map((s) => localClient(s).client);
      const [first] = clients;
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        const r = await first?.report(report(`race ${i}`));
        if (!r?.ok) throw new Error('report refused');
        ids.push(r.record.id);
      }
      const results = await Promise.all(
        ids.flatMap((id) =>
          clients.map(async (c) => ({
            id,
            r: await c.send(id, { type: 'ACCEPT', by: DUTY }, { expectedVersion: 1 }),
          })),
        ),
      );
      for (const id of ids) {
        const mine = results.filter((x) => x.id === id);
        expect(mine.filter((x) => x.r.ok).length, id).toBe(1);
        for (const x of mine) if (!x.r.ok) expect(x.r.error.code).toMatch(/conflict$/);
        const trail = await all[1]?.auditTrail(id);
        expect(trail?.map((e) => e.event)).toEqual(['REPORT', 'ACCEPT']);
        expect(verifyAuditChain(trail ?? []).ok).toBe(true);
        expect((await all[2]?.load(id))?.version).toBe(2);
      }
      // each winning commit is in the feed once
      const feed = await (all[0] as Store).changesSince(0, undefined, 10_000);
      expect(feed.filter((c) => c.entry.event === 'ACCEPT').length).toBe(ids.length);
    } finally {
      await Promise.all(all.map((s) => s.close()));
    }
  });

  it('given two runtimes ticking the same due timers, then each timer is claimed and fired once', async () => {
    const all = await stores(2);
    try {
      // a store that remembers which timers it won
      const won: string[] = [];
      const counting = (s: PgStore): Store =>
        new Proxy(s, {
          get(target, prop, receiver) {
            if (prop === 'claimTimer')
              return async (id: string, ...rest: [string, number, number]) => {
                const ok = await target.claimTimer(id, ...rest);
                if (ok) won.push(id);
                return ok;
              };
            const v = Reflect.get(target, prop, receiver);
            return typeof v === 'function' ? v.bind(target) : v;
          },
        });
      const a = localClient(counting(all[0] as PgStore), 'runtime-a');
      const b = localClient(counting(all[1] as PgStore), 'runtime-b');
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await a.client.report(
          report(`timer ${i}`, i % 2 ? 'qj-sj-c1-g1' : 'qj-sj-c1-g2'),
        );
        if (!r.ok) throw new Error('report refused');
        ids.push(r.record.id);
      }
      const due = await all[0]?.dueTimers(Number.MAX_SAFE_INTEGER, 1000);
      expect(due?.length).toBeGreaterThan(0);
      let fired = 0;
      for (const step of [2, 6, 24, 72]) {
        a.clock.advance(step * 3_600_000);
        b.clock.advance(step * 3_600_000);
        const [ra, rb] = await Promise.all([a.client.tick(), b.client.tick()]);
        fired += ra.fired + rb.fired;
      }
      expect(fired).toBeGreaterThan(0);
      expect(new Set(won).size).toBe(won.length);
      for (const id of ids) {
        const trail = (await all[0]?.auditTrail(id)) ?? [];
        expect(verifyAuditChain(trail).ok).toBe(true);
      }
      // no timer is left due-and-unclaimed behind
      const now = a.clock.now();
      expect((await all[1]?.dueTimers(now, 1000))?.length ?? 0).toBe(0);
    } finally {
      await Promise.all(all.map((s) => s.close()));
    }
  });

  it('given writers committing while a reader follows the feed, then the reader never skips a seq that appears later', async () => {
    const all = await stores(N, 8);
    const reader = (await stores(1))[0] as PgStore;
    try {
      const start = await reader.lastSeq();
      let writing = true;
      const seen: number[] = [];
      const townSeen: number[] = [];
      const follow = async () => {
        let last = start;
        let lastTown = start;
        while (writing) {
          for (const c of await reader.changesSince(last, undefined, 7)) {
            seen.push(c.seq);
            last = c.seq;
          }
          for (const c of await reader.changesSince(lastTown, { townId: ['qj-sj', 'x'] }, 5)) {
            townSeen.push(c.seq);
            lastTown = c.seq;
          }
        }
        for (;;) {
          const batch = await reader.changesSince(last, undefined, 500);
          if (batch.length === 0) break;
          for (const c of batch) seen.push(c.seq);
          last = batch.at(-1)?.seq ?? last;
        }
        for (;;) {
          const batch = await reader.changesSince(lastTown, { townId: ['qj-sj', 'x'] }, 500);
          if (batch.length === 0) break;
          for (const c of batch) townSeen.push(c.seq);
          lastTown = batch.at(-1)?.seq ?? lastTown;
        }
      };
      const following = follow();
      await Promise.all(
        all.map(async (s, w) => {
          const { client } = localClient(s);
          for (let i = 0; i < 12; i++) {
            const r = await client.report(report(`feed ${w}.${i}`));
            if (r.ok && i % 3 === 0) await client.send(r.record.id, { type: 'ACCEPT', by: DUTY });
          }
        }),
      );
      writing = false;
      await following;
      const truth = (await reader.changesSince(start, undefined, 100_000)).map((c) => c.seq);
      expect(truth.length).toBe(N * 16);
      expect(seen).toEqual(truth);
      expect(townSeen).toEqual(truth);
      // commit-ordered without holes: a reader that saw n has seen everything before n
      expect(truth).toEqual(truth.map((_, i) => start + i + 1));
    } finally {
      await Promise.all([...all, reader].map((s) => s.close()));
    }
  });

  it('given commits that find the counter taken, then each is numbered by a later turn and told its own number', async () => {
    // the counter is held while a commit's transaction dawdles, so rivals leave their change
    // queued (zz_commit returns null) and wait for zz_sequence(): counted here
    let waited = 0;
    const counting = (d: Driver): Driver => ({
      ...d,
      query: <R>(sql: string, params?: readonly unknown[], how?: QueryOptions) => {
        if (sql.includes('zz_sequence()')) waited++;
        return d.query<R>(sql, params, how);
      },
    });
    const s = space as NonNullable<typeof space>;
    const all: PgStore[] = [];
    for (let i = 0; i < 4; i++) {
      all.push(await PgStore.open(dawdling(counting(pgDriver(s.pool(4))), 6)));
    }
    try {
      const start = await (all[0] as PgStore).lastSeq();
      waited = 0;
      const told = new Map<string, number>();
      await Promise.all(
        all.flatMap((store, w) =>
          [0, 1, 2, 3].map(async (k) => {
            const { client } = localClient(store);
            for (let i = 0; i < 4; i++) {
              const r = await client.report(report(`turn ${w}.${k}.${i}`));
              if (!r.ok) throw new Error(r.error.code);
              told.set(`${r.record.id} ${r.record.version}`, r.seq);
            }
          }),
        ),
      );
      expect(waited).toBeGreaterThan(0);
      const feed = await (all[1] as PgStore).changesSince(start, undefined, 10_000);
      expect(feed.length).toBe(64);
      expect(feed.map((c) => c.seq)).toEqual(feed.map((_, i) => start + i + 1));
      // every commit was told the number the feed gives its change
      for (const c of feed) expect(told.get(`${c.instanceId} ${c.version}`)).toBe(c.seq);
    } finally {
      await Promise.all(all.map((x) => x.close()));
    }
  });

  it('given a change left queued by a process that stopped before its turn, then readers number it', async () => {
    const s = space as NonNullable<typeof space>;
    const [writer, other] = [await stores(1), await stores(1)].flat() as PgStore[];
    try {
      const { client } = localClient(writer as PgStore);
      const r = await client.report(report('left queued'));
      if (!r.ok) throw new Error(r.error.code);
      // what a commit leaves when the counter is taken and its process dies before its turn
      const pool = s.pool(1);
      await pool.query(
        `INSERT INTO change_queue (town_id, kind, instance_id, version, change)
         SELECT town_id, kind, instance_id, 99, change || '{"version":99}' FROM changes
         WHERE instance_id = $1`,
        [r.record.id],
      );
      await pool.end();
      const head = await (other as PgStore).lastSeq();
      await sleep(1100); // a reader numbers stragglers at most once a second
      const after = await (other as PgStore).changesSince(head, undefined, 10);
      expect(after.map((c) => [c.seq, c.instanceId, c.version])).toEqual([
        [head + 1, r.record.id, 99],
      ]);
      // and a store opened later finds nothing left
      const reopened = (await stores(1))[0] as PgStore;
      expect(await reopened.lastSeq()).toBe(head + 1);
      await reopened.close();
    } finally {
      await Promise.all([writer, other].map((x) => x?.close()));
    }
  });
});
