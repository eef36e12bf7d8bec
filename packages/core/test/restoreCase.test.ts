import { describe, expect, it } from 'vitest';
import { type AuditEntry, sealAuditEntry } from '../src/index.js';
import { restoreCase } from '../src/persist.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

async function dispatchedCase() {
  const { engine } = makeEngine();
  await engine.report(riverReport);
  await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' });
  await engine.send('river-1', {
    type: 'DISPATCH',
    by: 'qj-sj-duty',
    lead: { kind: 'post', id: 'qj-sj-czjs' },
  });
  await engine.send('river-1', {
    type: 'DECLARE_EMERGENCY',
    by: 'qj-sj-commander',
    plan: '防汛应急预案',
  });
  return JSON.parse(JSON.stringify(await engine.persist('river-1')));
}

describe('restoreCase replays the trail', () => {
  it('given an intact persisted case, then it restores with the replayed context and timers', async () => {
    const saved = await dispatchedCase();
    const { engine, store } = makeEngine();
    const r = await restoreCase(engine, saved);
    expect(r.ok && r.record.context).toEqual(saved.record.context);
    expect(await store.timersOf('river-1')).toEqual(saved.timers);
  });

  const forgeries: [string, (s: { record: { context: Record<string, unknown> } }) => void][] = [
    [
      'a forged lead',
      (s) => {
        s.record.context.lead = { kind: 'post', id: 'qj-sj-zzwd' };
      },
    ],
    [
      'a forged outcome',
      (s) => {
        s.record.context.outcome = 'resolved';
      },
    ],
    [
      'a dropped emergency',
      (s) => {
        s.record.context.emergency = null;
      },
    ],
    [
      'a forged title',
      (s) => {
        s.record.context.title = '篡改';
      },
    ],
  ];
  for (const [what, forge] of forgeries) {
    it(`given ${what} in an otherwise consistent record, then restore.invalid names record.context and nothing is stored`, async () => {
      const saved = await dispatchedCase();
      forge(saved);
      const { engine } = makeEngine();
      const r = await restoreCase(engine, saved);
      expect(!r.ok && r.error).toMatchObject({
        code: 'restore.invalid',
        path: ['record', 'context'],
      });
      expect(await engine.get('river-1')).toBeUndefined();
    });
  }

  it('given a first entry that is not a report, then the trail is refused at audit.0', async () => {
    const saved = await dispatchedCase();
    saved.audit = saved.audit.slice(1);
    const { engine } = makeEngine();
    const r = await restoreCase(engine, saved);
    expect(r.ok).toBe(false);
  });
});

describe('restoreCase takes a record’s times from its trail', () => {
  const Y2099 = Date.parse('2099-01-01T00:00:00Z');

  it('given a record whose updatedAt is forged to 2099 (trail intact), when restored, then it is refused with restore.invalid at record.updatedAt and nothing is stored', async () => {
    const saved = await dispatchedCase();
    saved.record.updatedAt = Y2099;
    const { engine } = makeEngine();
    const r = await restoreCase(engine, saved);
    expect(!r.ok && r.error).toMatchObject({
      code: 'restore.invalid',
      path: ['record', 'updatedAt'],
      params: { path: 'record.updatedAt' },
    });
    expect(await engine.get('river-1')).toBeUndefined();
  });

  it('given a record without updatedAt, when restored, then updatedAt is the last entry’s time and the next event is stamped by the clock', async () => {
    const saved = await dispatchedCase();
    const lastAt = saved.audit.at(-1).at;
    delete saved.record.updatedAt;
    const { engine, clock } = makeEngine();
    const r = await restoreCase(engine, saved);
    expect(r.ok && r.record.updatedAt).toBe(lastAt);
    clock.set(lastAt + 60_000);
    const next = await engine.send('river-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' });
    expect(next.ok && next.entry.at).toBe(lastAt + 60_000);
  });

  it('given a trail re-sealed so that an entry is dated before the one it follows, when restored, then it is refused with restore.invalid at that entry’s at', async () => {
    const saved = await dispatchedCase();
    const audit = saved.audit as AuditEntry[];
    const first = (audit[0] as AuditEntry).at;
    const resealed: AuditEntry[] = [];
    for (const [i, e] of audit.entries()) {
      const { seq: _s, prevHash: _p, hash: _h, v: _v, ...rest } = e;
      resealed.push(sealAuditEntry(resealed.at(-1), i === 2 ? { ...rest, at: first - 1 } : rest));
    }
    saved.audit = resealed;
    saved.record.lastHash = resealed.at(-1)?.hash;
    const { engine } = makeEngine();
    const r = await restoreCase(engine, saved);
    expect(!r.ok && r.error).toMatchObject({ code: 'restore.invalid', path: ['audit', 2, 'at'] });
    expect(await engine.get('river-1')).toBeUndefined();
  });

  for (const forged of [0, Y2099, null]) {
    it(`given a record whose slaDueAt is forged to ${forged}, when restored, then slaDueAt is recomputed from the trail and this Engine’s policy`, async () => {
      const saved = await dispatchedCase();
      const honest = saved.record.slaDueAt;
      saved.record.slaDueAt = forged;
      const { engine } = makeEngine();
      const r = await restoreCase(engine, saved);
      expect(r.ok && r.record.slaDueAt).toBe(honest);
      expect((await engine.get('river-1'))?.slaDueAt).toBe(honest);
    });
  }
});
