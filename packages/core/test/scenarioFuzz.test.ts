import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { createCheckContext } from '../src/scenario/check/checkContext.js';
import { parseScenario } from '../src/scenario/check/parseScenario.js';
import { type ScenarioCode, scenarioCatalog } from '../src/scenario/check/scenarioCatalog.js';
import { sortDiagnostics, validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario } from '../src/scenario/compile/compileScenario.js';
import { createScenarioMachine } from '../src/scenario/compile/createScenarioMachine.js';
import { stepRegions } from '../src/scenario/document/scenarioGraph.js';
import type { Scenario } from '../src/scenario/document/scenarioSchema.js';
import { generateScenario } from './support/generateScenario.js';
import { applyMutation, mutationArb, randomScenarioArb } from './support/scenarioArbitraries.js';

// 100,000 generated documents in all (see RUNS): random JSON and values of any type, documents
// of the right shape with random graphs, mutations of valid documents (keys and items deleted,
// replaced, duplicated; step kinds swapped; `__proto__` / `constructor` keys injected through
// JSON.parse), deep nesting, huge arrays and cycles. For each: validateScenario does not throw,
// returns well-formed sorted diagnostics, changes neither the document nor Object.prototype,
// and a document without errors keeps its diagnostics after a JSON round-trip, compiles, and
// has the same parallel regions as the compiler's stepRegions.

const RUNS = {
  json: 25_000,
  anything: 5_000,
  graphs: 25_000,
  mutations: 40_000,
  deepAndHuge: 1_000,
  cycles: 4_000,
};
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

const dir = new Directory(sampleOrg);
const folder = fileURLToPath(new URL('./fixtures/scenarios/valid/', import.meta.url));
const bases = [
  ...readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readFileSync(`${folder}${f}`, 'utf8')),
  JSON.stringify(generateScenario(12)),
];
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const validated: Record<string, number> = {};
const outcomes = { valid: 0, schemaErrors: 0, otherErrors: 0 };

function fail(why: string, detail: unknown): never {
  throw new Error(`${why}: ${JSON.stringify(detail)?.slice(0, 500)}`);
}

function checkWellFormed(ds: unknown): asserts ds is Diagnostic[] {
  if (!Array.isArray(ds)) fail('not an array', ds);
  for (const d of ds as Diagnostic[]) {
    if (typeof d !== 'object' || d === null) fail('not a diagnostic', d);
    const keys = Object.keys(d).sort().join();
    if (keys !== 'code,message,path,severity' && keys !== 'code,message,path,severity,stepId')
      fail('not a diagnostic', d);
    if (d.stepId !== undefined && (d.path[0] !== 'steps' || typeof d.stepId !== 'string'))
      fail('a step id outside the steps', d);
    if (!Object.hasOwn(scenarioCatalog, d.code) || d.code === 'scenario.internal')
      fail('bad code', d);
    if (d.severity !== scenarioCatalog[d.code as ScenarioCode].severity) fail('bad severity', d);
    if (!Array.isArray(d.path)) fail('bad path', d);
    for (const p of d.path) {
      if (typeof p !== 'string' && !(Number.isInteger(p) && p >= 0)) fail('bad path segment', d);
    }
    const { zh, en } = d.message;
    if (typeof zh !== 'string' || typeof en !== 'string' || zh === '' || en === '')
      fail('bad message', d);
  }
  const sorted = sortDiagnostics([...(ds as Diagnostic[])]);
  if (sorted.some((d, i) => d !== (ds as Diagnostic[])[i])) fail('not sorted', ds);
}

function checkPrototypes(): void {
  if (({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype polluted', {});
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== protoNames) {
    fail('Object.prototype changed', Object.getOwnPropertyNames(Object.prototype));
  }
}

function jsonOf(doc: unknown): string | undefined {
  try {
    return JSON.stringify(doc);
  } catch {
    return undefined; // cyclic, too deep or a BigInt
  }
}

/**
 * A serialisation that needs no recursion (JSON.stringify of a document 16,384 levels deep may
 * or may not overflow depending on how deep the caller's stack already is), for checking that
 * very deep documents are left unchanged.
 */
function fingerprint(doc: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) {
      out.push(typeof v === 'bigint' ? `${v}n` : String(JSON.stringify(v)));
      continue;
    }
    const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
    out.push(Array.isArray(v) ? `[${keys.length}` : `{${keys.join(',')}`);
    for (let i = keys.length - 1; i >= 0; i--)
      stack.push((v as Record<string, unknown>)[keys[i] as string]);
  }
  return out.join('|');
}

/** Validates `doc` and checks every guarantee; `json` is the document's text when it has one. */
function run(group: string, doc: unknown, withOrg: boolean, given?: string | null): void {
  // null: too deep for JSON.stringify to be a reliable witness; the caller checks instead
  const json = given === null ? undefined : (given ?? jsonOf(doc));
  validated[group] = (validated[group] ?? 0) + 1;
  const org = withOrg ? dir : undefined;
  let ds: Diagnostic[];
  try {
    ds = validateScenario(doc, org);
  } catch (error) {
    fail('threw', String(error));
  }
  checkWellFormed(ds);
  checkPrototypes();
  if (json !== undefined && jsonOf(doc) !== json) fail('document changed', json);
  const errors = ds.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    if (errors.some((d) => d.code === 'scenario.schema')) outcomes.schemaErrors++;
    else outcomes.otherErrors++;
    return;
  }
  outcomes.valid++;
  if (json === undefined) return;
  const again = validateScenario(JSON.parse(json), org);
  if (JSON.stringify(again) !== JSON.stringify(ds))
    fail('changed by a JSON round-trip', { ds, again });
  try {
    // and the machine builds: what the checker accepts, register never refuses
    createScenarioMachine(compileScenario(JSON.parse(json) as Scenario));
  } catch (error) {
    fail('a valid document does not compile', { error: String(error), json });
  }
  // the checker's linear regions are the compiler's (stepRegions) on every valid document
  const shape = parseScenario(JSON.parse(json));
  if (!shape.ok) fail('valid but not of the right shape', json);
  const { home } = createCheckContext(shape.value);
  const { regionOf, conflicts } = stepRegions(shape.value);
  if (conflicts.length > 0) fail('stepRegions sees conflicts in a valid document', json);
  shape.value.steps.forEach((step, i) => {
    if (JSON.stringify(home[i]) !== JSON.stringify(regionOf.get(step.id) ?? null)) {
      fail('regions differ from stepRegions', { step: step.id, json });
    }
  });
}

describe('validateScenario fuzzing', () => {
  it('given random JSON values, then it never throws and returns well-formed diagnostics', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (doc, withOrg) =>
        run('json', doc, withOrg),
      ),
      { numRuns: RUNS.json, ...seed },
    );
  });

  it('given values of any type (null prototypes, sparse arrays, maps, typed arrays, bigints), then the same', () => {
    const anything = fc.anything({
      maxDepth: 4,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    });
    const shaped = fc.record({
      format: fc.constant('zhizhi.scenario/1'),
      steps: anything,
      triggers: anything,
    });
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (doc) => run('anything', doc, true)),
      { numRuns: RUNS.anything, ...seed },
    );
  });

  it('given documents of the right shape with random graphs, references and conditions, then the same', () => {
    fc.assert(
      fc.property(randomScenarioArb, fc.boolean(), (doc, withOrg) => run('graphs', doc, withOrg)),
      { numRuns: RUNS.graphs, ...seed },
    );
  });

  it('given valid documents after 1–4 random mutations (proto keys included), then the same', () => {
    const ordinary = mutationArb.filter((m) => m.op !== 'deep' && m.op !== 'huge');
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(ordinary, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (b, mutations, withOrg) => {
          let doc: unknown = JSON.parse(bases[b] as string);
          for (const m of mutations) doc = applyMutation(doc, m);
          run('mutations', doc, withOrg);
        },
      ),
      { numRuns: RUNS.mutations, ...seed },
    );
  });

  it('given deep nesting (up to 16,384 levels) or huge arrays (up to 8,192 items) anywhere, then the same', () => {
    const special = mutationArb.map((m) => ({
      ...m,
      op: m.pick % 2 === 0 ? ('deep' as const) : ('huge' as const),
    }));
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        special,
        fc.array(
          mutationArb.filter((m) => m.op !== 'deep' && m.op !== 'huge'),
          { maxLength: 2 },
        ),
        (b, m, rest) => {
          let doc: unknown = JSON.parse(bases[b] as string);
          doc = applyMutation(doc, m);
          for (const r of rest) doc = applyMutation(doc, r);
          const before = fingerprint(doc);
          run('deepAndHuge', doc, true, null);
          if (fingerprint(doc) !== before) fail('document changed', 'deep or huge document');
        },
      ),
      { numRuns: RUNS.deepAndHuge, ...seed },
    );
  });

  it('given cycles anywhere in a document, then the same', () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.nat(), fc.nat(), (b, where, key) => {
        const doc = JSON.parse(bases[b] as string) as Record<string, unknown>;
        const nodes: Record<string, unknown>[] = [];
        const stack: unknown[] = [doc];
        while (stack.length > 0) {
          const v = stack.pop();
          if (typeof v === 'object' && v !== null) {
            nodes.push(v as Record<string, unknown>);
            stack.push(...Object.values(v));
          }
        }
        const node = nodes[where % nodes.length] as Record<string, unknown>;
        const keys = Object.keys(node);
        const k = keys[key % Math.max(1, keys.length)] ?? 'loop';
        node[k] = key % 3 === 0 ? doc : key % 3 === 1 ? node : [node, doc];
        run('cycles', doc, true, undefined);
      }),
      { numRuns: RUNS.cycles, ...seed },
    );
  });

  afterAll(() => {
    const total = Object.values(validated).reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} documents`, validated, outcomes);
  });

  it('given all the groups above, then 100,000 documents were validated, some valid and some invalid beyond their shape', () => {
    const total = Object.values(validated).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(100_000);
    expect(outcomes.valid).toBeGreaterThan(1000);
    expect(outcomes.otherErrors).toBeGreaterThan(1000);
  });
});
