// Benchmark of @zhizhi/core: the Engine against a bare XState actor of the same machine, a
// plain reducer, the pure stepper and xstate's transition(); memory per resident case; persist
// and restore. Everything runs in one process on one machine, so the ratios are comparable.
//
//   node --expose-gc --import tsx bench/run.ts    what `pnpm bench` should run (full GCs for
//                                                 the heap figures; without --expose-gc the
//                                                 bench turns gc on through a V8 flag)
//   BENCH_CASES=20000 BENCH_MS=500 …              a smaller, faster run (bytes per case are
//                                                 linear, so 20,000 cases give the same figures)
//
// Throughput: every measurement is warmed up (0.5 s), then 3 rounds run every measurement once
// for BENCH_MS (default 1000 ms) with fresh state — interleaved, so that the noise of a shared
// machine falls on all of them alike — and the best of the 3 is reported, per wall-clock second
// and per CPU second of the process. Memory: heapUsed after full GCs, before and after building
// BENCH_CASES (default 100,000) resident cases; building them through the Engine is 1M awaited
// events and dominates the run time. The verdicts say whether a goal was met on this run; they
// never fail the process.

import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createActor, initialTransition, transition } from 'xstate';
import type { CaseContext } from '../src/case/caseContext.js';
import type { CaseCommand, CaseEvent } from '../src/case/caseEventSchemas.js';
import type { NotificationIntent } from '../src/case/caseNotifications.js';
import type { CaseStatus } from '../src/case/caseStatus.js';
import { type CaseMachine, createCaseMachine } from '../src/case/createCaseMachine.js';
import { createCaseStepper } from '../src/case/createCaseStepper.js';
import { Engine, type EngineResult } from '../src/engine/Engine.js';
import { loadCase } from '../src/engine/loadCase.js';
import { restoreCase } from '../src/engine/restoreCase.js';
import {
  commandOf,
  contextOf,
  directory,
  dutyLists,
  type Lifecycle,
  lifecycle,
  reportOf,
  slaPolicy,
  viaJson,
} from './fixtures.js';
import {
  type Batch,
  fmtInt,
  gc,
  gcExposedByNode,
  heapUsed,
  type Measured,
  measureAll,
  settle,
} from './measure.js';
import { createCaseReducer } from './reducer.js';

const RUN_MS = Number(process.env.BENCH_MS ?? 1000);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
/** Cases in flight at once; events go to them in round-robin. */
const SLOTS = 1000;
/** Throughput lifecycle: report, ACCEPT, DISPATCH, ACKNOWLEDGE, 3×PROGRESS, RESOLVE, CONFIRM. */
const FLOW = lifecycle(3, true);
/** Resident lifecycle: report … 5×PROGRESS, RESOLVE → a 10-entry audit trail, still open. */
const RESIDENT = lifecycle(5, false);
/** Plain rows built for the memory floor (a sample: a row's size does not depend on how many). */
const FLOOR = Math.min(CASES, 20_000);
/** Cases persisted and restored in turn. */
const POOL = 2000;

const machine = createCaseMachine({ directory, dutyLists });
const newEngine = () => new Engine({ directory, slaPolicy, dutyLists });
const started = performance.now();

type Actor = ReturnType<typeof createActor<CaseMachine>>;
const ok = (r: EngineResult, want: CaseStatus | undefined, what: string) => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message.en}`);
  if (r.record.status !== want) throw new Error(`${what}: ${r.record.status}, expected ${want}`);
  return r.record;
};

/**
 * The command as the machine receives it, `at` added by assignment. (`{ ...command, at }` would
 * give every event object its own V8 hidden class and slow the baselines down, as it slows the Engine.)
 */
function stamped(command: CaseCommand): CaseEvent {
  const event = command as CaseEvent;
  event.at = Date.now();
  return event;
}

// ---------------------------------------------------------------- throughput drivers

/** A synchronous way to run a case: open it from a report, send it an event, read its status. */
interface Driver<S> {
  open(k: number): S;
  send(state: S, event: CaseEvent): S;
  status(state: S): CaseStatus;
}

/** Round-robin over SLOTS cases, each through FLOW; when one closes, its slot opens the next. */
function roundRobin<S>(driver: Driver<S>): () => Batch {
  return () => {
    const ks = new Int32Array(SLOTS);
    const steps = new Int32Array(SLOTS);
    const states = new Array<S>(SLOTS);
    let next = 0;
    for (let i = 0; i < SLOTS; i++) ks[i] = next++;
    let i = 0;
    return () => {
      for (let b = 0; b < 256; b++) {
        const k = ks[i] as number;
        const step = steps[i] as number;
        const s =
          step === 0
            ? driver.open(k)
            : driver.send(states[i] as S, stamped(commandOf(k, step, FLOW)));
        if (driver.status(s) !== FLOW.expected[step]) {
          throw new Error(`step ${step} of case ${k}: ${driver.status(s)}`);
        }
        states[i] = s;
        if (step + 1 === FLOW.events) {
          steps[i] = 0;
          ks[i] = next++;
        } else steps[i] = step + 1;
        i = (i + 1) % SLOTS;
      }
      return 256;
    };
  };
}

/** The same round-robin through the Engine: every report and send awaited. */
function engineRoundRobin(): Batch {
  const engine = newEngine();
  const ks = new Int32Array(SLOTS);
  const steps = new Int32Array(SLOTS);
  const ids = new Array<string>(SLOTS);
  let next = 0;
  for (let i = 0; i < SLOTS; i++) ks[i] = next++;
  let i = 0;
  return async () => {
    for (let b = 0; b < 256; b++) {
      const k = ks[i] as number;
      const step = steps[i] as number;
      const want = FLOW.expected[step];
      if (step === 0) {
        ids[i] = ok(await engine.report(reportOf(k)), want, `report ${k}`).id;
      } else {
        ok(await engine.send(ids[i] as string, commandOf(k, step, FLOW)), want, `case ${k}`);
      }
      if (step + 1 === FLOW.events) {
        steps[i] = 0;
        ks[i] = next++;
      } else steps[i] = step + 1;
      i = (i + 1) % SLOTS;
    }
    return 256;
  };
}

const openContext = (k: number) => contextOf(reportOf(k), randomUUID(), Date.now());

const actorDriver: Driver<Actor> = {
  open: (k) => createActor(machine, { input: openContext(k) }).start(),
  send: (actor, event) => {
    actor.send(event);
    return actor;
  },
  status: (actor) => actor.getSnapshot().value as unknown as CaseStatus,
};

interface Row {
  status: CaseStatus;
  context: CaseContext;
  notifications: NotificationIntent[];
}
const checked = <T extends { changed: boolean }>(step: T): T => {
  if (!step.changed) throw new Error('refused');
  return step;
};

const reducer = createCaseReducer(directory, dutyLists);
const reducerDriver: Driver<Row> = {
  open: (k) => reducer.initial(openContext(k)),
  send: (s, event) => checked(reducer.next(s.status, s.context, event)),
  status: (s) => s.status,
};

const stepper = createCaseStepper(machine);
const stepperDriver: Driver<Row> = {
  open: (k) => stepper.initial(openContext(k)),
  send: (s, event) => checked(stepper.next(s.status, s.context, event)),
  status: (s) => s.status,
};

const intentsOf = (actions: { type: string; params?: unknown }[]) =>
  actions.flatMap((a) =>
    a.type === 'notify' ? (a.params as { intents: NotificationIntent[] }).intents : [],
  );
const transitionDriver: Driver<Row> = {
  open: (k) => {
    const [snapshot, actions] = initialTransition(machine, openContext(k));
    return {
      status: snapshot.value as unknown as CaseStatus,
      context: snapshot.context,
      notifications: intentsOf(actions),
    };
  },
  send: (s, event) => {
    const before = machine.resolveState({ value: s.status, context: s.context });
    const [after, actions] = transition(machine, before, event);
    if (after.context === before.context) throw new Error('refused');
    return {
      status: after.value as unknown as CaseStatus,
      context: after.context,
      notifications: intentsOf(actions),
    };
  },
  status: (s) => s.status,
};

// ---------------------------------------------------------------- persist / restore

/** Opens case k and takes it through `life`; inputs arrive as JSON (fresh, distinct strings). */
async function residentCase(engine: Engine, k: number, life: Lifecycle): Promise<string> {
  const [report, ...commands] = viaJson([reportOf(k), ...commandsOf(k, life)]) as [
    ReturnType<typeof reportOf>,
    ...CaseCommand[],
  ];
  const id = ok(await engine.report(report), life.expected[0], `report ${k}`).id;
  for (const [i, command] of commands.entries()) {
    ok(await engine.send(id, command), life.expected[i + 1], `case ${k}`);
  }
  return id;
}

function commandsOf(k: number, life: Lifecycle): CaseCommand[] {
  const out: CaseCommand[] = [];
  for (let step = 1; step < life.events; step++) out.push(commandOf(k, step, life));
  return out;
}

/** Cases to persist, and the task: persist → stringify → parse → restoreCase into a new Engine. */
async function persistRestoreTask(): Promise<{
  task: () => Batch;
  trusted: () => Batch;
  xstate: () => Batch;
  jsonBytes: number;
}> {
  const source = newEngine();
  const ids: string[] = [];
  for (let k = 0; k < POOL; k++) ids.push(await residentCase(source, k, RESIDENT));
  let bytes = 0;
  for (const id of ids) bytes += Buffer.byteLength(JSON.stringify(await source.persist(id)));
  const task = () => {
    let target = newEngine();
    let j = 0;
    return async () => {
      for (let b = 0; b < 64; b++) {
        const persisted = await source.persist(ids[j] as string);
        const restored = await restoreCase(target, JSON.parse(JSON.stringify(persisted)));
        if (!restored.ok) throw new Error(`restore: ${restored.error.code}`);
        if (++j === ids.length) {
          j = 0;
          target = newEngine();
        }
      }
      return 64;
    };
  };
  // the same cases as JSON, loaded by a trusted process (no chain check, no replay)
  const jsons: string[] = [];
  for (const id of ids) jsons.push(JSON.stringify(await source.persist(id)));
  const trusted = () => {
    let target = newEngine();
    let j = 0;
    return async () => {
      for (let b = 0; b < 64; b++) {
        const loaded = await loadCase(target, JSON.parse(jsons[j] as string));
        if (!loaded.ok) throw new Error(`load: ${loaded.error.code}`);
        if (++j === jsons.length) {
          j = 0;
          target = newEngine();
        }
      }
      return 64;
    };
  };
  // XState's own restore of the same machine: a persisted snapshot → createActor(…).start()
  const machine = createCaseMachine({ directory, dutyLists });
  const snapshots: string[] = [];
  for (const id of ids) {
    const record = await source.get(id);
    if (!record) throw new Error('no record');
    const actor = createActor(machine, {
      snapshot: machine.resolveState({ value: record.status, context: record.context }),
    } as never).start();
    snapshots.push(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
  }
  const xstate = () => {
    let j = 0;
    return () => {
      for (let b = 0; b < 64; b++) {
        const actor = createActor(machine, {
          snapshot: JSON.parse(snapshots[j] as string),
        } as never).start();
        if (actor.getSnapshot().status !== 'active') throw new Error('xstate restore');
        actor.stop();
        if (++j === snapshots.length) j = 0;
      }
      return 64;
    };
  };
  return { task, trusted, xstate, jsonBytes: bytes / ids.length };
}

// ---------------------------------------------------------------- memory

/** Heap bytes per case for building `n` cases with `build` (which must keep them alive). */
async function perCase<T>(
  n: number,
  build: () => Promise<T>,
  check: (kept: T) => unknown,
): Promise<number> {
  await settle();
  const before = heapUsed();
  const kept = await build();
  await settle();
  const after = heapUsed();
  await check(kept);
  return (after - before) / n;
}

/** Bytes per resident case with its notifications still in the outbox, and once delivered. */
async function memoryEngine(): Promise<{ pending: number; delivered: number; outbox: number }> {
  await settle();
  const before = heapUsed();
  const engine = newEngine();
  let last = '';
  for (let k = 0; k < CASES; k++) last = await residentCase(engine, k, RESIDENT);
  await settle();
  const pending = (heapUsed() - before) / CASES;
  // What a server does continually: deliver the outbox (the MemoryStore then lets go of it).
  const outbox = await engine.store.pendingNotifications(Number.POSITIVE_INFINITY);
  await engine.store.markDelivered(
    outbox.map((n) => n.id),
    Date.now(),
  );
  const notesPerCase = outbox.length / CASES;
  outbox.length = 0;
  await settle();
  const delivered = (heapUsed() - before) / CASES;
  const trail = await engine.auditTrail(last);
  if (trail.length !== RESIDENT.events) throw new Error(`trail of ${trail.length}`);
  return { pending, delivered, outbox: notesPerCase };
}

function memoryActors(): Promise<number> {
  const actors = new Array<Actor>(CASES);
  return perCase(
    CASES,
    async () => {
      for (let k = 0; k < CASES; k++) {
        const [report, ...commands] = viaJson([reportOf(k), ...commandsOf(k, RESIDENT)]) as [
          ReturnType<typeof reportOf>,
          ...CaseCommand[],
        ];
        const actor = createActor(machine, {
          input: contextOf(report, randomUUID(), Date.now()),
        }).start();
        for (const command of commands) actor.send(stamped(command));
        actors[k] = actor;
      }
      return actors;
    },
    (kept) => {
      if ((kept[CASES - 1]?.getSnapshot().value as unknown) !== 'verifying')
        throw new Error('actor state');
    },
  );
}

function memoryRows(): Promise<number> {
  const rows = new Array<{ status: CaseStatus; context: CaseContext }>(FLOOR);
  return perCase(
    FLOOR,
    async () => {
      for (let k = 0; k < FLOOR; k++) {
        const [report, ...commands] = viaJson([reportOf(k), ...commandsOf(k, RESIDENT)]) as [
          ReturnType<typeof reportOf>,
          ...CaseCommand[],
        ];
        let row = reducer.initial(contextOf(report, randomUUID(), Date.now()));
        for (const command of commands) {
          row = checked(reducer.next(row.status, row.context, stamped(command)));
        }
        rows[k] = { status: row.status, context: row.context };
      }
      return rows;
    },
    (kept) => {
      if (kept[FLOOR - 1]?.status !== 'verifying') throw new Error('row state');
    },
  );
}

// ---------------------------------------------------------------- main

const line = (label: string, value: string, unit = '', extra = '') =>
  console.log(`  ${label.padEnd(60)} ${value.padStart(10)} ${unit.padEnd(9)} ${extra}`.trimEnd());
const runsOf = (m: Measured) =>
  `${fmtInt(m.bestCpu).padStart(10)}   (wall runs ${m.runs.map(fmtInt).join(' / ')})`;
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const verdict = (met: boolean) => (met ? 'met on this run' : 'NOT met on this run');
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function main() {
  const gcNote = gcExposedByNode
    ? '--expose-gc'
    : gc
      ? 'exposed at run time via a v8 flag (prefer node --expose-gc)'
      : 'UNAVAILABLE: heap figures unreliable';
  const cpu = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}`;
  console.log('@zhizhi/core benchmark');
  console.log(`  node ${process.version}, ${cpu}, gc: ${gcNote}`);
  console.log(
    `  throughput: ${SLOTS} cases in round-robin, ${FLOW.events} events each (report, ACCEPT, ` +
      `DISPATCH, ACKNOWLEDGE, ${FLOW.progress}×PROGRESS, RESOLVE, CONFIRM); ` +
      `warm-up 0.5 s, best of 3 interleaved runs of ${RUN_MS} ms`,
  );

  const t0 = performance.now();
  const pr = await persistRestoreTask();
  const [engine, actor, plain, step, trans, persisted, trustedLoad, xstateRestore] =
    (await measureAll(
      [
        { name: 'engine', make: () => engineRoundRobin() },
        { name: 'actor', make: roundRobin(actorDriver) },
        { name: 'reducer', make: roundRobin(reducerDriver) },
        { name: 'stepper', make: roundRobin(stepperDriver) },
        { name: 'transition', make: roundRobin(transitionDriver) },
        { name: 'persist', make: pr.task },
        { name: 'trusted', make: pr.trusted },
        { name: 'xstate restore', make: pr.xstate },
      ],
      { ms: RUN_MS },
    )) as [Measured, Measured, Measured, Measured, Measured, Measured, Measured, Measured];

  console.log(`\nThroughput (${seconds(t0)})${' '.repeat(47)}best wall   per CPU-s`);
  const rows: [string, Measured, string][] = [
    ['Engine + MemoryStore (zod, authorise, audit hash, commit)', engine, 'events/s'],
    ['bare XState actor (createActor … send) — baseline', actor, 'events/s'],
    ['plain reducer (ruleFor, authorize, apply, notifications)', plain, 'events/s'],
    ['pure stepper (createCaseStepper.next, reused scope)', step, 'events/s'],
    ['xstate transition() + resolveState (new scope per call)', trans, 'events/s'],
    [`persist → JSON → restoreCase, ${RESIDENT.events}-entry case`, persisted, 'cases/s'],
    ['JSON → loadCase (trusted: no chain check, no replay)', trustedLoad, 'cases/s'],
    ['JSON → createActor({ snapshot }).start() — XState restore', xstateRestore, 'cases/s'],
  ];
  for (const [label, m, unit] of rows) line(label, fmtInt(m.best), unit, runsOf(m));
  line('  persisted JSON per case', fmtInt(pr.jsonBytes), 'bytes');

  const t1 = performance.now();
  const engineMem = await memoryEngine();
  const engineBytes = engineMem.pending;
  const tEngine = seconds(t1);
  const t2 = performance.now();
  const actorBytes = await memoryActors();
  const tActors = seconds(t2);
  const rowBytes = await memoryRows();
  console.log(
    `\nMemory: ${fmtInt(CASES)} cases × ${RESIDENT.events} events each, ` +
      `heapUsed after full GCs (${seconds(t1)})`,
  );
  const perNote = `${engineMem.outbox.toFixed(1)} pending notifications`;
  line(
    `Engine + MemoryStore, per resident case (${RESIDENT.events}-entry trail)`,
    fmtInt(engineBytes),
    'bytes',
    `(${perNote} per case in the outbox; built in ${tEngine})`,
  );
  line('  … once the outbox is delivered', fmtInt(engineMem.delivered), 'bytes');
  line('live XState actor, per case', fmtInt(actorBytes), 'bytes', `(built in ${tActors})`);
  line(
    `plain { status, context } row, per case (floor, ${fmtInt(FLOOR)} rows)`,
    fmtInt(rowBytes),
    'bytes',
  );

  const rEngine = ratio(engine.best, actor.best);
  const rStep = ratio(step.best, trans.best);
  const rBytes = ratio(engineBytes, actorBytes);
  console.log('\nRatios');
  const rEngineCpu = ratio(engine.bestCpu, actor.bestCpu);
  line(
    'Engine / bare actor throughput (goal ≥ 0.5)',
    rEngine.toFixed(2),
    '×',
    `(per CPU-s: ${rEngineCpu.toFixed(2)}×)`,
  );
  const cpuRatio = (a: Measured, b: Measured) =>
    `(per CPU-s: ${ratio(a.bestCpu, b.bestCpu).toFixed(2)}×)`;
  line(
    'reducer / bare actor throughput',
    ratio(plain.best, actor.best).toFixed(2),
    '×',
    cpuRatio(plain, actor),
  );
  line('stepper / transition() throughput', rStep.toFixed(2), '×', cpuRatio(step, trans));
  line('Engine bytes per resident case / live actor bytes', rBytes.toFixed(2), '×');
  const rTrusted = ratio(trustedLoad.best, xstateRestore.best);
  const rRestore = ratio(persisted.best, xstateRestore.best);
  line(
    'trusted loadCase / XState restore (goal ≥ 0.5)',
    rTrusted.toFixed(2),
    '×',
    cpuRatio(trustedLoad, xstateRestore),
  );
  line(
    'untrusted restoreCase / XState restore',
    rRestore.toFixed(2),
    '×',
    cpuRatio(persisted, xstateRestore),
  );

  console.log('\nVerdicts (shared, noisy machine: indicative only, never asserted)');
  const bytes = `${fmtInt(engineBytes)} bytes`;
  console.log(
    `  Engine ≥ 0.5 × bare actor: ${verdict(rEngine >= 0.5)} (${rEngine.toFixed(2)}× wall, ` +
      `${rEngineCpu.toFixed(2)}× per CPU-s)`,
  );
  const delivered = `${fmtInt(engineMem.delivered)} once delivered`;
  console.log(
    `  resident case < 4096 bytes: ${verdict(engineBytes < 4096)} (${bytes}; ${delivered})`,
  );
  console.log(`  stepper faster than transition(): ${verdict(rStep > 1)} (${rStep.toFixed(2)}×)`);
  console.log(
    `  trusted load ≥ 0.5 × XState restore: ${verdict(rTrusted >= 0.5)} (${rTrusted.toFixed(2)}×)`,
  );
  console.log(`\n  total ${seconds(started)}`);
}

await main();
