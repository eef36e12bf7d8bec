import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertRoutingSchema } from '../src/alert/alertRoutingSchema.js';
import { gridDutyListSchema } from '../src/duty/gridDutyListSchema.js';
import { sampleSlaPolicy } from '../src/sample/index.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario } from '../src/scenario/compile/compileScenario.js';
import { parseMachineJson } from '../src/scenario/compile/parseMachineJson.js';
import type { Scenario } from '../src/scenario/document/scenarioSchema.js';
import { isDuration, MAX_DURATION_MS, parseDuration } from '../src/sla/parseDuration.js';
import { configLines } from './support/configLines.js';

// A duration is bounded in one place, parseDuration: every schema and caller refuses what it
// refuses, so no timer is ever due at Infinity.

const huge = `P${'9'.repeat(400)}D`;

describe('duration bounds', () => {
  it('given a duration of 400 nines of days, more than ten years, or an unsafe number of ms, then parseDuration throws and isDuration is false', () => {
    for (const iso of [huge, 'P3661D', 'P523W', `PT${'9'.repeat(20)}S`, 'PT87841H']) {
      expect(isDuration(iso), iso).toBe(false);
      expect(() => parseDuration(iso), iso).toThrow(RangeError);
    }
  });

  it('given ten years or less, then it is a duration and parses to a safe integer', () => {
    expect(MAX_DURATION_MS).toBe(3660 * 86_400_000);
    expect(parseDuration('P3660D')).toBe(MAX_DURATION_MS);
    expect(parseDuration('P522W6D')).toBe(MAX_DURATION_MS);
    expect(parseDuration('PT30M')).toBe(1_800_000);
    expect(isDuration('P3660D')).toBe(true);
  });

  it('given such a duration in a scenario SLA, then scenario.schema says so, at its path', () => {
    const doc = JSON.parse(
      readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
    );
    doc.steps[2].sla.within = huge;
    const ds = validateScenario(doc);
    expect(ds.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['scenario.schema', 'steps.2.sla.within'],
    ]);
    expect(ds[0]?.message.en).toContain('at most 10 years');
    expect(ds[0]?.message.zh).toContain('10 年');
  });

  it('given such a duration in an SLA policy, an alert route, a duty list or machine JSON, then each is refused', () => {
    const policy = { ...sampleSlaPolicy, escalateAfter: huge };
    expect(configLines({ slaPolicy: policy }).length).toBeGreaterThan(0);
    const level = { to: [{ kind: 'grid' }], channels: ['app'], acknowledgeWithin: huge };
    expect(alertRoutingSchema.safeParse({ levels: { 1: level, 2: level, 3: level } }).success).toBe(
      false,
    );
    const list = (frequency: string) =>
      gridDutyListSchema.safeParse({
        id: 'l',
        name: { zh: '清单', en: 'List' },
        duties: [
          { id: 'd', name: { zh: '巡查', en: 'Patrol' }, frequency, done: { kinds: ['patrol'] } },
        ],
      }).success;
    expect(list('P7D')).toBe(true);
    expect(list(huge)).toBe(false);
    const doc = JSON.parse(
      readFileSync(new URL('./fixtures/scenarios/valid/fire-check.json', import.meta.url), 'utf8'),
    ) as Scenario;
    const machine = JSON.parse(JSON.stringify(compileScenario(doc)));
    machine.states.dispatch.entry[1].params.within = huge;
    expect(parseMachineJson(machine).ok).toBe(false);
  });
});
