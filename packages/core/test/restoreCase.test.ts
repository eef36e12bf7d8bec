import { describe, expect, it } from 'vitest';
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
