import { describe, expect, it } from 'vitest';
import { parseDuration, SimulatedClock } from '../src/index.js';
import { type EngineResult, MemoryStore } from '../src/runtime.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

const ok = (r: EngineResult) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r;
};

async function dispatched(engine: ReturnType<typeof makeEngine>['engine']) {
  ok(await engine.report(riverReport));
  ok(await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }));
  return ok(
    await engine.send('river-1', {
      type: 'DISPATCH',
      by: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    }),
  );
}

describe('Engine.report', () => {
  it('given a valid report, when reported, then the case rests in intake with version 1 and the command center is notified', async () => {
    const { engine, clock } = makeEngine();
    const r = ok(await engine.report(riverReport));
    expect(r.record).toMatchObject({
      id: 'river-1',
      status: 'intake',
      version: 1,
      townId: 'qj-sj',
    });
    expect(r.record.context).toMatchObject({
      communityId: 'qj-sj-c1',
      districtId: 'qj',
      section: 'economicDevelopment',
      reportedAt: clock.now(),
    });
    expect(r.entry).toMatchObject({ seq: 1, event: 'REPORT', from: null, to: 'intake' });
    expect(r.notifications.map((n) => n.to)).toEqual([[{ kind: 'commandCenter', id: 'qj-sj' }]]);
  });

  it('given handleOnGrid, when reported, then the case rests in gridHandling', async () => {
    const { engine } = makeEngine();
    const r = ok(await engine.report({ ...riverReport, handleOnGrid: true }));
    expect(r.record.status).toBe('gridHandling');
  });

  it('given a report without a title, then payload.invalid names the path and nothing is stored', async () => {
    const { engine } = makeEngine();
    const { title: _t, ...rest } = riverReport;
    const r = await engine.report(rest);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('payload.invalid');
    expect(r.error.path).toEqual(['title']);
    expect(await engine.get('river-1')).toBeUndefined();
  });

  it('given an unknown grid or reporter, then the report is refused', async () => {
    const { engine } = makeEngine();
    const grid = await engine.report({ ...riverReport, gridId: 'qj-sj-c1' });
    expect(!grid.ok && grid.error.path).toEqual(['gridId']);
    const who = await engine.report({ ...riverReport, reporterId: 'nobody' });
    expect(!who.ok && who.error.code).toBe('actor.unknown');
    const system = await engine.report({ ...riverReport, reporterId: 'system' });
    expect(!system.ok && system.error.code).toBe('actor.unknown');
  });

  it('given an id that exists, when reported again, then case.exists and the first case is untouched', async () => {
    const { engine } = makeEngine();
    ok(await engine.report(riverReport));
    const again = await engine.report({ ...riverReport, title: '重复' });
    expect(!again.ok && again.error.code).toBe('case.exists');
    expect((await engine.get('river-1'))?.context.title).toBe(riverReport.title);
    expect(await engine.auditTrail('river-1')).toHaveLength(1);
  });

  it('given a forged payload with extra keys and a prototype key, then they are dropped', async () => {
    const { engine } = makeEngine();
    const forged = JSON.parse(
      '{"id":"x1","gridId":"qj-sj-c1-g1","reporterId":"qj-sj-c1-g1-worker","category":"c","severity":"low","title":"t","__proto__":{"polluted":1},"extra":true}',
    );
    const r = ok(await engine.report(forged));
    expect(Object.hasOwn(r.record.context, 'extra')).toBe(false);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});

describe('Engine concurrency', () => {
  it('given two concurrent senders on one case, when both send, then one applies and the other gets a typed conflict', async () => {
    const { engine } = makeEngine();
    ok(await engine.report(riverReport));
    const [a, b] = await Promise.all([
      engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }),
      engine.send('river-1', { type: 'REJECT', by: 'qj-sj-duty2', reason: '重复上报' }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const failed = results.find((r) => !r.ok);
    expect(failed && !failed.ok && failed.error.code).toBe('store.conflict');
    expect(await engine.auditTrail('river-1')).toHaveLength(2);
    expect((await engine.get('river-1'))?.version).toBe(2);
  });

  it('given two Engines sharing one store, when they race, then exactly one update lands', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
    const one = makeEngine({ store, clock }).engine;
    const two = makeEngine({ store, clock }).engine;
    ok(await one.report(riverReport));
    const results = await Promise.all([
      one.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }),
      two.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty2' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await one.auditTrail('river-1')).toHaveLength(2);
    expect(await one.verify('river-1')).toEqual({ ok: true, length: 2 });
  });

  it('given a stale expectedVersion, then store.conflict and nothing changes', async () => {
    const { engine } = makeEngine();
    ok(await engine.report(riverReport));
    ok(await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }));
    const stale = await engine.send(
      'river-1',
      { type: 'DISPATCH', by: 'qj-sj-duty', lead: { kind: 'post', id: 'qj-sj-czjs' } },
      { expectedVersion: 1 },
    );
    expect(!stale.ok && stale.error.params).toEqual({ expected: 1, actual: 2 });
    expect((await engine.get('river-1'))?.status).toBe('dispatching');
  });
});

describe('Engine timers', () => {
  it('given a missed acknowledge deadline, when ticked, then the section lead then the commander are notified, once each', async () => {
    const { engine, clock, store } = makeEngine();
    await dispatched(engine);
    clock.advance('PT59M');
    expect((await engine.tick()).fired).toBe(0);
    clock.advance('PT1M');
    const first = await engine.tick();
    expect(first.fired).toBe(1);
    const level1 = first.results[0];
    expect(level1?.ok && level1.notifications[0]?.to).toEqual([
      { kind: 'sectionLead', id: 'qj-sj', section: 'economicDevelopment' },
      { kind: 'post', id: 'qj-sj-czjs' },
    ]);
    expect((await engine.tick()).fired).toBe(0);
    clock.advance('PT2H');
    const second = await engine.tick();
    const level2 = second.results[0];
    expect(level2?.ok && level2.notifications[0]?.to[0]).toEqual({
      kind: 'commander',
      id: 'qj-sj',
    });
    clock.advance('P30D');
    expect((await engine.tick()).fired).toBe(0);
    expect(await store.timersOf('river-1')).toEqual([]);
    const events = (await engine.auditTrail('river-1')).map((e) => e.event);
    expect(events.filter((e) => e === 'SLA_OVERDUE')).toHaveLength(2);
  });

  it('given timers that fell due while no Engine ran, when a new Engine on the same store ticks, then each fires once, in due order', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
    await dispatched(makeEngine({ store, clock }).engine);
    clock.advance('P1D');
    const restarted = makeEngine({ store, clock }).engine;
    const { fired, results } = await restarted.tick();
    expect(fired).toBe(2);
    expect(results.map((r) => r.ok && r.entry.data)).toEqual([
      { clock: 'acknowledge', level: 1, dueAt: Date.parse('2026-03-02T10:00:00+08:00') },
      { clock: 'acknowledge', level: 2, dueAt: Date.parse('2026-03-02T12:00:00+08:00') },
    ]);
    expect((await restarted.tick()).fired).toBe(0);
  });

  it('given two Engines ticking the same store at once, then every due timer fires exactly once', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
    const a = makeEngine({ store, clock, claimant: 'a' }).engine;
    const b = makeEngine({ store, clock, claimant: 'b' }).engine;
    for (let i = 0; i < 5; i++) ok(await a.report({ ...riverReport, id: `r${i}` }));
    clock.advance('PT31M');
    const [ta, tb] = await Promise.all([a.tick(), b.tick()]);
    expect(ta.fired + tb.fired).toBe(5);
    for (let i = 0; i < 5; i++) {
      const trail = await a.auditTrail(`r${i}`);
      expect(trail.filter((e) => e.event === 'SLA_OVERDUE')).toHaveLength(1);
    }
  });

  it('given a case that moves on, then its old timer is replaced and never fires', async () => {
    const { engine, clock } = makeEngine();
    await dispatched(engine);
    ok(await engine.send('river-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' }));
    clock.advance('PT3H');
    expect((await engine.tick()).fired).toBe(0);
    clock.advance(parseDuration('P5D'));
    const late = await engine.tick();
    expect(late.results.map((r) => r.ok && r.entry.data?.clock)).toEqual(['resolve', 'resolve']);
  });
});

describe('Engine outbox, queries and subscriptions', () => {
  it('given a dispatch, then its notification is in the outbox of the same commit until delivered', async () => {
    const { engine, store, clock } = makeEngine();
    const r = await dispatched(engine);
    const pending = await store.pendingNotifications(100);
    const mine = pending.find((n) => n.seq === r.entry.seq);
    expect(mine).toMatchObject({
      topic: 'DISPATCH',
      caseId: 'river-1',
      to: [{ kind: 'post', id: 'qj-sj-czjs' }],
    });
    await store.markDelivered([mine?.id ?? ''], clock.now());
    expect((await store.pendingNotifications(100)).some((n) => n.id === mine?.id)).toBe(false);
  });

  it('given an emergency, when dispatched, then the city-operations center is notified with the lead', async () => {
    const { engine } = makeEngine();
    ok(await engine.report(riverReport));
    const declared = ok(
      await engine.send('river-1', {
        type: 'DECLARE_EMERGENCY',
        by: 'qj-sj-commander',
        plan: '防汛应急预案',
      }),
    );
    expect(declared.record.status).toBe('intake');
    expect(declared.notifications[0]?.to).toEqual([
      { kind: 'commander', id: 'qj-sj' },
      { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
    ]);
    ok(await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }));
    const d = ok(
      await engine.send('river-1', {
        type: 'DISPATCH',
        by: 'qj-sj-duty',
        lead: { kind: 'post', id: 'qj-sj-czjs' },
      }),
    );
    expect(d.notifications[0]?.to).toContainEqual({ kind: 'cityOperationsCenter', id: 'qj-cyzx' });
  });

  it('given cases in two towns, then list filters by town, status, section and overdue', async () => {
    const { engine, clock } = makeEngine();
    await dispatched(engine);
    ok(
      await engine.report({
        ...riverReport,
        id: 'th-1',
        gridId: 'qj-th-c1-g1',
        reporterId: 'qj-th-c1-g1-worker',
        category: 'homestayNoise',
      }),
    );
    const ids = async (q: Parameters<typeof engine.list>[0]) =>
      (await engine.list(q)).map((r) => r.id).sort();
    expect(await ids({ townId: 'qj-sj' })).toEqual(['river-1']);
    expect(await ids({ status: ['intake', 'assigned'] })).toEqual(['river-1', 'th-1']);
    expect(await ids({ section: 'safetyRuleOfLaw' })).toEqual(['th-1']);
    expect(await ids({ overdue: true })).toEqual([]);
    clock.advance('PT45M');
    expect(await ids({ overdue: true })).toEqual(['th-1']);
    clock.advance('PT1H');
    expect(await ids({ overdue: true })).toEqual(['river-1', 'th-1']);
    expect(await ids({ overdue: false })).toEqual([]);
  });

  it('given a subscriber, then it hears every applied change and nothing after unsubscribing', async () => {
    const { engine } = makeEngine();
    const heard: string[] = [];
    const off = engine.subscribe((c) => heard.push(`${c.entry.event}:${c.record.status}`));
    ok(await engine.report(riverReport));
    await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-c1-g1-worker' });
    ok(await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' }));
    off();
    ok(await engine.send('river-1', { type: 'CANCEL', by: 'qj-sj-commander', reason: '测试' }));
    expect(heard).toEqual(['REPORT:intake', 'ACCEPT:dispatching']);
  });
});

describe('Engine.verify', () => {
  it('given a stored entry edited in place, then verify reports where the chain breaks', async () => {
    // a store whose second entry's note was edited at rest (as in a database row): what it
    // hands out is what verify recomputes
    let tampered = false;
    class EditedStore extends MemoryStore {
      override async auditTrail(caseId: string) {
        const trail = await super.auditTrail(caseId);
        if (tampered) (trail[1] as { note: string | null }).note = '篡改';
        return trail;
      }
    }
    const { engine } = makeEngine({ store: new EditedStore() });
    await dispatched(engine);
    expect(await engine.verify('river-1')).toEqual({ ok: true, length: 3 });
    tampered = true;
    expect(await engine.verify('river-1')).toEqual({ ok: false, brokenAt: 2 });
  });

  it('given an entry handed out by the store edited by its reader, then the stored trail is unchanged', async () => {
    const { engine } = makeEngine();
    await dispatched(engine);
    const trail = await engine.auditTrail('river-1');
    const before = structuredClone(trail);
    (trail[1] as { note: string | null }).note = '篡改';
    expect(await engine.auditTrail('river-1')).toEqual(before);
    expect(await engine.verify('river-1')).toEqual({ ok: true, length: 3 });
  });
});
