import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalClient } from '../src/client.js';
import { Directory, SimulatedClock } from '../src/index.js';
import { Engine } from '../src/runtime.js';
import {
  builtInScenarios,
  playStory,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
  seedStories,
} from '../src/sample/index.js';
import { ScenarioEngine } from '../src/scenario.js';

/**
 * The article's stories and the five built-in scenarios with their event scripts, played
 * through `LocalClient` and through the old facades (`Engine`, `ScenarioEngine`): both must
 * write the very same audit trails.
 */
const directory = new Directory(sampleOrg);
const options = { directory, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists };
const START = '2026-09-01T08:00:00+08:00';

/** What both ways of driving the runtime offer to a script. */
interface Driver {
  clock: SimulatedClock;
  tick(): Promise<unknown>;
  report(input: unknown): Promise<{ ok: boolean; record?: { id: string } }>;
  send(id: string, input: unknown): Promise<{ ok: boolean }>;
  start(input: unknown): Promise<{ ok: boolean; record?: { id: string } }>;
  command(id: string, input: unknown): Promise<{ ok: boolean }>;
  caseOf(instance: string, step: string): Promise<string | undefined>;
  trail(id: string): Promise<string[]>;
}

async function viaClient(start = START): Promise<Driver> {
  const clock = new SimulatedClock(start);
  let n = 0;
  const client = new LocalClient({ ...options, clock, newId: () => `id-${++n}` });
  for (const d of builtInScenarios) must(await client.deploy(d, 'qj-sj-duty'), d.id);
  return {
    clock,
    tick: () => client.tick(),
    report: (i) => client.report(i),
    send: (id, i) => client.send(id, i),
    start: (i) => client.start(i),
    command: (id, i) => client.command(id, i),
    caseOf: async (id, step) => (await client.getInstance(id))?.context.cases[step],
    trail: async (id) => (await client.audit(id)).map(line),
  };
}

function viaFacades(): Driver {
  const clock = new SimulatedClock(START);
  let n = 0;
  const engine = new Engine({ ...options, clock, newId: () => `id-${++n}` });
  const scenarios = new ScenarioEngine(engine);
  for (const d of builtInScenarios) scenarios.register(d);
  return {
    clock,
    tick: () => engine.tick(),
    report: (i) => engine.report(i),
    send: async (id, i) => {
      const r = await engine.send(id, i);
      await scenarios.settled();
      return r;
    },
    start: (i) => scenarios.start(i),
    command: (id, i) => scenarios.send(id, i),
    caseOf: async (id, step) => (await scenarios.get(id))?.context.cases[step],
    trail: async (id) => (await engine.auditTrail(id)).map(line),
  };
}

const line = (e: { at: number; event: string; from: string | null; to: string; actorId: string }) =>
  `${new Date(e.at).toISOString()} ${e.event} ${e.from}→${e.to} ${e.actorId}`;

function must(r: { ok: boolean }, what: string): void {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r)}`);
}

/** Plays a built-in scenario's event script (the `zhizhi simulate` format). */
async function playScript(d: Driver, scenario: string, script: string) {
  let instance = '';
  const cases = new Set<string>();
  for (const [i, text] of script.split('\n').entries()) {
    if (!text.trim()) continue;
    const { advance, at, case: step, actor, type, ...rest } = JSON.parse(text);
    const where = `${scenario} line ${i + 1}`;
    if (advance) {
      d.clock.advance(advance);
      await d.tick();
    } else if (at) {
      d.clock.set(at);
      await d.tick();
    } else if (type === 'START') {
      const r = await d.start({ ...rest, id: `${scenario}-1`, scenario, by: actor });
      must(r, where);
      instance = r.record?.id ?? '';
    } else if (step) {
      const caseId = await d.caseOf(instance, step);
      if (!caseId) throw new Error(`${where}: no case for ${step}`);
      cases.add(caseId);
      must(await d.send(caseId, { type, by: actor, ...rest }), where);
    } else {
      must(await d.command(instance, { type, by: actor, ...rest }), where);
    }
  }
  return { instance: await d.trail(instance), cases: await Promise.all([...cases].map(d.trail)) };
}

describe('the stories and built-in scenarios through LocalClient and through the facades', () => {
  for (const story of seedStories) {
    it(`given the story ${story.id}, when played through LocalClient, then every case has the facade's trail`, async () => {
      const client = await viaClient(story.start);
      const facades = new Engine({ ...options, clock: new SimulatedClock(story.start) });
      const played = await playStory(facades, facades.clock as SimulatedClock, story);
      for (const step of story.steps) {
        if ('advance' in step) {
          client.clock.advance(step.advance);
          await client.tick();
        } else if ('report' in step) must(await client.report(step.report), story.id);
        else must(await client.send(step.case, step.send), story.id);
      }
      for (const id of played.caseIds) {
        const expected = (await facades.auditTrail(id)).map(line);
        expect(expected.length).toBeGreaterThan(1);
        expect(await client.trail(id), `${story.id} ${id}`).toEqual(expected);
      }
    });
  }

  for (const doc of builtInScenarios) {
    it(`given the built-in scenario ${doc.id} and its event script, when played through LocalClient, then the instance and its cases have the facades' trails`, async () => {
      const script = readFileSync(
        new URL(`../scenarios/${doc.id}.events.jsonl`, import.meta.url),
        'utf8',
      );
      const expected = await playScript(viaFacades(), doc.id, script);
      const actual = await playScript(await viaClient(), doc.id, script);
      expect(expected.instance.length).toBeGreaterThan(1);
      expect(actual).toEqual(expected);
    });
  }
});
