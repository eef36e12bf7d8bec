import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario, type StateJson } from '../src/scenario/compile/compileScenario.js';
import { createScenarioMachine } from '../src/scenario/compile/createScenarioMachine.js';
import { parseMachineJson } from '../src/scenario/compile/parseMachineJson.js';
import {
  MAX_INSTANT_STEPS,
  MAX_PARALLEL_DEPTH,
  MAX_STEPS,
} from '../src/scenario/document/scenarioLimits.js';
import { type Scenario, scenarioSchema } from '../src/scenario/document/scenarioSchema.js';

/** `levels` parallel steps, each nested in the first branch of the one before. */
function nested(levels: number): Scenario {
  const steps: Record<string, unknown>[] = [];
  for (let k = 0; k < levels; k++) {
    steps.push({
      id: `p${k}`,
      kind: 'parallel',
      join: 'all',
      next: k === 0 ? 'done' : '@join',
      branches: [
        { id: 'a', start: k === levels - 1 ? 'leaf' : `p${k + 1}` },
        { id: 'b', start: `w${k}` },
      ],
    });
    steps.push({ id: `w${k}`, kind: 'wait', for: { signal: 'go' }, next: '@join' });
  }
  steps.push(
    {
      id: 'leaf',
      kind: 'task',
      assignee: { role: 'dutyOfficer' },
      outcomes: [{ id: 'ok', to: '@join' }],
    },
    { id: 'done', kind: 'end', outcome: 'resolved' },
  );
  return scenarioSchema.parse({
    format: 'zhizhi.scenario/1',
    id: 'deep',
    version: '1.0.0',
    name: { zh: '嵌套', en: 'Nested' },
    triggers: [{ id: 'm', kind: 'manual', roles: ['dutyOfficer'], start: 'p0' }],
    fields: [],
    participants: { roles: ['dutyOfficer'] },
    steps,
  });
}

describe('scenario limits', () => {
  it('given parallel steps nested as deep as MAX_PARALLEL_DEPTH, then the checker accepts them and the machine builds', () => {
    expect(MAX_PARALLEL_DEPTH).toBe(8);
    const doc = nested(MAX_PARALLEL_DEPTH);
    expect(validateScenario(doc)).toEqual([]);
    expect(() => createScenarioMachine(compileScenario(doc))).not.toThrow();
  });

  it('given one level more, then scenario.tooDeep at that parallel step (and not at the ones inside it), instead of a TypeError at register', () => {
    const doc = nested(MAX_PARALLEL_DEPTH + 2);
    const ds = validateScenario(doc);
    expect(ds.map((d) => [d.code, d.path.join('.'), d.stepId])).toEqual([
      ['scenario.tooDeep', `steps.${2 * MAX_PARALLEL_DEPTH}`, `p${MAX_PARALLEL_DEPTH}`],
    ]);
    expect(ds[0]?.message.en).toContain(`${MAX_PARALLEL_DEPTH}`);
    expect(ds[0]?.message.zh).toContain('嵌套');
  });

  it('given machine JSON forged one level deeper than the compiler ever emits, then parseMachineJson refuses it', () => {
    const machine = compileScenario(nested(MAX_PARALLEL_DEPTH));
    let state = machine.states.p0 as StateJson;
    while (state.states?.a?.states) {
      const region = state.states.a.states;
      const inner = Object.values(region).find((s) => s.type === 'parallel');
      if (!inner) break;
      state = inner;
    }
    const leafRegion = state.states?.a?.states as Record<string, StateJson>;
    leafRegion.leaf = {
      id: 'leaf',
      type: 'parallel',
      states: { x: { states: { y: {} }, initial: 'y' } },
    };
    const r = parseMachineJson(machine);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain('machine.tooDeep');
  });

  it('given the instant-step limit for the runtime, then no valid document can reach it: it is at least the number of steps a document may have', () => {
    expect(Number.isSafeInteger(MAX_INSTANT_STEPS)).toBe(true);
    expect(MAX_INSTANT_STEPS).toBeGreaterThanOrEqual(MAX_STEPS);
    const tooMany = {
      ...nested(1),
      steps: Array.from({ length: MAX_STEPS + 1 }, (_, i) => ({
        id: `s${i}`,
        kind: 'end',
        outcome: 'resolved',
      })),
    };
    expect(validateScenario(tooMany).map((d) => d.path.join('.'))).toEqual(['steps']);
  });
});
