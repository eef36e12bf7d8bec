import { type Commit, verifyAuditChain } from '@zhizhi/core';
import { StoreConflict } from '@zhizhi/core/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Driver,
  PgStore,
  type PgStoreOptions,
  pgDriver,
  type QueryOptions,
} from '../src/index.js';
import { localClient, report } from './clients.js';
import { freshSchema, postgresAvailable } from './services.js';

const available = await postgresAvailable('groupCommit.postgres.test.ts');
const space = available ? await freshSchema('group') : undefined;
afterAll(() => space?.drop());

const DUTY = 'qj-sj-duty';

/** A driver that counts the commit calls it passes on (single and grouped). */
function counting(driver: Driver) {
  const calls = { one: 0, many: 0, sizes: [] as number[] };
  const wrapped: Driver = {
    ...driver,
    query: <R>(sql: string, params?: readonly unknown[], how?: QueryOptions) => {
      if (sql.includes('zz_commit_many(')) {
        calls.many += 1;
        calls.sizes.push((JSON.parse(String(params?.[0])) as unknown[]).length);
      } else if (sql.includes('zz_commit(')) calls.one += 1;
      return driver.query<R>(sql, params, how);
    },
  };
  return { driver: wrapped, calls };
}

async function open(options?: PgStoreOptions) {
  const s = space as NonNullable<typeof space>;
  const { driver, calls } = counting(pgDriver(s.pool(4)));
  const store = await PgStore.open(driver, options);
  return { store, calls, ...localClient(store) };
}

describe.skipIf(!available)('PgStore group commit on PostgreSQL', () => {
  it('given 40 reports sent at once, when they commit, then they share calls and each gets its own sequence number', async () => {
    const { store, calls, client } = await open();
    const before = await store.lastSeq();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.report(report(`group ${i}`))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(calls.many).toBeGreaterThan(0);
    expect(calls.one + calls.many).toBeLessThan(40);
    expect(Math.max(...calls.sizes)).toBeGreaterThan(1);
    const seqs = results.map((r) => (r.ok ? r.seq : 0));
    expect(new Set(seqs).size).toBe(40);
    // the feed has each of them once, numbered without a gap
    const feed = await store.changesSince(before, undefined, 1000);
    expect(feed.map((c) => c.seq)).toEqual(feed.map((_, i) => before + i + 1));
    expect(feed.map((c) => c.seq).sort((a, b) => a - b)).toEqual([...seqs].sort((a, b) => a - b));
    await client.close();
  });

  it('given two events racing on one case inside one group, then one wins, the other gets its own conflict, and the rest of the group is stored', async () => {
    const { store, calls, client } = await open();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await client.report(report(`conflict ${i}`));
      if (!r.ok) throw new Error('report refused');
      ids.push(r.record.id);
    }
    const [raced, ...others] = ids as [string, ...string[]];
    const accept = (id: string) =>
      client.send(id, { type: 'ACCEPT', by: DUTY }, { expectedVersion: 1 });
    const manyBefore = calls.many;
    const results = await Promise.all([accept(raced), accept(raced), ...others.map(accept)]);
    expect(calls.many).toBeGreaterThan(manyBefore);
    const onRaced = results.slice(0, 2);
    expect(onRaced.filter((r) => r.ok)).toHaveLength(1);
    const loser = onRaced.find((r) => !r.ok);
    expect(loser?.ok === false && loser.error.code).toBe('store.conflict');
    expect(loser?.ok === false && loser.error.params).toMatchObject({ expected: 1, actual: 2 });
    expect(results.slice(2).every((r) => r.ok)).toBe(true);
    for (const id of ids) {
      const trail = await store.auditTrail(id);
      expect(trail.map((e) => e.event)).toEqual(['REPORT', 'ACCEPT']);
      expect(verifyAuditChain(trail).ok).toBe(true);
    }
    await client.close();
  });

  it('given a commit that fails for another reason inside a group, then it alone fails with its own error and the others commit', async () => {
    const { store, calls } = await open();
    const commit = (id: string, dueAt: unknown): Commit => ({
      record: {
        id,
        kind: 'probe',
        townId: 'qj-sj',
        status: 'open',
        version: 1,
        slaDueAt: null,
        updatedAt: 1,
        lastHash: 'h',
        context: {},
      } as unknown as Commit['record'],
      expectedVersion: 0,
      entries: [{ seq: 1, at: 1, event: 'OPEN', hash: 'h' } as unknown as Commit['entries'][0]],
      timers: [{ id: `${id}-t`, caseId: id, dueAt, step: 's' } as unknown as Commit['timers'][0]],
      notifications: [],
    });
    const tag = Math.random().toString(36).slice(2, 8);
    const settled = await Promise.allSettled([
      store.commit(commit(`ok1-${tag}`, 5)),
      store.commit(commit(`bad-${tag}`, 'not a time')),
      store.commit(commit(`ok2-${tag}`, 6)),
      store.commit(commit(`ok3-${tag}`, 7)),
    ]);
    expect(calls.many).toBeGreaterThan(0);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const bad = settled[1] as PromiseRejectedResult;
    expect(bad.reason).not.toBeInstanceOf(StoreConflict);
    expect((bad.reason as { code?: string }).code).toBe('22P02');
    expect(await store.load(`bad-${tag}`)).toBeUndefined();
    expect((await store.load(`ok2-${tag}`))?.version).toBe(1);
    expect((await store.timersOf(`ok3-${tag}`)).map((t) => t.dueAt)).toEqual([7]);
  });

  it('given group commit turned off, when commits arrive together, then each is a call of its own', async () => {
    const { calls, client } = await open({ groupCommit: false });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.report(report(`alone ${i}`))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(calls.many).toBe(0);
    expect(calls.one).toBe(8);
    await client.close();
  });
});
