import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, FeedGap, MemoryStore } from '../src/runtime.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

const towns = [
  { gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker', townId: 'qj-sj' },
  { gridId: 'qj-th-c1-g1', reporterId: 'qj-th-c1-g1-worker', townId: 'qj-th' },
];

describe('change feed', () => {
  it('given random interleavings of commits, disconnects and reconnects, when a reader resumes from its last sequence number, then it sees every change of its town once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('report' as const), town: fc.integer({ min: 0, max: 1 }) }),
            fc.record({ op: fc.constant('accept' as const), town: fc.integer({ min: 0, max: 1 }) }),
            fc.constant({ op: 'disconnect' as const, town: 0 }),
            fc.constant({ op: 'reconnect' as const, town: 0 }),
            fc.record({ op: fc.constant('read' as const), limit: fc.integer({ min: 1, max: 4 }) }),
          ),
          { maxLength: 40 },
        ),
        async (ops) => {
          const { engine, store } = makeEngine();
          const open: string[][] = [[], []];
          const seen: Change[] = [];
          let last = 0;
          let connected = true;
          const read = async (limit?: number) => {
            if (!connected) return;
            const batch = await store.changesSince(last, { townId: 'qj-sj' }, limit);
            for (const c of batch) {
              seen.push(c);
              last = c.seq;
            }
          };
          for (const o of ops) {
            if (o.op === 'report') {
              const t = towns[o.town] as (typeof towns)[number];
              const r = await engine.report({ ...riverReport, id: undefined, ...t });
              if (r.ok) open[o.town]?.push(r.record.id);
            } else if (o.op === 'accept') {
              const id = open[o.town]?.shift();
              if (id)
                await engine.send(id, {
                  type: 'ACCEPT',
                  by: o.town === 0 ? 'qj-sj-duty' : 'qj-th-duty',
                });
            } else if (o.op === 'disconnect') connected = false;
            else if (o.op === 'reconnect') connected = true;
            else await read(o.limit);
          }
          connected = true;
          for (let i = 0; i < 100; i++) {
            const before = seen.length;
            await read(3);
            if (seen.length === before) break;
          }
          const expected = (await store.changesSince(0)).filter((c) => c.townId === 'qj-sj');
          expect(seen.map((c) => c.seq)).toEqual(expected.map((c) => c.seq));
          expect(new Set(seen.map((c) => c.seq)).size).toBe(seen.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('given a subscription through the runtime, then commits reach it in order with their audit entries', async () => {
    const { engine } = makeEngine();
    const heard: Change[] = [];
    const sub = await engine.runtime.subscribe((c) => heard.push(c));
    const r = await engine.report(riverReport);
    expect(r.ok).toBe(true);
    await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' });
    sub.close();
    await engine.send('river-1', {
      type: 'DISPATCH',
      by: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    expect(heard.map((c) => [c.instanceId, c.version, c.entry.event])).toEqual([
      ['river-1', 1, 'REPORT'],
      ['river-1', 2, 'ACCEPT'],
    ]);
  });

  it('given a store that keeps only the latest changes, when a reader asks from before them, then it is told to read the state again', async () => {
    const store = new MemoryStore({ feedRetention: 4 });
    const { engine } = makeEngine({ store });
    for (let i = 0; i < 40; i++) await engine.report({ ...riverReport, id: `r-${i}` });
    await expect(store.changesSince(0)).rejects.toBeInstanceOf(FeedGap);
    const recent = await store.changesSince((await store.lastSeq()) - 2);
    expect(recent.length).toBe(2);
  });
});

describe('change feed input from outside', () => {
  it('given a negative, fractional or non-numeric sequence number, then the feed reads from the start (or the number below), never throws', async () => {
    const { engine, store } = makeEngine();
    await engine.report(riverReport);
    await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' });
    expect((await store.changesSince(-5)).map((c) => c.seq)).toEqual([1, 2]);
    expect((await store.changesSince(Number.NaN)).map((c) => c.seq)).toEqual([1, 2]);
    expect((await store.changesSince(1.7)).map((c) => c.seq)).toEqual([2]);
    expect(await store.changesSince(Number.POSITIVE_INFINITY)).toEqual([]);
  });
});
