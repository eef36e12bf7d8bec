import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FIELD_ID_PATTERN } from '../src/expr/fieldName.js';
import { parseExpression } from '../src/expr/parseExpression.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario } from '../src/scenario/compile/compileScenario.js';
import { createScenarioMachine } from '../src/scenario/compile/createScenarioMachine.js';
import { type Scenario, scenarioSchema } from '../src/scenario/document/scenarioSchema.js';

// A field id is a name a condition can use: letters of any script (心率), digits and `_`. The
// schema, the tokenizer and the runtime agree on it, and the guide's examples are such names.

// biome-ignore lint/suspicious/noExplicitAny: tests build documents freely
function band(fieldId: string, stepId = 'assess'): any {
  return {
    format: 'zhizhi.scenario/1',
    id: 'band',
    version: '1.0.0',
    name: { zh: '手环', en: 'Band' },
    triggers: [{ id: 'm', kind: 'manual', roles: ['dutyOfficer'], start: stepId }],
    fields: [{ id: fieldId, type: 'number', label: { zh: '心率', en: 'Heart rate' }, pii: true }],
    participants: { roles: ['dutyOfficer'] },
    steps: [
      {
        id: stepId,
        kind: 'decision',
        branches: [{ when: `${fieldId} > 120`, to: 'alarm' }],
        otherwise: 'fine',
      },
      { id: 'alarm', kind: 'end', outcome: 'resolved' },
      { id: 'fine', kind: 'end', outcome: 'cancelled' },
    ],
  };
}

describe('field names', () => {
  it('given a field id in Chinese used in a condition, then the document is valid and the instance decides on it', () => {
    const doc = band('心率', '评估');
    expect(validateScenario(doc)).toEqual([]);
    const machine = createScenarioMachine(compileScenario(scenarioSchema.parse(doc) as Scenario));
    const actor = createActor(machine, {
      input: { trigger: 'm', townId: 'qj-sj', at: 0, data: { 心率: 150 } },
    }).start();
    expect(actor.getSnapshot().context.data).toEqual({ 心率: 150 });
    expect(actor.getSnapshot().context.outcome).toBe('resolved');
  });

  it('given a field id a condition could not name (a hyphen, a reserved word, a leading digit), then scenario.schema says why', () => {
    for (const id of ['heart-rate', 'in', 'null', '1st']) {
      const ds = validateScenario(band(id)).filter((d) => d.path.join('.') === 'fields.0.id');
      expect(
        ds.map((d) => d.code),
        id,
      ).toEqual(['scenario.schema']);
      expect(ds[0]?.message.en).toContain('a name a condition can use');
    }
  });

  it('given any string the field-id rule accepts, then the tokenizer reads it as one field name', () => {
    const chars = fc.constantFrom(...'aZ_-$9心率楼层गिरना٣ßé'.split(''), '\u0301', ' ', '.');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (parts) => {
        const id = parts.join('');
        if (!FIELD_ID_PATTERN.test(id)) return;
        const parsed = parseExpression(id);
        expect(parsed.ok, id).toBe(true);
        if (parsed.ok) expect(parsed.value).toEqual({ kind: 'field', path: [id] });
      }),
      { numRuns: 3000 },
    );
  });

  it("given the guide's condition examples, then every field they name is one a scenario can declare", () => {
    for (const file of ['scenarios.md', 'scenarios.zh-CN.md']) {
      const text = readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8');
      const block =
        /##[^\n]*(?:condition language|条件表达式)[^\n]*\n[\s\S]*?```(?:text)?\n([\s\S]*?)```/.exec(
          text,
        );
      expect(block, file).not.toBeNull();
      for (const line of (block?.[1] ?? '').trim().split('\n')) {
        const parsed = parseExpression(line);
        expect(parsed.ok, line).toBe(true);
        const names =
          JSON.stringify(parsed.ok ? parsed.value : {}).match(/"path":\[[^\]]*\]/g) ?? [];
        for (const n of names) {
          const path = JSON.parse(n.slice(7)) as string[];
          expect(path.length, `${file}: ${line}`).toBe(1);
          expect(FIELD_ID_PATTERN.test(path[0] as string), path[0]).toBe(true);
        }
      }
    }
  });
});
