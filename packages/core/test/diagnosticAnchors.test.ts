import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// Diagnostics name the step they concern by id as well as by array path (the designer focuses
// the right node after any edit), and a half-filled step does not hide the rest of the document.

const dir = new Directory(sampleOrg);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
const base = (): any =>
  JSON.parse(
    readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
  );
const summary = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.path.join('.'), d.stepId]);

describe('diagnostics carry the step id', () => {
  it('given problems in two steps and one outside the steps, then each step diagnostic carries its step id and the other none', () => {
    const doc = base();
    doc.steps[1].otherwise = 'dnoe';
    doc.steps.push({ id: 'island', kind: 'escalate', to: 'town', next: 'done' });
    doc.kpis = [
      { id: 'k', kind: 'coverage', label: { zh: '覆盖', en: 'Cover' }, campaign: 'nope' },
    ];
    expect(summary(validateScenario(doc, dir))).toEqual([
      ['scenario.unknownStep', 'kpis.0.campaign', undefined],
      ['scenario.unknownStep', 'steps.1.otherwise', 'route'],
      ['scenario.unreachable', 'steps.5', 'island'],
    ]);
  });

  it('given a step inserted before the faulty one, then the path moves but the step id stays', () => {
    const doc = base();
    doc.steps[3].next = 'nowhere';
    const before = validateScenario(doc, dir)[0];
    doc.steps.unshift({
      id: 'first',
      kind: 'notify',
      to: [{ kind: 'role', id: 'dutyOfficer' }],
      channels: ['app'],
      next: 'check',
    });
    doc.triggers[0].start = 'first';
    const after = validateScenario(doc, dir)[0];
    expect(before?.path).toEqual(['steps', 3, 'next']);
    expect(after?.path).toEqual(['steps', 4, 'next']);
    expect([before?.stepId, after?.stepId]).toEqual(['inform', 'inform']);
  });

  it('given a shape error inside a step, then that scenario.schema diagnostic carries the step id too', () => {
    const doc = base();
    doc.steps[2].sla.within = 'one hour';
    const [d] = validateScenario(doc, dir);
    expect([d?.code, d?.path.join('.'), d?.stepId]).toEqual([
      'scenario.schema',
      'steps.2.sla.within',
      'dispatch',
    ]);
  });
});

describe('checking goes on past a shape error in one step', () => {
  it('given a task with no assignee yet and another step nothing leads to, then both are reported', () => {
    const doc = base();
    delete doc.steps[0].assignee;
    doc.steps.push({ id: 'island', kind: 'escalate', to: 'town', next: 'done' });
    expect(summary(validateScenario(doc, dir))).toEqual([
      ['scenario.schema', 'steps.0.assignee', 'check'],
      ['scenario.unreachable', 'steps.5', 'island'],
    ]);
  });

  it('given a half-filled step, then the graph still sees its transitions: a typo in them is reported, and steps after it are reachable', () => {
    const doc = base();
    delete doc.steps[0].assignee;
    doc.steps[1].otherwise = 'dnoe';
    const ds = summary(validateScenario(doc, dir));
    expect(ds).toContainEqual(['scenario.unknownStep', 'steps.1.otherwise', 'route']);
    expect(ds.filter(([code]) => code === 'scenario.unreachable')).toEqual([]);
  });

  it('given a step whose transitions cannot be read, then no dead end or unreachable step is blamed on it', () => {
    const doc = base();
    doc.steps[0].outcomes = 'ok';
    expect(summary(validateScenario(doc, dir))).toEqual([
      ['scenario.schema', 'steps.0.outcomes', 'check'],
    ]);
  });

  it('given a step of an unknown kind, then only its shape is reported', () => {
    const doc = base();
    doc.steps[3] = { id: 'inform', kind: 'teleport', next: 'done' };
    expect(summary(validateScenario(doc, dir))).toEqual([
      ['scenario.schema', 'steps.3.kind', 'inform'],
    ]);
  });

  it('given a shape error outside the steps, then only shape errors come back, as before', () => {
    const doc = base();
    doc.version = '1';
    doc.steps.push({ id: 'island', kind: 'escalate', to: 'town', next: 'done' });
    expect(summary(validateScenario(doc, dir))).toEqual([
      ['scenario.schema', 'version', undefined],
    ]);
  });
});
