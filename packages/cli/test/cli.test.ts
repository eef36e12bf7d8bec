import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const examples = new URL('../../core/scenarios/', import.meta.url).pathname;
const band = join(examples, 'elderly-health-band.json');
const bandEvents = join(examples, 'elderly-health-band.events.jsonl');

describe('zhizhi validate', () => {
  it('given a valid scenario, then it exits 0 and says so in the chosen language', async () => {
    const io = capture();
    expect(await runCli(['validate', band, '--lang', 'en'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe(`${band}: valid`);
    const zh = capture();
    expect(await runCli(['validate', band], zh)).toBe(0);
    expect(zh.stdout.at(-1)).toContain('校验通过');
  });

  it('given a broken scenario, then it exits 1 with one "path  code  message" line per diagnostic, or JSON', async () => {
    const doc = JSON.parse(readFileSync(band, 'utf8'));
    doc.steps[0].outcomes[0].to = 'nowhere';
    const io = capture();
    io.files.set('/broken.json', JSON.stringify(doc));
    expect(await runCli(['validate', '/broken.json', '--lang', 'en'], io)).toBe(1);
    expect(io.stdout).toContainEqual(
      expect.stringMatching(
        /^\/broken\.json: steps\.0\.outcomes\.0\.to {2}scenario\.unknownStep {2}/,
      ),
    );
    const json = capture();
    json.files.set('/broken.json', JSON.stringify(doc));
    expect(await runCli(['validate', '/broken.json', '--json'], json)).toBe(1);
    const out = JSON.parse(json.stdout.join('\n'));
    expect(out.valid).toBe(false);
    expect(out.files[0].diagnostics[0]).toMatchObject({
      code: 'scenario.unknownStep',
      path: ['steps', 0, 'outcomes', 0, 'to'],
    });
  });

  it('given a missing file or bad JSON, then it exits 2 naming the file', async () => {
    const io = capture();
    expect(await runCli(['validate', '/no/such.json', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Cannot read \/no\/such\.json/);
    io.files.set('/bad.json', '{"format":');
    expect(await runCli(['validate', '/bad.json', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/^\/bad\.json is not valid JSON/);
  });
});

describe('zhizhi compile', () => {
  it('given a scenario, then the machine JSON is written, and compiling twice gives identical bytes', async () => {
    const io = capture();
    expect(await runCli(['compile', band, '-o', '/m1.json'], io)).toBe(0);
    expect(await runCli(['compile', band, '-o', '/m2.json'], io)).toBe(0);
    expect(io.files.get('/m1.json')).toBe(io.files.get('/m2.json'));
    const machine = JSON.parse(io.files.get('/m1.json') ?? '{}');
    expect(machine.scenario).toEqual({ id: 'elderly-health-band', version: '1.0.0' });
    expect(Object.keys(machine.states)).toContain('visit');
  });
});

describe('zhizhi simulate', () => {
  it('given the health-band events, then each transition prints and the instance ends resolved', async () => {
    const io = capture();
    const code = await runCli(
      [
        'simulate',
        band,
        '--events',
        bandEvents,
        '--start',
        '2026-09-01T08:00:00+08:00',
        '--lang',
        'en',
      ],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe('2026-09-01 08:00  START  ∅ → call  qj-sj-duty');
    expect(io.stdout).toContain('2026-09-01 08:06  TIMEOUT  call → visit  system');
    expect(io.stdout).toContainEqual(expect.stringMatching(/REPORT {2}∅ → assigned {2}system$/));
    expect(io.stdout).toContain('Final state: handled  Outcome: resolved');
  });

  it('given --json, then one document holds transitions, audit, KPIs and the opened case', async () => {
    const io = capture();
    await runCli(
      ['simulate', band, '--events', bandEvents, '--start', '2026-09-01T08:00:00+08:00', '--json'],
      io,
    );
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.outcome).toBe('resolved');
    expect(out.audit.map((e: { event: string }) => e.event)).toEqual([
      'START',
      'TIMEOUT',
      'TIMEOUT',
      'CASE_ACKNOWLEDGED',
      'TASK_COMPLETE',
      'TASK_COMPLETE',
    ]);
    expect(out.cases[0]).toMatchObject({
      status: 'inProgress',
      context: { lead: { kind: 'post', id: 'qj-sj-ylfw' } },
    });
    expect(out.kpis.find((k: { id: string }) => k.id === 'responseTime').value).toBe(47 * 60_000);
  });

  it('given a bad line, then it is reported with its number and nothing after it runs', async () => {
    const lines = readFileSync(bandEvents, 'utf8').split('\n');
    lines.splice(
      2,
      0,
      '{"type":"TASK_COMPLETE","actor":"qj-th-c1-g1-worker","step":"visit","outcome":"fine"}',
    );
    const io = capture();
    io.files.set('/events.jsonl', lines.join('\n'));
    const code = await runCli(
      [
        'simulate',
        band,
        '--events',
        '/events.jsonl',
        '--lang',
        'en',
        '--start',
        '2026-09-01T08:00:00+08:00',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr[0]).toMatch(/^line 3: run\.outsideTown/);
    expect(io.stderr[1]).toBe('stopped at line 3; nothing after it ran');
    expect(io.stdout.some((l) => l.includes('CASE_ACKNOWLEDGED'))).toBe(false);
    const garbage = capture();
    garbage.files.set('/events.jsonl', `${lines[0]}\nnot json\n`);
    expect(
      await runCli(['simulate', band, '--events', '/events.jsonl', '--lang', 'en'], garbage),
    ).toBe(1);
    expect(garbage.stderr[0]).toMatch(/^line 2: /);
  });
});

describe('the zhizhi binary', () => {
  it('given the built CLI run as a process, then exit codes and output are the same as in-process', () => {
    const bin = new URL('../dist/zhizhi.js', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'zhizhi-'));
    const out = join(dir, 'machine.json');
    execFileSync(process.execPath, [bin, 'compile', band, '-o', out, '--lang', 'en']);
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario.id).toBe('elderly-health-band');
    writeFileSync(join(dir, 'bad.json'), '{}');
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'validate', join(dir, 'bad.json'), '--lang', 'en'], {
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});

describe('zhizhi simulate --start', () => {
  it('given a start that is not a time, then it says so and exits 2', async () => {
    const io = capture();
    expect(
      await runCli(
        ['simulate', band, '--events', bandEvents, '--start', 'yesterday', '--lang', 'en'],
        io,
      ),
    ).toBe(2);
    expect(io.stderr[0]).toMatch(/^--start is not a time: yesterday/);
  });
});

describe('zhizhi simulate --policy', () => {
  it('given a policy file with a bad duration, then it names the path and exits 2', async () => {
    const io = capture();
    io.files.set(
      '/sla.json',
      JSON.stringify({
        defaults: { accept: '30 minutes', acknowledge: 'PT1H', resolve: 'P3D' },
        escalateAfter: 'PT2H',
        categories: [],
      }),
    );
    const code = await runCli(
      ['simulate', band, '--events', bandEvents, '--policy', '/sla.json', '--lang', 'en'],
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr[0]).toMatch(/^Invalid configuration: slaPolicy\.defaults\.accept: /);
  });
});
