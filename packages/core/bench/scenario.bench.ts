// Benchmark of the scenario checker and compiler on a generated 1,000-step scenario (every
// step kind, parallel branches, conditions, SLAs, KPIs), against JSON.parse of the same
// document in the same run as a baseline.
//
//   npx tsx bench/scenario.bench.ts            (from packages/core)
//   BENCH_STEPS=5000 BENCH_RUNS=50 …           (a bigger document, fewer runs)
//
// Each figure: 20 warm-up runs, then BENCH_RUNS (default 200) timed runs; median and best.
// The machines these run on are shared and noisy: the verdict says whether the goal (well
// under 100 ms) was met on this run, it never fails the process.

import { performance } from 'node:perf_hooks';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario } from '../src/scenario/compile/compileScenario.js';
import type { Scenario } from '../src/scenario/document/scenarioSchema.js';
import { generateScenario } from '../test/support/generateScenario.js';

const STEPS = Number(process.env.BENCH_STEPS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM = 20;

interface Timing {
  median: number;
  best: number;
}

/** Times `work(input)` on a fresh input per run (made outside the timed section). */
function time<T>(make: () => T, work: (input: T) => unknown): Timing {
  const samples: number[] = [];
  for (let i = 0; i < WARM + RUNS; i++) {
    const input = make();
    const t = performance.now();
    work(input);
    const dt = performance.now() - t;
    if (i >= WARM) samples.push(dt);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] as number, best: samples[0] as number };
}

const fmt = (t: Timing) => `median ${t.median.toFixed(2)} ms, best ${t.best.toFixed(2)} ms`;

const directory = new Directory(sampleOrg);
const doc = generateScenario(STEPS);
const json = JSON.stringify(doc);
const check = validateScenario(JSON.parse(json), directory);
if (check.length > 0) throw new Error(`the generated scenario is not valid: ${check[0]?.code}`);

const parse = time(
  () => json,
  (text) => JSON.parse(text),
);
const validate = time(
  () => JSON.parse(json) as unknown,
  (input) => validateScenario(input, directory),
);
const validateNoOrg = time(
  () => JSON.parse(json) as unknown,
  (input) => validateScenario(input),
);
const compile = time(
  () => JSON.parse(json) as Scenario,
  (input) => compileScenario(input),
);
const machineBytes = JSON.stringify(compileScenario(doc)).length;

console.log(
  `scenario: ${STEPS} steps, ${(json.length / 1024).toFixed(0)} KiB of JSON; ${RUNS} runs after ${WARM} warm-up`,
);
console.log(`JSON.parse (baseline)           ${fmt(parse)}`);
console.log(`validateScenario (with org)     ${fmt(validate)}`);
console.log(`validateScenario (without org)  ${fmt(validateNoOrg)}`);
console.log(
  `ratio validate / JSON.parse     ${(validate.median / parse.median).toFixed(1)}× (medians)`,
);
console.log(
  `compileScenario                 ${fmt(compile)}  → ${(machineBytes / 1024).toFixed(0)} KiB of machine JSON`,
);
console.log(
  validate.median < 100
    ? `verdict: validation well under 100 ms (${validate.median.toFixed(1)} ms)`
    : `verdict: validation took ${validate.median.toFixed(1)} ms (goal: well under 100 ms; is the machine busy?)`,
);
