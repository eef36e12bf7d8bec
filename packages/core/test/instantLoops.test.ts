import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// A loop of steps that never wait (decision, notify, escalate, a covered campaign, a parallel
// step whose branches finish at once) would spin forever inside one command: refused.

const dir = new Directory(sampleOrg);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
const base = (): any =>
  JSON.parse(
    readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
  );
// steps: 0 check (task) → 1 route (decision: level >= 2 → dispatch, else done) → 2 dispatch
// → 3 inform (notify) → 4 done
const loops = (ds: Diagnostic[]) =>
  ds.filter((d) => d.code === 'scenario.instantLoop').map((d) => [d.path.join('.'), d.stepId]);

describe('loops of instantaneous steps', () => {
  it('given a decision and a notify step leading to each other, then scenario.instantLoop at the transition that closes the loop', () => {
    const doc = base();
    doc.steps[1].branches[0].to = 'inform';
    doc.steps[3].next = 'route';
    const ds = validateScenario(doc, dir);
    expect(loops(ds)).toEqual([['steps.3.next', 'inform']]);
    const d = ds.find((x) => x.code === 'scenario.instantLoop');
    expect(d?.message.en).toContain('`route` → `inform` → `route`');
    expect(d?.message.zh).toContain('`route` → `inform` → `route`');
  });

  it('given a notify step leading to itself, or an escalate loop, then scenario.instantLoop', () => {
    const self = base();
    self.steps[3].next = 'inform';
    expect(loops(validateScenario(self, dir))).toEqual([['steps.3.next', 'inform']]);
    const up = base();
    up.steps[3].next = 'up';
    up.steps.push({ id: 'up', kind: 'escalate', to: 'town', next: 'route' });
    up.steps[1].branches[0].to = 'inform';
    expect(loops(validateScenario(up, dir))).toEqual([['steps.5.next', 'up']]);
  });

  it('given the same loops broken by a task, a dispatch, a wait or an SLA timeout, then no loop is reported', () => {
    const task = base();
    task.steps[3].next = 'check'; // back to the task: waits for a person
    expect(loops(validateScenario(task, dir))).toEqual([]);
    const dispatch = base();
    dispatch.steps[3].next = 'dispatch'; // waits for the case to be acknowledged
    expect(loops(validateScenario(dispatch, dir))).toEqual([]);
    for (const wait of [{ signal: 'again' }, { event: 'AGAIN' }, { duration: 'PT1H' }]) {
      const doc = base();
      doc.steps[1].branches[0].to = 'inform';
      doc.steps[3].next = 'pause';
      doc.steps.push({ id: 'pause', kind: 'wait', for: wait, next: 'route' });
      expect(loops(validateScenario(doc, dir))).toEqual([]);
    }
  });

  it('given a campaign that leads back to itself through a notify step, then it is a loop: re-entered already covered, it passes straight through', () => {
    const doc = base();
    doc.steps[3].next = 'visit';
    doc.steps.push({
      id: 'visit',
      kind: 'campaign',
      targets: { kind: 'households' },
      task: { label: { zh: '走访', en: 'Visit' }, assignee: { role: 'gridWorker' } },
      complete: { coverage: 0.5 },
      next: 'inform',
      sla: { within: 'P7D', onTimeout: 'done' },
    });
    doc.participants.roles.push('gridWorker');
    expect(loops(validateScenario(doc, dir))).toEqual([['steps.5.next', 'visit']]);
  });

  it('given a parallel step whose branches finish at once and lead back to it, then a loop; with a branch that waits, none', () => {
    const doc = base();
    doc.steps[3].next = 'both';
    doc.steps.push(
      {
        id: 'both',
        kind: 'parallel',
        join: 'all',
        next: 'again',
        branches: [
          { id: 'x', start: 'tellX' },
          { id: 'y', start: 'tellY' },
        ],
      },
      {
        id: 'tellX',
        kind: 'notify',
        to: [{ kind: 'role', id: 'gridWorker' }],
        channels: ['app'],
        next: '@join',
      },
      { id: 'tellY', kind: 'escalate', to: 'town', next: '@join' },
      {
        id: 'again',
        kind: 'decision',
        branches: [{ when: 'level >= 3', to: 'both' }],
        otherwise: 'done',
      },
    );
    expect(loops(validateScenario(doc, dir))).toEqual([['steps.8.branches.0.to', 'again']]);
    // one branch waits for a person: join all waits too, no loop
    doc.steps[7] = {
      id: 'tellY',
      kind: 'task',
      assignee: { role: 'dutyOfficer' },
      outcomes: [{ id: 'ok', to: '@join' }],
    };
    expect(loops(validateScenario(doc, dir))).toEqual([]);
    // join any: the instant branch finishes the parallel step at once, a loop again
    doc.steps[5].join = 'any';
    expect(loops(validateScenario(doc, dir))).toEqual([['steps.8.branches.0.to', 'again']]);
  });

  it('given a loop of instantaneous steps inside a parallel branch, then it is found there', () => {
    const doc = base();
    doc.steps[3].next = 'both';
    doc.steps.push(
      {
        id: 'both',
        kind: 'parallel',
        join: 'all',
        next: 'done',
        branches: [
          { id: 'x', start: 'tellX' },
          { id: 'y', start: 'waitY' },
        ],
      },
      {
        id: 'tellX',
        kind: 'notify',
        to: [{ kind: 'role', id: 'gridWorker' }],
        channels: ['app'],
        next: 'decideX',
      },
      {
        id: 'decideX',
        kind: 'decision',
        branches: [{ when: 'level > 1', to: 'tellX' }],
        otherwise: '@join',
      },
      { id: 'waitY', kind: 'wait', for: { signal: 'go' }, next: '@join' },
    );
    expect(loops(validateScenario(doc, dir))).toEqual([['steps.7.branches.0.to', 'decideX']]);
  });
});

describe('the runtime’s second line of defence against instant loops', () => {
  it('given a looping document that skipped the checker, when an instance starts, then it stops with run.instantLoop in bounded time and commits nothing', async () => {
    const { compileScenario } = await import('../src/scenario/compile/compileScenario.js');
    const { createScenarioMachine } = await import(
      '../src/scenario/compile/createScenarioMachine.js'
    );
    const { createScenarioStepper } = await import('../src/scenario/run/createScenarioStepper.js');
    const { scenarioSchema } = await import('../src/scenario/document/scenarioSchema.js');
    const doc = base();
    doc.steps[0] = {
      id: 'check',
      kind: 'notify',
      to: [{ kind: 'role', id: 'dutyOfficer' }],
      channels: ['app'],
      next: 'route',
    };
    doc.steps[1].branches[0].to = 'check';
    doc.steps[1].otherwise = 'check';
    const parsed = scenarioSchema.parse(doc);
    const stepper = createScenarioStepper(
      createScenarioMachine(JSON.parse(JSON.stringify(compileScenario(parsed)))),
    );
    const started = Date.now();
    const first = stepper.initial({
      trigger: parsed.triggers[0]?.id ?? '',
      townId: 'qj-sj',
      at: 0,
      data: { level: 3 },
    });
    expect(first.loop).toBeDefined();
    expect(first.changed).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(validateScenario(doc, dir).some((d) => d.code === 'scenario.instantLoop')).toBe(true);
  });
});
