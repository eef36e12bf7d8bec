// Timing and heap helpers: warm-up, fixed-duration runs, best of N, forced GC.

import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `global.gc` when node runs with --expose-gc; otherwise exposed at run time (V8 flag). */
export const gc: (() => void) | undefined = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

export const gcExposedByNode = typeof (globalThis as { gc?: unknown }).gc === 'function';

/** Collects garbage thoroughly (several full GCs, letting finalisers and microtasks run). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

/** A run: call `batch()` (which does some work and returns how many operations it did) until `ms` pass. */
export type Batch = () => number | Promise<number>;

/** Operations per wall-clock second and per CPU second of this process (user + system). */
async function runFor(ms: number, makeBatch: () => Batch): Promise<{ wall: number; cpu: number }> {
  const batch = makeBatch();
  let ops = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    ops += await batch();
    t = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: ops / ((t - t0) / 1000), cpu: ops / ((cpu.user + cpu.system) / 1e6) };
}

export interface Measured {
  /** Best operations per wall-clock second. */
  best: number;
  runs: number[];
  /**
   * Best operations per CPU second of this process: less disturbed when other processes compete
   * for the cores (GC threads count too, so it is not a pure single-thread figure).
   */
  bestCpu: number;
  /** Operations per CPU second of each round, in round order (pair them across tasks). */
  runsCpu: number[];
}

/** One throughput measurement: `make()` sets up fresh state and returns its batch function. */
export interface Task {
  name: string;
  make: () => Batch;
}

/**
 * Warms every task up for `warmMs`, then runs `rounds` rounds; in each round every task runs
 * once for `ms` with fresh state, in reverse order every other round. Interleaving the tasks spreads the noise of a shared machine
 * over all of them, so their ratios stay meaningful. Returns operations per second per task
 * (best and all runs), in task order.
 */
export async function measureAll(
  tasks: Task[],
  { warmMs = 500, ms = 1000, rounds = 3 }: { warmMs?: number; ms?: number; rounds?: number } = {},
): Promise<Measured[]> {
  for (const task of tasks) await runFor(warmMs, task.make);
  const all = tasks.map((): { wall: number; cpu: number }[] => []);
  for (let r = 0; r < rounds; r++) {
    // every other round runs the tasks in reverse order, so that a drift of the machine's speed
    // (another process starting, the clock stepping down) does not always favour the same task
    const order = [...tasks.keys()];
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      await settle();
      all[i]?.push(await runFor(ms, (tasks[i] as Task).make));
    }
  }
  return all.map((runs) => ({
    best: Math.max(...runs.map((x) => x.wall)),
    runs: runs.map((x) => x.wall),
    bestCpu: Math.max(...runs.map((x) => x.cpu)),
    runsCpu: runs.map((x) => x.cpu),
  }));
}

/** Per segment: operations per CPU second of each task, and their ratio (first ÷ second). */
export interface Paired {
  first: number[];
  second: number[];
  ratios: number[];
}

const cpuMicros = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/**
 * Two tasks measured side by side at the finest grain: their batches run in alternation (one of
 * the first, one of the second, …) and each batch's CPU time is charged to its own task. Both
 * then meet the same machine within a few milliseconds of each other, so the ratio of their
 * speeds holds still where separate rounds of a few hundred milliseconds swing by ±30% on a
 * shared machine. Runs `warmMs` untimed, then `segments` segments of `ms` each; returns each
 * segment's operations per CPU second of both and their ratio.
 */
export async function measurePaired(
  first: Batch,
  second: Batch,
  {
    warmMs = 1000,
    ms = 500,
    segments = 12,
  }: { warmMs?: number; ms?: number; segments?: number } = {},
): Promise<Paired> {
  const out: Paired = { first: [], second: [], ratios: [] };
  for (let s = -1; s < segments; s++) {
    let ops1 = 0;
    let ops2 = 0;
    let cpu1 = 0;
    let cpu2 = 0;
    const t0 = performance.now();
    const length = s < 0 ? warmMs : ms;
    while (performance.now() - t0 < length) {
      let c = cpuMicros();
      ops1 += await first();
      const mid = cpuMicros();
      cpu1 += mid - c;
      c = mid;
      ops2 += await second();
      cpu2 += cpuMicros() - c;
    }
    if (s < 0) continue;
    const a = ops1 / (cpu1 / 1e6);
    const b = ops2 / (cpu2 / 1e6);
    out.first.push(a);
    out.second.push(b);
    out.ratios.push(a / b);
  }
  return out;
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
