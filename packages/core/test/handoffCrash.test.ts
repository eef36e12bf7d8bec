import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Commit, Directory, type InstanceRecord, SimulatedClock } from '../src/index.js';
import { Engine, MemoryStore, type Store } from '../src/runtime.js';
import {
  builtInScenarios,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
} from '../src/sample/index.js';
import { ScenarioEngine } from '../src/scenario/index.js';

const directory = new Directory(sampleOrg);
const START = Date.parse('2026-09-01T08:00:00+08:00');

class Crash extends Error {}

/** A store that dies (throws before writing) at its `failAt`-th commit, once. */
function crashingStore(inner: MemoryStore, failAt: number): Store {
  let commits = 0;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'commit') {
        return async (commit: Commit) => {
          commits += 1;
          if (commits === failAt) throw new Crash(`crash at commit ${failAt}`);
          return target.commit(commit);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function host(store: Store, clock: SimulatedClock) {
  let n = 0;
  const engine = new Engine({
    directory,
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    newId: () => `case-${++n}`,
  });
  const scenarios = new ScenarioEngine(engine);
  for (const d of builtInScenarios) scenarios.register(d);
  return { engine, scenarios };
}

/**
 * The electrical-fire story through both hand-offs (dispatch opens a case; its acknowledgement
 * moves the instance), each client step retried after a crash, as a client would on an error.
 */
async function play(store: MemoryStore, failAt: number | null) {
  const clock = new SimulatedClock(START);
  let h = host(failAt === null ? store : crashingStore(store, failAt), clock);
  const steps: (() => Promise<{ ok: boolean }>)[] = [
    () =>
      h.scenarios.start({
        id: 'fire-1',
        scenario: 'electrical-fire',
        trigger: 'leakageWarning',
        by: 'qj-sj-sensor',
        gridId: 'qj-sj-c1-g1',
        data: { alarmType: 'leakage', level: 1, location: '配电箱' },
      }),
    async () => {
      await h.scenarios.settled();
      return h.engine.send('fire-1:dispatchLevel1:1', {
        type: 'ACKNOWLEDGE',
        by: 'qj-sj-xfgl-staff',
      });
    },
  ];
  for (const step of steps) {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await step();
        // a retry of a step that did commit before the crash is refused as existing/not active
        if (!r.ok && attempt === 0) throw new Error(JSON.stringify(r));
        break;
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
        // the process dies: a new one starts on the same (durable) store
        h = host(store, clock);
      }
    }
  }
  // the restarted process delivers whatever the crash left in the outbox
  clock.advance(1000);
  await h.engine.tick();
  await h.scenarios.settled();
  return snapshot(store);
}

async function snapshot(store: MemoryStore) {
  const ids = ['fire-1', 'fire-1:dispatchLevel1:1'];
  const records = await Promise.all(ids.map((id) => store.load(id)));
  const trails = await Promise.all(ids.map((id) => store.auditTrail(id)));
  return {
    records: records.map((r?: InstanceRecord) => r && { status: r.status, version: r.version }),
    trails: trails.map((t) => t.map((e) => `${e.event}:${e.from}→${e.to}`)),
    pending: (await store.pendingHandoffs(100)).length,
    failures: (await store.handoffFailures()).length,
    cases: (await store.query({ kind: 'case' })).length,
    changes: (await store.changesSince(0)).map((c) => `${c.instanceId}@${c.version}`),
  };
}

describe('hand-offs under crashes', () => {
  it('given a crash at every commit of the dispatch and acknowledgement hand-offs, when a new process drains, then the end state equals a run without a crash and nothing is done twice', async () => {
    const clean = await play(new MemoryStore(), null);
    expect(clean.records).toEqual([
      { status: 'verifyLevel1', version: 2 },
      { status: 'inProgress', version: 2 },
    ]);
    expect(clean.pending).toBe(0);
    expect(clean.cases).toBe(1);
    for (let n = 1; n <= 5; n++) {
      const crashed = await play(new MemoryStore(), n);
      expect(crashed, `crash at commit ${n}`).toEqual(clean);
    }
  });

  it('given a dispatch hand-off already delivered, when it is delivered again, then it is skipped', async () => {
    const store = new MemoryStore();
    const { engine, scenarios } = host(store, new SimulatedClock(START));
    await scenarios.start({
      id: 'fire-2',
      scenario: 'electrical-fire',
      trigger: 'leakageWarning',
      by: 'qj-sj-sensor',
      gridId: 'qj-sj-c1-g1',
      data: { alarmType: 'leakage', level: 1, location: '配电箱' },
    });
    const start = (await store.changesSince(0)).find((c) => c.instanceId === 'fire-2');
    expect(start).toBeDefined();
    const again = await engine.runtime.deliver({
      id: 'fire-2:1:h0',
      townId: 'qj-sj',
      at: START,
      from: { kind: 'scenario', id: 'fire-2', seq: 1 },
      to: { kind: 'case', id: 'fire-2:dispatchLevel1:1' },
      command: { type: 'OPEN', report: {} },
    });
    expect(again).toBe('skipped');
    expect((await store.query({ kind: 'case' })).length).toBe(1);
  });

  it('given random crash points over several instances, then every run converges to the crash-free state', async () => {
    const clean = await play(new MemoryStore(), null);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), async (n) => {
        expect(await play(new MemoryStore(), n)).toEqual(clean);
      }),
      { numRuns: 20 },
    );
  });
});
