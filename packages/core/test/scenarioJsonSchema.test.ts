import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../src/sample/index.js';
import { scenarioJsonSchema } from '../src/scenario.js';

const shipped = JSON.parse(
  readFileSync(new URL('../schema/scenario.schema.json', import.meta.url), 'utf8'),
);

describe('the scenario JSON Schema', () => {
  it('given the zod schema, then the shipped schema/scenario.schema.json is exactly what it generates', () => {
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it('given the schema, then it requires the document keys and knows all nine step kinds', () => {
    expect(shipped.required).toEqual(
      expect.arrayContaining([
        'format',
        'id',
        'version',
        'name',
        'triggers',
        'fields',
        'participants',
        'steps',
      ]),
    );
    const kinds = JSON.stringify(shipped.properties.steps).match(/"const":"(\w+)"/g) ?? [];
    for (const kind of [
      'task',
      'dispatch',
      'notify',
      'decision',
      'parallel',
      'wait',
      'escalate',
      'campaign',
      'end',
    ]) {
      expect(kinds).toContain(`"const":"${kind}"`);
    }
  });

  it('given the built-in scenarios, then every step kind they use and every top-level key is described by the schema', () => {
    for (const doc of builtInScenarios) {
      for (const key of Object.keys(doc)) expect(Object.keys(shipped.properties)).toContain(key);
    }
  });
});
