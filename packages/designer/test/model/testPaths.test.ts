import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { activeSteps } from '@zhizhi/core/scenario';
import { afterAll, describe, expect, test } from 'vitest';
import {
  createDraft,
  executeAll,
  exportScenario,
  generateTestPaths,
  type ScenarioDraft,
  type TestPath,
  toEventsFile,
} from '../../src/model/index.js';
import { builtIn, builtInIds, builtInText } from './helpers.js';

const run = promisify(execFile);
// the workspace's own `zhizhi` command line (built with the workspace), as a user runs it
const zhizhi = fileURLToPath(new URL('../../../cli/dist/zhizhi.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'designer-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Statuses with repeats in a row removed (a commit that does not move the instance). */
const moves = (list: string[]) => list.filter((s, i) => i === 0 || s !== list[i - 1]);

/** Replays a path with `zhizhi simulate … --json` and returns the instance's statuses. */
async function replay(id: string, path: TestPath, text = builtInText(id)): Promise<string[]> {
  const doc = join(dir, `${id}.json`);
  const events = join(dir, `${path.name}.events.jsonl`);
  writeFileSync(doc, text);
  writeFileSync(events, toEventsFile(path));
  const { stdout } = await run(process.execPath, [
    zhizhi,
    'simulate',
    doc,
    '--events',
    events,
    '--json',
  ]);
  const out = JSON.parse(stdout) as {
    transitions: { kind: string; to: string }[];
  };
  return moves(out.transitions.filter((t) => t.kind === 'scenario').map((t) => t.to));
}

describe('generated test paths', () => {
  test.each(builtInIds)('%s: every step and every SLA timeout is reached by some path', (id) => {
    const doc = builtIn(id);
    const { paths, unreached, untimed } = generateTestPaths(doc);
    expect(unreached).toEqual([]);
    expect(untimed).toEqual([]);
    const reached = new Set(paths.flatMap((p) => p.reaches));
    expect([...reached].sort()).toEqual(doc.steps.map((s) => s.id).sort());
    const timed = new Set(paths.flatMap((p) => p.timeouts));
    const withSla = doc.steps.filter((s) => 'sla' in s && s.sla).map((s) => s.id);
    expect([...timed].sort()).toEqual(withSla.sort());
  });

  test.each(builtInIds)(
    '%s: `zhizhi simulate` replays every path through the predicted states',
    async (id) => {
      const { paths } = generateTestPaths(builtIn(id));
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const statuses = await replay(id, path);
        // the real runtime goes through exactly the states the path was planned on, so the
        // (deterministic) machine enters the same steps — the instant ones included
        expect(statuses, path.name).toEqual(moves(path.statuses));
        const resting = new Set(statuses.flatMap((s) => activeSteps(s)));
        for (const step of resting) expect(path.reaches).toContain(step);
      }
    },
  );

  test('a step no data can reach is reported, not silently skipped', () => {
    const doc = builtIn('elderly-health-band');
    const follow = doc.steps.find((s) => s.id === 'followUp') as unknown as {
      branches: { when: string }[];
    };
    (follow.branches[0] as { when: string }).when = 'heartRate > 1000 and heartRate < 0';
    const { unreached } = generateTestPaths(doc);
    expect(unreached).toEqual(['notifyCare']);
  });

  test('a scenario edited in the designer: its new step and timeout are reached on replay', async () => {
    const r = executeAll(createDraft(builtIn('elderly-health-band')), [
      {
        type: 'addStep',
        step: {
          id: 'callAgain',
          kind: 'task',
          assignee: { role: 'dutyOfficer' },
          outcomes: [{ id: 'answered' }],
          sla: { within: 'PT10M' },
        },
      },
      { type: 'connect', from: 'callAgain', outcome: 'outcomes.answered', to: 'resolved' },
      { type: 'connect', from: 'callAgain', outcome: 'onTimeout', to: 'visit' },
      { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'callAgain' },
    ]);
    expect(r.ok).toBe(true);
    const doc: ScenarioDraft = r.draft.doc;
    const { paths, unreached, untimed } = generateTestPaths(doc);
    expect(unreached).toEqual([]);
    expect(untimed).toEqual([]);
    const through = paths.filter((p) => p.timeouts.includes('callAgain'));
    expect(through.length).toBeGreaterThan(0);
    for (const path of through) {
      const statuses = await replay('edited', path, exportScenario(doc));
      expect(statuses).toEqual(moves(path.statuses));
      expect(statuses).toContain('callAgain');
    }
  });
});
