import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// One rule for a recipient whatever its spelling: the city-operations center (qj-cyzx) named as
// a department is the city-operations center. It cannot handle a dispatched case, and personal
// data does not go to it — nor, through alert routing, to grids, centers or screens.

const dir = new Directory(sampleOrg);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
const base = (): any =>
  JSON.parse(
    readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
  );
// steps: 0 check (task) → 1 route (decision) → 2 dispatch (lead post qj-sj-xfgl) → 3 inform
// (notify gridWorker with the pii field phone) → 4 done
const found = (ds: Diagnostic[], code: string) =>
  ds.filter((d) => d.code === code).map((d) => d.path.join('.'));

describe('the city-operations center, however it is spelt', () => {
  it('given the center as dispatch lead or co-handler, then scenario.centerNotHandler (an error), however it is named', () => {
    const doc = base();
    doc.steps[2].lead = { kind: 'department', id: 'qj-cyzx' };
    doc.steps[2].coHandlers = [
      { kind: 'department', id: 'qj-cgj' },
      { kind: 'department', id: 'qj-cyzx' },
    ];
    const ds = validateScenario(doc, dir);
    expect(found(ds, 'scenario.centerNotHandler')).toEqual([
      'steps.2.coHandlers.1.id',
      'steps.2.lead.id',
    ]);
    const d = ds.find((x) => x.code === 'scenario.centerNotHandler');
    expect(d?.severity).toBe('error');
    expect(d?.message.zh).toContain('城运中心');
  });

  it('given personal data sent to the center named as a department, then the same scenario.piiExposed as when it is named as the center', () => {
    const asCenter = base();
    asCenter.steps[3].to = [{ kind: 'cityOperationsCenter', id: 'qj-cyzx' }];
    const asDepartment = base();
    asDepartment.steps[3].to = [{ kind: 'department', id: 'qj-cyzx' }];
    const a = validateScenario(asCenter, dir).filter((d) => d.code === 'scenario.piiExposed');
    const b = validateScenario(asDepartment, dir).filter((d) => d.code === 'scenario.piiExposed');
    expect(b.map((d) => d.path.join('.'))).toEqual(['steps.3.to.0']);
    expect(b.map((d) => d.message)).toEqual(a.map((d) => d.message));
  });

  it('given an ordinary department, then neither rule applies', () => {
    const doc = base();
    doc.steps[2].lead = { kind: 'department', id: 'qj-cgj' };
    doc.steps[3].to = [{ kind: 'department', id: 'qj-cgj' }];
    expect(validateScenario(doc, dir)).toEqual([]);
  });
});

/** A sensor-triggered version of the fixture, copying the alert's address into `place`. */
function sensorDoc(pii: boolean) {
  const doc = base();
  doc.triggers.push({
    id: 'smoke',
    kind: 'sensor',
    match: { types: ['smoke'] },
    fields: [{ field: 'place', from: 'location.address' }],
    start: 'check',
  });
  doc.fields.push({ id: 'place', type: 'string', label: { zh: '地址', en: 'Address' }, pii });
  const level = (to: unknown[], channels: string[]) => ({
    to,
    channels,
    acknowledgeWithin: 'PT5M',
  });
  doc.alertRouting = {
    levels: {
      1: level([{ kind: 'post', id: 'qj-sj-xfgl' }, { kind: 'grid' }], ['app', 'screen']),
      2: level([{ kind: 'department', id: 'qj-cyzx' }, { kind: 'commandCenter' }], ['app']),
      3: level([{ kind: 'department', id: 'qj-cgj' }], ['sms']),
    },
  };
  return doc;
}

describe('personal data in alert routing', () => {
  it('given a sensor trigger that copies the location into a personal-data field, then alert routing to a grid, a center or a screen is scenario.piiExposed', () => {
    const ds = validateScenario(sensorDoc(true), dir);
    expect(found(ds, 'scenario.piiExposed')).toEqual([
      'alertRouting.levels.1.channels.1',
      'alertRouting.levels.1.to.1',
      'alertRouting.levels.2.to.0',
      'alertRouting.levels.2.to.1',
    ]);
    const grid = ds.find((d) => d.path.join('.') === 'alertRouting.levels.1.to.1');
    expect(grid?.message.en).toContain('`place`');
    expect(grid?.message.en).toContain('a post or department');
    expect(grid?.message.en).not.toMatch(/role|family/);
    expect(grid?.message.zh).toContain('一级预警');
  });

  it('given the location copied into a field that is not marked personal, then alert routing may go anywhere', () => {
    expect(found(validateScenario(sensorDoc(false), dir), 'scenario.piiExposed')).toEqual([]);
  });
});
