// Benchmark of `zhizhi simulate` on chains of 1,000 and 2,000 task steps (START, then one
// TASK_COMPLETE per step), against plain XState running the same compiled machine JSON in the
// same run: `createMachine(json)` with no-op actions and the two guards the chain needs, one
// live actor, the same events. Also shown: the same JSON through `createScenarioMachine`
// (zhizhi's action and guard implementations, still a live actor), and the CLI as a process.
//
//   pnpm --filter @zhizhi/cli bench          (after `pnpm build`; or `tsx bench/simulate.bench.ts`)
//   BENCH_STEPS=500,1000 BENCH_RUNS=5 …       (other chain lengths, more runs)
//
// Each figure is the median of BENCH_RUNS (default 3) runs after one warm-up. The ratio
// simulate / plain XState is the number to watch; the machines these run on are shared and
// noisy, so compare ratios, not milliseconds, across runs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileScenario, createScenarioMachine, scenarioSchema } from '@zhizhi/core/scenario';
import { createActor, createMachine } from 'xstate';
import type { Io } from '../src/Io.js';
import { runCli } from '../src/zhizhi.js';
import { chainScenario } from './chainScenario.js';

const STEPS = (process.env.BENCH_STEPS ?? '1000,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const bin = new URL('../dist/zhizhi.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'zhizhi-bench-'));

async function median(work: () => unknown): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

interface EventLine {
  type: string;
  step?: string;
  outcome?: string;
}

function plainXState(machineJson: unknown, events: EventLine[]): string {
  const machine = createMachine(
    machineJson as Parameters<typeof createMachine>[0],
    {
      guards: {
        'zz.trigger': () => true,
        'zz.outcome': ({ event }: { event: EventLine }, p: { step: string; outcome: string }) =>
          event.type === 'TASK_COMPLETE' && event.step === p.step && event.outcome === p.outcome,
      },
    } as never,
  );
  const actor = createActor(machine, { input: {} }).start();
  for (const e of events) actor.send(e as { type: string });
  return String(actor.getSnapshot().value);
}

function zhizhiMachine(machineJson: unknown, events: EventLine[]): string {
  const machine = createScenarioMachine(machineJson);
  const actor = createActor(machine, {
    input: { trigger: 'manual', townId: 'qj-sj', gridId: 'qj-sj-c1-g1', at: 0 },
  }).start();
  for (const e of events) actor.send({ ...e, by: 'qj-sj-c1-g1-worker', at: 0 } as never);
  return String(actor.getSnapshot().value);
}

const quiet = (files: Map<string, string>): Io => ({
  out: () => {},
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => files.get(path) ?? '',
  writeFile: () => {},
});

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
console.log(`zhizhi simulate on task chains; median of ${RUNS} runs after a warm-up`);
for (const n of STEPS) {
  const { doc, events } = chainScenario(n);
  const machineJson = JSON.parse(JSON.stringify(compileScenario(scenarioSchema.parse(doc))));
  const lines = events
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as EventLine);
  if (plainXState(machineJson, lines) !== 'end' || zhizhiMachine(machineJson, lines) !== 'end')
    throw new Error('the chain did not reach its end');
  const files = new Map([
    ['/chain.json', JSON.stringify(doc)],
    ['/chain.events.jsonl', events],
  ]);
  const argv = ['simulate', '/chain.json', '--events', '/chain.events.jsonl', '--lang', 'en'];
  if ((await runCli(argv, quiet(files))) !== 0) throw new Error('simulate failed');
  writeFileSync(join(dir, 'chain.json'), JSON.stringify(doc));
  writeFileSync(join(dir, 'chain.events.jsonl'), events);

  const plain = await median(() => plainXState(machineJson, lines));
  const scenarioMachine = await median(() => zhizhiMachine(machineJson, lines));
  const simulate = await median(() => runCli(argv, quiet(files)));
  const processRun = await median(() => {
    const r = spawnSync(
      process.execPath,
      [bin, ...argv.map((a) => (a.startsWith('/chain') ? join(dir, a) : a))],
      {
        stdio: 'ignore',
      },
    );
    if (r.status !== 0) throw new Error(`zhizhi simulate exited ${r.status}`);
  });
  console.log(`\n${n} steps (${n + 1} events)`);
  console.log(`  plain XState, createMachine(json)     ${fmt(plain)}   (baseline)`);
  console.log(
    `  XState, createScenarioMachine(json)   ${fmt(scenarioMachine)}   ${(scenarioMachine / plain).toFixed(1)}×`,
  );
  console.log(
    `  zhizhi simulate, in process           ${fmt(simulate)}   ${(simulate / plain).toFixed(1)}×`,
  );
  console.log(
    `  zhizhi simulate, node dist/zhizhi.js  ${fmt(processRun)}   ${(processRun / plain).toFixed(1)}× (with Node start-up)`,
  );
}
