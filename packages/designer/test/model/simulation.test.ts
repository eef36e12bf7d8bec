import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseDuration } from '@zhizhi/core';
import type { Scenario } from '@zhizhi/core/scenario';
import { afterAll, describe, expect, it, test } from 'vitest';
import { generateTestPaths } from '../../src/model/index.js';
import { createSimulation, type Simulation } from '../../src/simulation/Simulation.js';
import { builtIn, builtInIds, builtInText } from './helpers.js';

const run = promisify(execFile);
// the workspace's own `zhizhi` command line, as a user runs it
const zhizhi = fileURLToPath(new URL('../../../cli/dist/zhizhi.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'designer-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const band = () => builtIn('elderly-health-band') as unknown as Scenario;
const START = {
  type: 'START',
  actor: 'qj-sj-duty',
  trigger: 'manual',
  gridId: 'qj-sj-c1-g1',
  data: { alarmType: 'fall', heartRate: 150 },
};

function simulate(doc: Scenario): Simulation {
  const made = createSimulation(doc);
  if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message.en).join('; '));
  return made.simulation;
}

/** Replays an events file with `zhizhi simulate --json`: the instance's end and audit events. */
async function replay(id: string, events: string) {
  const docFile = join(dir, `${id}.json`);
  const eventsFile = join(dir, `${id}.events.jsonl`);
  writeFileSync(docFile, builtInText(id));
  writeFileSync(eventsFile, events);
  const { stdout } = await run(process.execPath, [
    zhizhi,
    'simulate',
    docFile,
    '--events',
    eventsFile,
    '--json',
  ]);
  return JSON.parse(stdout) as {
    status: string;
    outcome: string | null;
    data: Record<string, unknown>;
    audit: { event: string; to: string; at: number }[];
  };
}

describe('simulation on the real runtime', () => {
  it('given the health band started by the duty officer, when the clock goes to the next deadline, then the call times out and the grid worker of the grid has the visit with its form', async () => {
    const sim = simulate(band());
    expect((await sim.apply(START)).ok).toBe(true);
    const started = await sim.state();
    expect(started.active).toEqual(['call']);
    expect((await sim.tasksFor('qj-sj-duty')).map((t) => t.step)).toEqual(['call']);
    expect((started.nextDeadline ?? 0) - started.now).toBe(parseDuration('PT5M'));

    expect(await sim.toNextDeadline()).toBe(true);
    const s = await sim.state();
    expect(s.active).toEqual(['visit']);
    expect(s.timeline.map((e) => e.event)).toContain('TIMEOUT');
    // the grid worker of the instance's grid may visit; one of another grid, and the duty officer, may not
    expect(await sim.tasksFor('qj-sj-c1-g1-worker')).toEqual([
      { step: 'visit', outcomes: ['emergency', 'fine'], form: ['condition'] },
    ]);
    expect(await sim.tasksFor('qj-sj-c2-g1-worker')).toEqual([]);
    expect(await sim.tasksFor('qj-sj-duty')).toEqual([]);
  });

  it('given a running instance, when the clock moves by a day, then each timer fires at its own due time, earliest first (escalation and dispatch included)', async () => {
    const sim = simulate(band());
    await sim.apply(START);
    const t0 = sim.clock.now();
    await sim.advance(parseDuration('P1D'));
    const s = await sim.state();
    expect(s.now - t0).toBe(parseDuration('P1D'));
    const timeouts = s.timeline
      .filter((e) => e.event === 'TIMEOUT' && e.caseId === undefined)
      .map((e) => [e.from, e.at - t0]);
    // call 5 min → visit; visit 30 min → escalate → dispatchCare; dispatch 15 min → emergency
    expect(timeouts).toEqual([
      ['call', parseDuration('PT5M')],
      ['visit', parseDuration('PT35M')],
      ['dispatchCare', parseDuration('PT50M')],
    ]);
    expect(s.active).toEqual(['emergency', 'callAmbulance']);
    // every move is a recorded line: the day is split at the deadlines (the case's SLA timers too)
    const moves = sim.lines.flatMap((l) =>
      'advance' in l ? [parseDuration(String(l.advance))] : [],
    );
    expect(moves.length).toBeGreaterThan(3);
    expect(moves.reduce((a, b) => a + b, 0)).toBe(parseDuration('P1D'));
  });

  it('given a task completed without its required form data or by someone else, then it is refused and nothing is recorded', async () => {
    const sim = simulate(band());
    await sim.apply(START);
    const before = sim.lines.length;
    const r = await sim.apply({
      type: 'TASK_COMPLETE',
      actor: 'qj-sj-c1-g1-worker',
      step: 'call',
      outcome: 'fine',
    });
    expect(r.ok).toBe(false);
    expect(sim.lines).toHaveLength(before);
    expect((await sim.state()).active).toEqual(['call']);
  });

  it('given a run played by hand to "no answer → visit → emergency", when it is saved, then `zhizhi simulate` replays the events file to the same end state and the same audit trail', async () => {
    const sim = simulate(band());
    await sim.apply(START);
    await sim.advance(parseDuration('PT2M'));
    await sim.apply({
      type: 'TASK_COMPLETE',
      actor: 'qj-sj-duty',
      step: 'call',
      outcome: 'noAnswer',
    });
    await sim.advance(parseDuration('PT10M'));
    await sim.apply({
      type: 'TASK_COMPLETE',
      actor: 'qj-sj-c1-g1-worker',
      step: 'visit',
      outcome: 'emergency',
      data: { condition: '老人倒地，意识不清' },
    });
    await sim.apply({
      type: 'TASK_COMPLETE',
      actor: 'qj-sj-c1-g1-worker',
      step: 'callAmbulance',
      outcome: 'done',
    });
    const end = await sim.state();
    expect(end.outcome).toBe('resolved');
    expect(end.active).toEqual([]);
    const mine = end.timeline.filter((e) => e.caseId === undefined);

    const replayed = await replay('elderly-health-band', sim.eventsFile());
    expect(replayed.status).toBe(end.status);
    expect(replayed.outcome).toBe(end.outcome);
    expect(replayed.audit.map((e) => [e.event, e.to, e.at])).toEqual(
      mine.map((e) => [e.event, e.to, e.at]),
    );
  });

  it('given a run started by a sensor reading (a fall on the band) and played to "no answer → visit → fine", when it is saved, then the events file has READING lines and `zhizhi simulate` replays it to the same end state and audit trail', async () => {
    const sim = simulate(band());
    const fall = await sim.inject({ type: 'fall', level: 1, value: 40, gridId: 'qj-sj-c1-g1' });
    expect(fall).toEqual({ accepted: 1, started: true });
    await sim.advance(parseDuration('PT6M'));
    expect((await sim.state()).active).toEqual(['visit']);
    // a later reading from the same band goes through the same path (and is recorded too)
    expect((await sim.inject({ type: 'fall', level: 0, gridId: 'qj-sj-c1-g1' })).accepted).toBe(1);
    await sim.apply({
      type: 'TASK_COMPLETE',
      actor: 'qj-sj-c1-g1-worker',
      step: 'visit',
      outcome: 'fine',
      data: { condition: '老人已起身，无大碍' },
    });
    const end = await sim.state();
    expect(end.outcome).not.toBeNull();
    expect(end.active).toEqual([]);
    expect(sim.replayable).toBe(true);
    const text = sim.eventsFile();
    const readings = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === 'READING');
    expect(readings).toHaveLength(2);
    expect(readings[0]).toMatchObject({
      actor: 'qj-sj-sensor',
      reading: { type: 'fall', level: 1, value: 40, gridId: 'qj-sj-c1-g1', townId: 'qj-sj' },
    });
    const mine = end.timeline.filter((e) => e.caseId === undefined);

    const replayed = await replay('elderly-health-band', text);
    expect(replayed.status).toBe(end.status);
    expect(replayed.outcome).toBe(end.outcome);
    expect(replayed.audit.map((e) => [e.event, e.to, e.at])).toEqual(
      mine.map((e) => [e.event, e.to, e.at]),
    );
    expect(replayed.data).toMatchObject({ alarmType: 'fall', heartRate: 40 });
  });

  test.each(builtInIds)(
    '%s: every generated test path plays through the simulation to the statuses it promises',
    async (id) => {
      const doc = builtIn(id) as unknown as Scenario;
      for (const path of generateTestPaths(doc).paths) {
        const sim = simulate(doc);
        for (const line of path.lines) {
          const r = await sim.apply(line);
          expect(r.ok, `${path.name}: ${JSON.stringify(line)} ${JSON.stringify(r)}`).toBe(true);
        }
        expect((await sim.state()).status).toBe(path.statuses.at(-1));
      }
    },
  );
});
