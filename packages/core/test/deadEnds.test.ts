import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// A dead end is reported where it is made — at the transition that traps the instance — and
// not at the innocent steps before it.

const dir = new Directory(sampleOrg);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
const base = (): any =>
  JSON.parse(
    readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
  );
// steps: 0 check (task) → 1 route (decision) → 2 dispatch (SLA → done) → 3 inform (notify) → 4 done
const deadEnds = (ds: Diagnostic[]) =>
  ds.filter((d) => d.code === 'scenario.deadEnd').map((d) => [d.path.join('.'), d.stepId]);
const stuck = (id: string, to: string) => ({
  id,
  kind: 'task',
  assignee: { role: 'dutyOfficer' },
  outcomes: [{ id: 'again', to }],
});

describe('dead ends', () => {
  it('given a step whose only way on is a task looping back to itself, then the dead end is at that loop, not at the innocent step before it', () => {
    const doc = base();
    doc.steps[3].next = 'stuck';
    doc.steps.push(stuck('stuck', 'stuck'));
    const ds = validateScenario(doc, dir);
    expect(deadEnds(ds)).toEqual([['steps.5.outcomes.0.to', 'stuck']]);
    const d = ds.find((x) => x.code === 'scenario.deadEnd');
    expect(d?.message.en).toContain('`stuck` → `stuck`');
    expect(d?.message.zh).toContain('`stuck` → `stuck`');
  });

  it('given two tasks trapped in a loop, then one dead end, at the transition back to the first of them', () => {
    const doc = base();
    doc.steps[3].next = 'stuckA';
    doc.steps.push(stuck('stuckA', 'stuckB'), stuck('stuckB', 'stuckA'));
    expect(deadEnds(validateScenario(doc, dir))).toEqual([['steps.6.outcomes.0.to', 'stuckB']]);
  });

  it('given a parallel branch that leads to an end step, then the dead end is at the transition into it', () => {
    const doc = base();
    doc.steps[3].next = 'both';
    doc.steps.push(
      {
        id: 'both',
        kind: 'parallel',
        join: 'all',
        next: 'done',
        branches: [
          { id: 'x', start: 'askX' },
          { id: 'y', start: 'waitY' },
        ],
      },
      stuck('askX', 'stopHere'),
      { id: 'waitY', kind: 'wait', for: { signal: 'go' }, next: '@join' },
      { id: 'stopHere', kind: 'end', outcome: 'cancelled' },
    );
    const ds = validateScenario(doc, dir);
    expect(deadEnds(ds)).toEqual([['steps.6.outcomes.0.to', 'askX']]);
    expect(ds.find((x) => x.code === 'scenario.deadEnd')?.message.en).toContain('`@join`');
  });
});
