import { PGlite } from '@electric-sql/pglite';
import { MemoryStore, type Store } from '@zhizhi/core/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore, pgliteDriver } from '../src/index.js';
import { localClient, report } from './clients.js';

const db = await PGlite.create('memory://');
afterAll(() => db.close());

/** The same story on MemoryStore (the reference) and on PgStore; every read must agree. */
async function story(store: Store) {
  let n = 0;
  const { client, clock } = localClient(store, 'runtime-x', () => `c${++n}`);
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    const r = await client.report(report(`s ${i}`, i % 2 ? 'qj-sj-c1-g1' : 'qj-sj-c1-g2'));
    if (!r.ok) throw new Error('refused');
    ids.push(r.record.id);
    clock.advance(1000);
  }
  await client.send(ids[1] as string, { type: 'ACCEPT', by: 'qj-sj-duty' });
  await client.send(ids[4] as string, { type: 'ACCEPT', by: 'qj-sj-duty' });
  const now = clock.now() + 3 * 3_600_000;
  const pending = await store.pendingNotifications(3);
  await store.markDelivered(
    pending.slice(0, 2).map((n) => n.id),
    now,
  );
  const due = await store.dueTimers(now, 100);
  const claims = [
    await store.claimTimer(due[0]?.id ?? '', 'a', now, now + 60_000),
    await store.claimTimer(due[0]?.id ?? '', 'b', now, now + 60_000),
    await store.claimTimer(due[0]?.id ?? '', 'b', now + 60_000, now + 120_000),
    await store.claimTimer('no-such-timer', 'b', now, now + 1),
  ];
  const pages: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page({
      townId: 'qj-sj',
      status: ['intake', 'assigned'],
      limit: 2,
      ...(cursor ? { cursor } : {}),
    });
    pages.push(page.items.map((r) => r.id));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return {
    claims,
    pages,
    due: due.map((t) => t.id),
    dueAfterClaim: (await store.dueTimers(now, 100, 'sla')).map((t) => t.id),
    pending: (await store.pendingNotifications(100)).map((n) => n.id),
    overdue: (await store.query({ overdue: true, now })).map((r) => r.id),
    notOverdue: (await store.query({ overdue: false, now: clock.now() })).map((r) => r.id),
    section: (await store.query({ section: 'safetyRuleOfLaw' })).map((r) => r.id),
    scenarios: (await store.query({ kind: 'scenario' })).length,
    limited: (await store.query({ status: 'intake', limit: 2 })).map((r) => r.id),
    feedTown: (await store.changesSince(2, { townId: 'qj-sj', kind: 'case' }, 4)).map((c) => c.seq),
    feedOne: (await store.changesSince(0, { instanceId: ids[1] as string })).map((c) => c.version),
    lastSeq: await store.lastSeq(),
    failed: [
      await store.failHandoff({
        handoffId: 'none',
        at: 1,
        error: { code: 'x', message: { zh: '', en: '' } },
      }),
    ],
    failures: await store.handoffFailures(),
    defs: [
      await store.putDefinition({
        id: 'd',
        version: '1',
        doc: { a: 1 },
        deployedAt: 1,
        deployedBy: 'u',
      }),
      await store.putDefinition({
        id: 'd',
        version: '2',
        doc: { a: 2 },
        deployedAt: 2,
        deployedBy: 'u',
      }),
      await store.putDefinition({
        id: 'd',
        version: '1',
        doc: { a: 3 },
        deployedAt: 3,
        deployedBy: 'u',
      }),
    ],
    latest: await store.definition('d'),
    v1: await store.definition('d', '1'),
    missing: await store.definition('d', '9'),
    all: (await store.definitions()).map((d) => `${d.id}@${d.version}`),
  };
}

describe('PgStore reads agree with MemoryStore', () => {
  it('given the same story, then timers, claims, pages, outbox, feed and definitions read the same', async () => {
    const reference = await story(new MemoryStore());
    const store = await PgStore.open(await pgliteDriver(db));
    const ours = await story(store);
    expect(reference.claims).toEqual([true, false, true, false]);
    expect(reference.pages.length).toBeGreaterThan(1);
    expect(ours).toEqual(reference);
  });

  it('given due timers, then claimDueTimers hands each to one claimant, earliest first', async () => {
    await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    const store = await PgStore.open(await pgliteDriver(db));
    const { client } = localClient(store);
    for (let i = 0; i < 5; i++) await client.report(report(`t ${i}`));
    const now = Number.MAX_SAFE_INTEGER - 10;
    const due = await store.dueTimers(now, 100);
    const a = await store.claimDueTimers('a', now, now + 5, 3);
    const b = await store.claimDueTimers('b', now, now + 5, 100);
    expect(a.map((t) => t.id)).toEqual(due.slice(0, 3).map((t) => t.id));
    expect([...a, ...b].map((t) => t.id).sort()).toEqual(due.map((t) => t.id).sort());
    expect(await store.claimDueTimers('c', now, now + 5, 100)).toEqual([]);
  });
});
