import { describe, expect, it } from 'vitest';
import { Directory, SimulatedClock } from '../src/index.js';
import { Engine, MemoryStore, type Store } from '../src/runtime.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';

const DUTY = 'qj-sj-duty';

/**
 * An Engine over a MemoryStore whose loads are counted; each load answers once `hold()` (if it
 * gives a promise) has settled.
 */
function setup(hold: () => Promise<void> | undefined = () => undefined) {
  const inner = new MemoryStore();
  const loads = { n: 0 };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'load') {
        return async (id: string) => {
          loads.n += 1;
          const read = await target.load(id);
          await hold();
          return read;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Store;
  const engine = new Engine({
    directory: new Directory(sampleOrg),
    store,
    clock: new SimulatedClock('2026-09-01T08:00:00+08:00'),
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  return { engine, loads };
}

async function reported(engine: Engine) {
  const r = await engine.report({
    gridId: 'qj-sj-c1-g1',
    reporterId: 'qj-sj-c1-g1-worker',
    category: 'riverPollution',
    severity: 'medium',
    title: '雨污混流',
  });
  if (!r.ok) throw new Error('report refused');
  return r.record;
}

describe('send with the record the caller has just read', () => {
  it('given the current record, when an event is sent with it, then it is applied without reading the case again', async () => {
    const { engine, loads } = setup();
    const record = await reported(engine);
    const before = loads.n;
    const r = await engine.send(record.id, { type: 'ACCEPT', by: DUTY }, { record });
    expect(r.ok && r.record.version).toBe(2);
    expect(loads.n).toBe(before);
  });

  it('given a stale record on which the event is not allowed, when it is sent with it, then it is tried again on a fresh read and applied once', async () => {
    const { engine, loads } = setup();
    const stale = await reported(engine);
    const accepted = await engine.send(stale.id, { type: 'ACCEPT', by: DUTY });
    expect(accepted.ok).toBe(true);
    const before = loads.n;
    const r = await engine.send(
      stale.id,
      { type: 'DISPATCH', by: DUTY, lead: { kind: 'post', id: 'qj-sj-nyfw' } },
      { record: stale },
    );
    expect(r.ok && r.record.version).toBe(3);
    expect(r.ok && r.record.status).toBe('assigned');
    expect(loads.n).toBe(before + 1);
    expect((await engine.auditTrail(stale.id)).map((e) => e.event)).toEqual([
      'REPORT',
      'ACCEPT',
      'DISPATCH',
    ]);
  });

  it('given a stale record and the expected version it had, then the event is refused as a conflict with the current version and nothing changes', async () => {
    const { engine } = setup();
    const stale = await reported(engine);
    await engine.send(stale.id, { type: 'ACCEPT', by: DUTY });
    const r = await engine.send(
      stale.id,
      { type: 'DISPATCH', by: DUTY, lead: { kind: 'post', id: 'qj-sj-nyfw' } },
      { record: stale, expectedVersion: 1 },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('store.conflict');
    expect(!r.ok && r.error.params).toMatchObject({ expected: 1, actual: 2 });
    expect((await engine.get(stale.id))?.version).toBe(2);
  });

  it('given a stale record and a conflicting event, when it is sent with it, then the conflict is found against a fresh read', async () => {
    const { engine } = setup();
    const stale = await reported(engine);
    const fresh = await engine.send(stale.id, { type: 'ACCEPT', by: DUTY });
    const r = await engine.send(stale.id, { type: 'ACCEPT', by: DUTY }, { record: stale });
    expect(r.ok).toBe(false);
    // what a fresh read gives: ACCEPT is not allowed in intake's successor state
    const direct = await engine.send(stale.id, { type: 'ACCEPT', by: DUTY });
    expect(!r.ok && r.error.code).toBe(!direct.ok && direct.error.code);
    expect(fresh.ok && (await engine.get(stale.id))?.version).toBe(2);
  });

  it('given a record of another case, then it is not used: the named case is read', async () => {
    const { engine } = setup();
    const a = await reported(engine);
    const b = await reported(engine);
    const r = await engine.send(b.id, { type: 'ACCEPT', by: DUTY }, { record: a });
    expect(r.ok && r.record.id).toBe(b.id);
    expect((await engine.get(a.id))?.version).toBe(1);
  });

  it('given a copy of the record with a forged field, when it is sent with it, then the copy is ignored: the case is read and nothing forged is stored', async () => {
    const { engine, loads } = setup();
    const record = await reported(engine);
    const forged = { ...record, context: { ...record.context, townId: 'qj-xx', returns: 99 } };
    const parsed = JSON.parse(JSON.stringify(record));
    for (const copy of [forged, parsed]) {
      const before = loads.n;
      const r = await engine.send(
        record.id,
        { type: 'PROGRESS', by: DUTY, note: 'x' },
        { record: copy },
      );
      expect(loads.n).toBe(before + 1);
      expect(r.ok).toBe(false);
    }
    const r = await engine.send(record.id, { type: 'ACCEPT', by: DUTY }, { record: forged });
    expect(r.ok && r.record.context.townId).toBe('qj-sj');
    expect(r.ok && r.record.context.returns).toBe(0);
    expect((await engine.get(record.id))?.context.townId).toBe('qj-sj');
  });

  it('given the record read by get, when an event is sent with it, then it is used without reading again', async () => {
    const { engine, loads } = setup();
    const { id } = await reported(engine);
    const record = await engine.get(id);
    const before = loads.n;
    const r = await engine.send(id, { type: 'ACCEPT', by: DUTY }, { record });
    expect(r.ok && r.record.version).toBe(2);
    expect(loads.n).toBe(before);
  });

  it('given records of the last 1,024 cases the runtime issued, then each is used; one issued before them is read again, with the same result', async () => {
    const { engine, loads } = setup();
    const first = await reported(engine);
    const second = await reported(engine);
    for (let i = 0; i < 1023; i++) await reported(engine);
    // `second` and the 1,023 after it are the last 1,024 issued: `second` is kept, `first` is not
    let before = loads.n;
    const kept = await engine.send(second.id, { type: 'ACCEPT', by: DUTY }, { record: second });
    expect(kept.ok && kept.record.version).toBe(2);
    expect(loads.n).toBe(before);
    before = loads.n;
    const read = await engine.send(first.id, { type: 'ACCEPT', by: DUTY }, { record: first });
    expect(read.ok && read.record.version).toBe(2);
    expect(loads.n).toBe(before + 1);
  });

  it('given a case read or committed last, then runtime.recent gives that record without a read, and it is taken as record', async () => {
    const { engine, loads } = setup();
    const record = await reported(engine);
    const before = loads.n;
    expect(engine.runtime.recent(record.id)).toBe(record);
    expect(engine.runtime.recent('no-such-case')).toBeUndefined();
    const r = await engine.send(
      record.id,
      { type: 'ACCEPT', by: DUTY },
      { record: engine.runtime.recent(record.id) as typeof record },
    );
    expect(r.ok && r.record.version).toBe(2);
    expect(r.ok && engine.runtime.recent(record.id)).toBe(r.ok && r.record);
    expect(loads.n).toBe(before);
  });

  it('given a read that answers after a newer commit of the same case, then the newer record stays the recent one', async () => {
    let hold: Promise<void> | undefined;
    const { engine } = setup(() => hold);
    const record = await reported(engine);
    let release = () => {};
    hold = new Promise((r) => {
      release = r;
    });
    const late = engine.get(record.id); // reads version 1, answers later
    await Promise.resolve();
    hold = undefined;
    const accepted = await engine.send(record.id, { type: 'ACCEPT', by: DUTY }, { record });
    expect(accepted.ok && accepted.record.version).toBe(2);
    release();
    expect((await late)?.version).toBe(1);
    expect(engine.runtime.recent(record.id)?.version).toBe(2);
  });

  it('given recentRecords: 0, then nothing is kept and every send reads the case', async () => {
    const inner = new MemoryStore();
    const runtimeEngine = new Engine({
      directory: new Directory(sampleOrg),
      store: inner,
      clock: new SimulatedClock('2026-09-01T08:00:00+08:00'),
      recentRecords: 0,
    });
    const record = await reported(runtimeEngine);
    expect(runtimeEngine.runtime.recent(record.id)).toBeUndefined();
    const r = await runtimeEngine.send(record.id, { type: 'ACCEPT', by: DUTY }, { record });
    expect(r.ok && r.record.version).toBe(2);
  });

  it('given a kept record another runtime has since moved past, when a send on it is refused, then the fresh read is kept instead', async () => {
    const store = new MemoryStore();
    const make = () =>
      new Engine({
        directory: new Directory(sampleOrg),
        store,
        clock: new SimulatedClock('2026-09-01T08:00:00+08:00'),
      });
    const here = make();
    const there = make();
    const record = await reported(here);
    expect((await there.send(record.id, { type: 'ACCEPT', by: DUTY })).ok).toBe(true);
    const stale = here.runtime.recent(record.id);
    expect(stale?.version).toBe(1);
    const r = await here.send(
      record.id,
      { type: 'ACCEPT', by: DUTY },
      { record: stale as typeof record, expectedVersion: 1 },
    );
    expect(!r.ok && r.error.code).toBe('store.conflict');
    expect(here.runtime.recent(record.id)?.version).toBe(2);
  });
});
