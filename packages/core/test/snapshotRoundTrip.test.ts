import { describe, expect, it } from 'vitest';
import { type CaseEvent, type PersistedCase, SimulatedClock } from '../src/index.js';
import { restoreCase } from '../src/persist.js';
import type { Engine, EngineResult } from '../src/runtime.js';
import {
  CASE_ID,
  caseModel,
  entries,
  HOUR,
  MERGE_TARGET_ID,
  MINUTE,
  type ModelPath,
  newEngine,
  openCase,
  playStep,
  who,
} from './support/casePaths.js';

const models = entries.map(caseModel);

const describePath = (p: ModelPath) =>
  p.steps.map((s) => `${s.event.type}→${s.status}`).join(' ') || '(entry)';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function observe(engine: Engine) {
  return {
    record: await engine.get(CASE_ID),
    trail: await engine.auditTrail(CASE_ID),
    timers: await engine.store.timersOf(CASE_ID),
  };
}

/**
 * One step of a run, then an idle tick at the same time (both runs do it): nothing may be due
 * between the steps of a path, so the tick must fire nothing.
 */
async function step(engine: Engine, clock: SimulatedClock, event: CaseEvent, where: string) {
  const result: EngineResult = await playStep(engine, clock, CASE_ID, event);
  if (!result.ok) throw new Error(`${where} ${event.type}: ${result.error.code}`);
  const idle = await engine.tick();
  if (idle.results.length > 0) throw new Error(`${where}: a timer fired between steps`);
  return result;
}

/** A new Engine on a new MemoryStore, clock at `now`, into which the persisted cases are restored. */
async function restoredEngine(now: number, persisted: PersistedCase[]) {
  const h = newEngine({ clock: new SimulatedClock(now) });
  for (const p of persisted) {
    const restored = await restoreCase(h.engine, json(p));
    if (!restored.ok) throw new Error(`restore ${p.record.id}: ${restored.error.code}`);
  }
  return h;
}

for (const m of models) {
  const paths = [...m.transitions, ...m.simple];
  describe(`persist → JSON → restore at every prefix (entering ${m.entry})`, () => {
    it.each(paths.map((p, i) => [`${p.kind} #${i + 1}: ${describePath(p)}`, p] as const))(
      'given the path %s, when a second Engine is cut after every prefix and restored into a new Engine and store, then record, audit trail and timers equal the uninterrupted run',
      async (_name, path) => {
        // A: uninterrupted
        const a = newEngine();
        await openCase(a.engine, m.entry);
        for (const [i, s] of path.steps.entries())
          await step(a.engine, a.clock, s.event, `A#${i + 1}`);
        const expected = await observe(a.engine);
        expect(expected.record?.status).toBe(path.steps.at(-1)?.status);

        // B: runs the same path; after each prefix k its cases are persisted and restored into a
        // fresh Engine B_k (new store, clock at the same time), which plays the rest
        const b = newEngine();
        await openCase(b.engine, m.entry);
        for (let k = 0; k <= path.steps.length; k++) {
          if (k > 0) {
            const s = path.steps[k - 1];
            if (s) await step(b.engine, b.clock, s.event, `B#${k}`);
          }
          const persisted = [
            (await b.engine.persist(CASE_ID)) as PersistedCase,
            (await b.engine.persist(MERGE_TARGET_ID)) as PersistedCase,
          ];
          const bk = await restoredEngine(b.clock.now(), persisted);
          expect(await observe(bk.engine)).toEqual(await observe(b.engine));
          for (const [i, s] of path.steps.slice(k).entries()) {
            await step(bk.engine, bk.clock, s.event, `B${k}#${k + i + 1}`);
          }
          const actual = await observe(bk.engine);
          expect(actual.record, `cut after ${k}`).toEqual(expected.record);
          expect(actual.trail, `cut after ${k}`).toEqual(expected.trail);
          expect(actual.timers, `cut after ${k}`).toEqual(expected.timers);
          expect(bk.clock.now()).toBe(a.clock.now());
          expect(await bk.engine.verify(CASE_ID)).toEqual({
            ok: true,
            length: expected.trail.length,
          });
        }
      },
    );
  });
}

describe('timers across a restart', () => {
  it('given a case persisted before its accept deadline, when it is restored after the deadline and both levels passed, then the first tick fires each level once, in order, as the uninterrupted Engine does', async () => {
    const a = newEngine();
    const b = newEngine();
    for (const h of [a, b]) await openCase(h.engine, 'intake');
    const persisted = json(await b.engine.persist(CASE_ID));
    // B is down for 3 hours; A keeps running and ticks at the same moment B comes back
    a.clock.advance(3 * HOUR);
    const back = newEngine({ clock: new SimulatedClock(a.clock.now()) });
    expect((await restoreCase(back.engine, persisted)).ok).toBe(true);
    const fromA = await a.engine.tick();
    const fromB = await back.engine.tick();
    expect(fromB.fired).toBe(2);
    expect(fromB.results.map((r) => r.ok && r.entry.data)).toEqual(
      fromA.results.map((r) => r.ok && r.entry.data),
    );
    expect(fromB.results.map((r) => r.ok && r.record.context.supervision?.level)).toEqual([1, 2]);
    expect(await observe(back.engine)).toEqual(await observe(a.engine));
    expect((await back.engine.tick()).fired).toBe(0);
  });

  it('given persisted JSON whose timers were edited (due at epoch 0), when restored, then the timers are recomputed from the case and nothing fires early', async () => {
    const h = newEngine();
    await openCase(h.engine, 'intake');
    const original = await h.engine.persist(CASE_ID);
    const edited = json(original) as PersistedCase;
    edited.timers = edited.timers.map((t) => ({ ...t, dueAt: 0, level: 2 }));
    const other = newEngine();
    expect((await restoreCase(other.engine, edited)).ok).toBe(true);
    expect(await other.store.timersOf(CASE_ID)).toEqual(original?.timers);
    expect((await other.engine.tick()).fired).toBe(0);
  });
});

// ── tampering ──────────────────────────────────────────────────────────────────────────────

/** A case with some history (emergency, an SLA firing, a dispatch, an acknowledgement), persisted. */
async function persistedHistory(): Promise<PersistedCase> {
  const { engine, clock } = newEngine();
  await openCase(engine, 'intake');
  const send = async (input: unknown) => {
    clock.advance(5 * MINUTE);
    const r = await engine.send(CASE_ID, input);
    if (!r.ok) throw new Error(r.error.code);
  };
  await send({ type: 'DECLARE_EMERGENCY', by: who.duty, plan: '防汛应急预案' });
  clock.advance(30 * MINUTE);
  expect((await engine.tick()).fired).toBe(1);
  await send({ type: 'ACCEPT', by: who.duty, note: '接件' });
  await send({ type: 'DISPATCH', by: who.duty, lead: { kind: 'post', id: 'qj-sj-czjs' } });
  await send({ type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff', note: '签收' });
  await send({ type: 'PROGRESS', by: 'qj-sj-czjs-staff', note: '已到场排查' });
  return json((await engine.persist(CASE_ID)) as PersistedCase);
}

describe('restoring tampered or conflicting JSON', () => {
  const tamperings: [string, (p: PersistedCase) => void, string, (string | number)[]][] = [
    [
      'a note edited in the audit trail',
      (p) => {
        (p.audit[5] as { note: string | null }).note = '未到场';
      },
      'audit.chainBroken',
      ['audit', 5],
    ],
    [
      'an actor swapped in the audit trail',
      (p) => {
        (p.audit[1] as { actorId: string }).actorId = who.commander;
      },
      'audit.chainBroken',
      ['audit', 1],
    ],
    [
      'the data of an entry edited',
      (p) => {
        (p.audit[4] as { data: unknown }).data = { lead: { kind: 'post', id: 'qj-sj-xfgl' } };
      },
      'audit.chainBroken',
      ['audit', 4],
    ],
    [
      'a middle entry dropped (version adjusted)',
      (p) => {
        p.audit.splice(2, 1);
        (p.record as { version: number }).version -= 1;
      },
      'audit.chainBroken',
      ['audit', 2],
    ],
    [
      'two entries swapped',
      (p) => {
        const [x, y] = [p.audit[3], p.audit[4]];
        if (x && y) {
          p.audit[3] = y;
          p.audit[4] = x;
        }
      },
      'audit.chainBroken',
      ['audit', 3],
    ],
    [
      'a middle entry dropped',
      (p) => {
        p.audit.splice(2, 1);
      },
      'restore.invalid',
      ['record', 'version'],
    ],
    [
      'the last entry dropped (version adjusted)',
      (p) => {
        p.audit.pop();
        (p.record as { version: number }).version -= 1;
      },
      'restore.invalid',
      ['record', 'lastHash'],
    ],
    [
      'the status changed to another status',
      (p) => {
        (p.record as { status: string }).status = 'verifying';
      },
      'restore.invalid',
      ['record', 'status'],
    ],
    [
      'the status changed to one that does not exist',
      (p) => {
        (p.record as { status: string }).status = 'archived';
      },
      'restore.invalid',
      ['record', 'status'],
    ],
    [
      'context.townId forged',
      (p) => {
        p.record.context.townId = 'qj-th';
      },
      'restore.invalid',
      ['record', 'context', 'townId'],
    ],
    [
      'context.id differing from the record id',
      (p) => {
        p.record.context.id = 'other';
      },
      'restore.invalid',
      ['record', 'context', 'id'],
    ],
    [
      'a context field of the wrong type',
      (p) => {
        (p.record.context as { returns: unknown }).returns = -1;
      },
      'restore.invalid',
      ['record', 'context', 'returns'],
    ],
    [
      'an audit entry with a string seq',
      (p) => {
        (p.audit[0] as { seq: unknown }).seq = '1';
      },
      'restore.invalid',
      ['audit', 0, 'seq'],
    ],
    [
      'no audit trail',
      (p) => {
        p.audit = [];
      },
      'restore.invalid',
      ['audit'],
    ],
  ];

  for (const [what, tamper, code, path] of tamperings) {
    it(`given persisted JSON with ${what}, when restored into a new Engine, then it is refused with ${code} at ${JSON.stringify(path)} and nothing is stored`, async () => {
      const persisted = await persistedHistory();
      tamper(persisted);
      const { engine, store } = newEngine();
      const r = await restoreCase(engine, persisted);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.path).toEqual(path);
      expect(r.error.message.en.length).toBeGreaterThan(0);
      expect(await engine.get(CASE_ID)).toBeUndefined();
      expect(await engine.auditTrail(CASE_ID)).toEqual([]);
      expect(await store.timersOf(CASE_ID)).toEqual([]);
    });
  }

  it('given persisted JSON whose town was forged consistently (record.townId and context.townId moved to qj-th, grid and trail still in qj-sj), when restored, then it is refused with restore.invalid naming the town and nothing is stored', async () => {
    const persisted = await persistedHistory();
    (persisted.record as { townId: string }).townId = 'qj-th';
    persisted.record.context.townId = 'qj-th';
    const { engine } = newEngine();
    const r = await restoreCase(engine, persisted);
    // otherwise the other town's duty officer could act on the case, and its own could not
    expect(r.ok ? 'restored' : r.error.code).toBe('restore.invalid');
    if (!r.ok) expect(r.error.path.slice(0, 1)).toEqual(['record']);
    expect(await engine.get(CASE_ID)).toBeUndefined();
  });

  it('given untampered JSON, when restored, then the case is back as it was and accepts the next event', async () => {
    const persisted = await persistedHistory();
    const { engine, store, clock } = newEngine();
    clock.set(persisted.record.updatedAt);
    const r = await restoreCase(engine, persisted);
    expect(r.ok && r.record).toEqual(persisted.record);
    expect(await engine.auditTrail(CASE_ID)).toEqual(persisted.audit);
    expect(await store.timersOf(CASE_ID)).toEqual(persisted.timers);
    clock.advance(MINUTE);
    const next = await engine.send(CASE_ID, {
      type: 'RESOLVE',
      by: 'qj-sj-czjs-staff',
      result: '已封堵排污口',
    });
    expect(next.ok && next.record.status).toBe('verifying');
    expect(await engine.verify(CASE_ID)).toMatchObject({ ok: true });
  });

  it('given an Engine that already holds the case, when the same id is restored, then it is refused with case.exists and the stored case is unchanged', async () => {
    const persisted = await persistedHistory();
    const { engine, store } = newEngine();
    expect((await restoreCase(engine, persisted)).ok).toBe(true);
    const before = {
      record: await engine.get(CASE_ID),
      trail: await engine.auditTrail(CASE_ID),
      timers: await store.timersOf(CASE_ID),
    };
    const r = await restoreCase(engine, json(persisted));
    expect(!r.ok && r.error.code).toBe('case.exists');
    expect(!r.ok && r.error.params).toEqual({ caseId: CASE_ID });
    expect({
      record: await engine.get(CASE_ID),
      trail: await engine.auditTrail(CASE_ID),
      timers: await store.timersOf(CASE_ID),
    }).toEqual(before);
  });

  it('given an Engine holding a different, shorter history under the same id, when the longer one is restored, then it is refused with case.exists', async () => {
    const persisted = await persistedHistory();
    const { engine } = newEngine();
    await openCase(engine, 'intake');
    const r = await restoreCase(engine, persisted);
    expect(!r.ok && r.error.code).toBe('case.exists');
    expect((await engine.get(CASE_ID))?.version).toBe(1);
  });
});
