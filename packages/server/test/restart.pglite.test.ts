import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInScenarios } from '@zhizhi/core/sample';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore, pgliteDriver } from '../src/index.js';
import { localClient, report } from './clients.js';

const dir = mkdtempSync(join(tmpdir(), 'zhizhi-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(store: PgStore, ids: string[]) {
  return {
    records: await Promise.all(ids.map((id) => store.load(id))),
    trails: await Promise.all(ids.map((id) => store.auditTrail(id))),
    timers: await Promise.all(ids.map((id) => store.timersOf(id))),
    outbox: await store.pendingNotifications(1000),
    handoffs: await store.pendingHandoffs(1000),
    failures: await store.handoffFailures(),
    feed: await store.changesSince(0, undefined, 10_000),
    lastSeq: await store.lastSeq(),
    definitions: await store.definitions(),
    page: await store.page({ townId: 'qj-sj', limit: 3 }),
  };
}

describe('PgStore on PGlite with a data directory', () => {
  it('given a closed store, when it is reopened, then records, trails, timers, outbox, feed and definitions are all there', async () => {
    const first = await PgStore.open(await pgliteDriver(dir));
    const { client } = localClient(first);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await client.report(report(`restart ${i}`));
      if (!r.ok) throw new Error('report refused');
      ids.push(r.record.id);
    }
    expect((await client.send(ids[0] as string, { type: 'ACCEPT', by: 'qj-sj-duty' })).ok).toBe(
      true,
    );
    const fire = builtInScenarios.find((d) => d.id === 'electrical-fire');
    expect((await client.deploy(fire, 'qj-sj-duty')).ok).toBe(true);
    const started = await client.start({
      scenario: 'electrical-fire',
      trigger: 'leakageWarning',
      by: 'qj-sj-sensor',
      gridId: 'qj-sj-c1-g1',
      data: { alarmType: 'leakage', level: 1, location: '配电箱' },
    });
    if (!started.ok) throw new Error('start refused');
    ids.push(started.record.id);
    await first.markDelivered([(await first.pendingNotifications(1))[0]?.id ?? ''], 1);
    const before = await snapshot(first, ids);
    expect(before.timers.flat().length).toBeGreaterThan(0);
    expect(before.outbox.length).toBeGreaterThan(0);
    expect(before.definitions.length).toBe(1);
    await client.close();
    await first.close();

    const again = await PgStore.open(await pgliteDriver(dir));
    try {
      expect(await snapshot(again, ids)).toEqual(before);
      // and it goes on from where it was
      const next = localClient(again).client;
      const r = await next.report(report('after restart'));
      expect(r.ok && r.seq).toBe(before.lastSeq + 1);
      expect((await next.definition('electrical-fire'))?.version).toBe(fire?.version);
    } finally {
      await again.close();
    }
  });
});
