import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertFieldPaths } from '../src/alert/alertFieldPaths.js';
import { alertSchema } from '../src/alert/alertSchema.js';
import { Directory } from '../src/org/Directory.js';
import { sampleOrg } from '../src/sample/sampleOrg.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';

// A sensor trigger copies values out of the alert (`from`): a path no alert has, or a value of
// the wrong type for its field, would make every alert fail to start an instance.

const dir = new Directory(sampleOrg);
// biome-ignore lint/suspicious/noExplicitAny: tests mutate documents freely
function doc(fields: { field: string; from: string }[], extra: any[] = []): any {
  const d = JSON.parse(
    readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
  );
  d.fields.push(
    { id: 'place', type: 'string', label: { zh: '地址', en: 'Address' } },
    { id: 'reading', type: 'number', label: { zh: '读数', en: 'Reading' } },
    ...extra,
  );
  d.triggers.push({
    id: 'smoke',
    kind: 'sensor',
    match: { types: ['smoke'] },
    fields,
    start: 'check',
  });
  return d;
}

describe('sensor trigger fields', () => {
  it('given the alert schema, then the paths a trigger may copy are derived from it: every scalar, with its type', () => {
    expect(alertFieldPaths).toEqual([
      { path: 'alertId', type: 'string' },
      { path: 'deviceId', type: 'string' },
      { path: 'type', type: 'string' },
      { path: 'level', type: 'number' },
      { path: 'peakLevel', type: 'number' },
      { path: 'raisedAt', type: 'number' },
      { path: 'updatedAt', type: 'number' },
      { path: 'clearedAt', type: 'number' },
      { path: 'value', type: 'number' },
      { path: 'location.lat', type: 'number' },
      { path: 'location.lng', type: 'number' },
      { path: 'location.address', type: 'string' },
      { path: 'townId', type: 'string' },
      { path: 'gridId', type: 'string' },
    ]);
    const top = Object.keys((alertSchema as unknown as { def: { shape: object } }).def.shape);
    for (const key of top)
      expect(alertFieldPaths.some((p) => p.path.split('.')[0] === key)).toBe(true);
  });

  it('given a path no alert has, then scenario.unknownAlertPath at that `from`, suggesting the near miss', () => {
    const ds = validateScenario(doc([{ field: 'place', from: 'location.adress' }]), dir);
    expect(ds.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['scenario.unknownAlertPath', 'triggers.1.fields.0.from'],
    ]);
    expect(ds[0]?.message.en).toContain('did you mean `location.address`?');
    expect(ds[0]?.message.zh).toContain('是否指 `location.address`？');
  });

  it('given a path far from any, or the whole location object, then the message lists the paths there are', () => {
    for (const from of ['where', 'location']) {
      const [d] = validateScenario(doc([{ field: 'place', from }]), dir);
      expect(d?.code).toBe('scenario.unknownAlertPath');
      expect(d?.message.en).toContain('`location.address`');
      expect(d?.message.en).toContain('`value`');
    }
  });

  it('given a value copied into a field of another type, then scenario.alertFieldType', () => {
    const ds = validateScenario(
      doc(
        [
          { field: 'place', from: 'value' },
          { field: 'reading', from: 'location.address' },
          { field: 'seenAt', from: 'raisedAt' },
        ],
        [{ id: 'seenAt', type: 'date', label: { zh: '时间', en: 'Time' } }],
      ),
      dir,
    );
    expect(ds.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['scenario.alertFieldType', 'triggers.1.fields.0.from'],
      ['scenario.alertFieldType', 'triggers.1.fields.1.from'],
      ['scenario.alertFieldType', 'triggers.1.fields.2.from'],
    ]);
  });

  it('given every path copied into a field of its type, then the trigger is fine', () => {
    const fields = alertFieldPaths.map((p, i) => ({ field: `f${i}`, from: p.path }));
    const declared = alertFieldPaths.map((p, i) => ({
      id: `f${i}`,
      type: p.type,
      label: { zh: '值', en: 'Value' },
    }));
    expect(validateScenario(doc(fields, declared), dir)).toEqual([]);
  });
});
