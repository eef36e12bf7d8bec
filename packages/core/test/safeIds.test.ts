import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSafeId, safeIdSchema, unsafeIds } from '../src/index.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';
import { ScenarioEngine, validateScenario } from '../src/scenario.js';
import { configLines } from './support/configLines.js';
import { directory, makeEngine, riverReport } from './support/engineFixture.js';

const readFixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./fixtures/scenarios/valid/${name}.json`, import.meta.url), 'utf8'),
  );

const probes = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty'];

describe('the one id rule (unsafeIds, isSafeId, safeIdSchema)', () => {
  it('given the running engine, then unsafeIds names prototype and every own name of Object.prototype', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), 'prototype']) {
      expect(unsafeIds, name).toContain(name);
      expect(isSafeId(name)).toBe(false);
      expect(safeIdSchema.safeParse(name).success).toBe(false);
    }
    expect(isSafeId('riverPollution')).toBe(true);
    expect(safeIdSchema.safeParse('Constructor').success).toBe(true);
  });
});

describe('a report with an unsafe category', () => {
  for (const category of probes) {
    it(`given category ${category}, when reported, then it is refused with payload.invalid at ['category'] and nothing is stored`, async () => {
      const { engine } = makeEngine();
      const r = await engine.report({ ...riverReport, category });
      expect(!r.ok && r.error).toMatchObject({ code: 'payload.invalid', path: ['category'] });
      expect(await engine.get('river-1')).toBeUndefined();
    });
  }
});

describe('configuration with unsafe ids', () => {
  const org = structuredClone(sampleOrg);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'an org unit named toString',
      { org: { ...org, units: [{ ...org.units[0], id: 'toString' }, ...org.units.slice(1)] } },
      /^org\.units\.0\.id: /,
    ],
    [
      'a post named constructor',
      { org: { ...org, posts: [{ ...org.posts[0], id: 'constructor' }] } },
      /^org\.posts\.0\.id: /,
    ],
    [
      'a member named __proto__',
      { org: { ...org, members: [{ ...org.members[0], id: '__proto__' }] } },
      /^org\.members\.0\.id: /,
    ],
    [
      'a statutory category named constructor',
      {
        dutyLists: {
          ...sampleDutyLists,
          statutory: [{ category: 'constructor', section: 'economicDevelopment' }],
        },
      },
      /^dutyLists\.statutory\.0\.category: /,
    ],
    [
      'an SLA category named valueOf',
      {
        slaPolicy: {
          ...sampleSlaPolicy,
          categories: [{ category: 'valueOf', section: 'economicDevelopment' }],
        },
      },
      /^slaPolicy\.categories\.0\.category: /,
    ],
  ];
  for (const [what, config, line] of cases) {
    it(`given ${what}, when checked, then checkConfig names its path`, () => {
      expect(configLines(config)).toEqual([expect.stringMatching(line)]);
    });
  }
});

describe('scenario documents with unsafe ids', () => {
  it('given a step id toString, a category constructor and a campaign list named valueOf, then the validator refuses each at its path', () => {
    const doc = readFixture('anti-fraud-campaign');
    const first = doc.steps[0].id;
    doc.steps[0].id = 'toString';
    doc.category = 'constructor';
    doc.steps.find((s: { kind: string }) => s.kind === 'campaign').targets.list = 'valueOf';
    const paths = validateScenario(doc, directory)
      .filter((d) => d.code === 'scenario.schema')
      .map((d) => d.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['steps.0.id', 'category', expect.stringMatching(/targets\.list$/)]),
    );
    expect(first).not.toBe('toString');
  });

  it('given a start whose lists are named constructor or __proto__ (as JSON.parse makes them), then it is refused with run.payload naming the list', async () => {
    const { engine } = makeEngine();
    const scenarios = new ScenarioEngine(engine);
    const doc = readFixture('anti-fraud-campaign');
    const registered = scenarios.register(doc);
    if (!registered.ok) throw new Error(JSON.stringify(registered.diagnostics));
    const trigger = doc.triggers[0];
    for (const name of ['constructor', '__proto__']) {
      const input = JSON.parse(
        JSON.stringify({
          id: 'fraud-1',
          scenario: doc.id,
          trigger: trigger.id,
          by: 'qj-sj-duty',
          gridId: 'qj-sj-c1-g1',
        }).replace(/}$/, `,"lists":{"${name}":["h-1"]}}`),
      );
      const r = await scenarios.start(input);
      expect(!r.ok && r.error).toMatchObject({ code: 'run.payload', path: ['lists', name] });
      expect(await scenarios.get('fraud-1')).toBeUndefined();
    }
  });
});
