import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const examples = new URL('../../core/scenarios/', import.meta.url).pathname;
const band = `${examples}elderly-health-band.json`;
const bandEvents = readFileSync(`${examples}elderly-health-band.events.jsonl`, 'utf8');
const start =
  '{"type":"START","trigger":"manual","actor":"qj-sj-duty","gridId":"qj-sj-c1-g1","data":{"alarmType":"fall"}}';

/** Runs `simulate` on the health band with `events` as the events file. */
async function simulate(events: string, ...extra: string[]) {
  const io = capture();
  io.files.set('/events.jsonl', events);
  const code = await runCli(
    [
      'simulate',
      band,
      '--events',
      '/events.jsonl',
      '--start',
      '2026-09-01T08:00:00+08:00',
      ...extra,
    ],
    io,
  );
  return { code, io, all: [...io.stdout, ...io.stderr].join('\n') };
}

describe('zhizhi simulate: the clock', () => {
  it('given an advance that leaves the Date range, then it stops at that line with a clear error, not a RangeError', async () => {
    // each advance is at most 10 years (parseDuration's bound); many of them reach year 9999
    const advances = Array.from({ length: 800 }, () => '{"advance":"P3650D"}').join('\n');
    const { code, io } = await simulate(`${start}\n${advances}\n`, '--lang', 'en');
    expect(code).toBe(1);
    expect(io.stderr[0]).toMatch(
      /^line \d+: the simulated clock would pass 9999-12-31 \(the latest time supported\): P3650D$/,
    );
    expect(io.stderr[1]).toMatch(/^stopped at line \d+; nothing after it ran$/);
    const tooLong = await simulate(`${start}\n{"advance":"P99999999D"}\n`, '--lang', 'en');
    expect(tooLong.io.stderr[0]).toBe(
      'line 2: "advance" is not a duration of W/D/H/M/S of at most 10 years: P99999999D',
    );
  });

  it('given an "at" far in the future, in the past, or not a time, then each stops at its line', async () => {
    const cases: [string, RegExp][] = [
      ['{"at":"+275760-09-13T00:00:00Z"}', /^line 2: the simulated clock would pass 9999-12-31/],
      [
        '{"at":"2020-01-01T00:00:00Z"}',
        /^line 2: "at" is before the simulated time 2026-09-01 08:00/,
      ],
      ['{"at":"tomorrow"}', /^line 2: "at" is not an ISO time: tomorrow/],
      ['{"at":5}', /^line 2: "at" must be a string/],
      [
        '{"advance":"P1M"}',
        /^line 2: "advance" is not a duration of W\/D\/H\/M\/S of at most 10 years: P1M/,
      ],
    ];
    for (const [line, message] of cases) {
      const { code, io } = await simulate(`${start}\n${line}\n`, '--lang', 'en');
      expect(code, line).toBe(1);
      expect(io.stderr[0], line).toMatch(message);
    }
  });
});

describe('zhizhi simulate: case and key lookups', () => {
  it('given "case" naming an inherited property (toString, __proto__, constructor), then no case is found, and no function text or [object Object] is printed', async () => {
    for (const step of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const { code, io, all } = await simulate(
        `${start}\n{"case":"${step}","type":"ACKNOWLEDGE","actor":"qj-sj-ylfw-staff"}\n`,
        '--lang',
        'en',
      );
      expect(code, step).toBe(1);
      expect(io.stderr[0], step).toBe(`line 2: no case was opened by a step named ${step}`);
      expect(all).not.toMatch(/function|\[object Object\]|native code/);
    }
  });

  it('given a case event type that is an inherited name, then it is an unknown type', async () => {
    const lines = bandEvents.split('\n');
    lines[3] = '{"case":"dispatchCare","type":"constructor","actor":"qj-sj-ylfw-staff"}';
    const { code, io } = await simulate(lines.join('\n'), '--lang', 'en');
    expect(code).toBe(1);
    expect(io.stderr[0]).toMatch(
      /^line 4: unknown event type "constructor" \(one of: .*ACKNOWLEDGE/,
    );
  });
});

describe('zhizhi simulate: lines that say nothing it knows', () => {
  it('given a mistyped key, an empty object or a missing actor, then it stops with the line number instead of skipping the line', async () => {
    const cases: [string, RegExp][] = [
      [
        '{"typ":"TASK_COMPLETE","actor":"qj-sj-c1-g1-worker","step":"visit","outcome":"fine"}',
        /^line 2: unknown key "typ" \(a line without "type" may only have "at" and "advance"\)/,
      ],
      ['{}', /^line 2: a line needs "type", "at" or "advance"/],
      [
        '{"type":"TASK_COMPLETE","actor":"qj-sj-c1-g1-worker","step":"visit","outcme":"fine"}',
        /^line 2: unknown key "outcme" \(TASK_COMPLETE takes: actor, step, outcome, data, at, advance\)/,
      ],
      [
        '{"type":"TASK_COMPLETE","step":"visit","outcome":"fine"}',
        /^line 2: "actor" is missing \(the member id who does it\)/,
      ],
      ['{"type":"FINISH","actor":"qj-sj-duty"}', /^line 2: unknown event type "FINISH"/],
      ['[1]', /^line 2: not a JSON object/],
    ];
    for (const [line, message] of cases) {
      const { code, io } = await simulate(`${start}\n${line}\n`, '--lang', 'en');
      expect(code, line).toBe(1);
      expect(io.stderr[0], line).toMatch(message);
    }
  });
});

describe('zhizhi simulate: one instance per events file', () => {
  it('given a second START, then it is refused with both line numbers (one events file drives one instance)', async () => {
    const { code, io } = await simulate(`${start}\n{"advance":"PT1M"}\n${start}\n`, '--lang', 'en');
    expect(code).toBe(1);
    expect(io.stderr[0]).toBe(
      'line 3: the instance was already started on line 1; an events file drives one instance',
    );
  });
});

/** Any C0 control but tab and newline, DEL or a C1 control, raw. */
const hasControl = (text: string) =>
  [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && n !== 0x09 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f);
  });

describe('zhizhi simulate: control characters never reach the terminal', () => {
  it('given ESC, BEL and CSI characters in an actor id and in the data, then nothing echoed carries them raw', async () => {
    const evil = 'x\\u001b[2J\\u0007\\u009b31m';
    const { io } = await simulate(
      `{"type":"START","trigger":"manual","actor":"${evil}","gridId":"qj-sj-c1-g1","data":{"alarmType":"fall"}}\n`,
      '--lang',
      'en',
    );
    const all = [...io.stdout, ...io.stderr].join('\n');
    expect(hasControl(all)).toBe(false);
    expect(io.stderr[0]).toContain('x\\u001b[2J\\u0007\\u009b31m');
    const json = await simulate(`${start.replace('"fall"', `"fall${evil}"`)}\n`, '--json');
    expect(hasControl(json.io.stdout.join('\n'))).toBe(false);
    expect(JSON.parse(json.io.stdout.join('\n')).data.alarmType).toBe(
      'fallx\u001b[2J\u0007\u009b31m',
    );
  });
});

describe('zhizhi simulate: notifications', () => {
  it('given the health band, then each transition is followed by who is told what, escalations included', async () => {
    const { code, io } = await simulate(bandEvents, '--lang', 'en');
    expect(code).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toMatch(
      /08:37 {2}TIMEOUT {2}visit → dispatchCare {2}system\n {2}↳ zz\.escalate → commandCenter:qj-sj {2}«留守老人智能健康手环 · escalate»/,
    );
    expect(out).toMatch(/REPORT {2}∅ → assigned {2}system\n {2}↳ REPORT → post:qj-sj-ylfw/);
    expect(out).toMatch(/↳ zz\.notify → post:qj-sj-ylfw \[app\] \{"heartRate":150,/);
    expect(out).toMatch(/↳ zz\.notify → family:primary \[sms, voice\]/);
  });

  it('given --json, then every transition carries its notifications', async () => {
    const { io } = await simulate(bandEvents, '--json');
    const out = JSON.parse(io.stdout.join('\n'));
    const escalation = out.transitions.find(
      (t: { event: string; to: string }) => t.to === 'dispatchCare',
    );
    expect(escalation.notifications).toEqual([
      expect.objectContaining({
        topic: 'zz.escalate',
        to: [{ kind: 'commandCenter', id: 'qj-sj' }],
      }),
    ]);
  });
});

describe('zhizhi simulate: sensor reading lines', () => {
  const fall = (reading: Record<string, unknown> = {}, extra = '') =>
    `{"type":"READING","actor":"qj-sj-sensor","reading":${JSON.stringify({ deviceId: 'band-7', seq: 1, type: 'fall', level: 1, value: 40, gridId: 'qj-sj-c1-g1', ...reading })}${extra}}`;

  it('given a READING line from the town sensor, then it starts the instance through the alert normaliser, its deviceTime being the simulated time', async () => {
    const { code, io } = await simulate(`${fall()}\n{"advance":"PT6M"}\n`, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.status).toBe('visit');
    expect(out.data).toMatchObject({ alarmType: 'fall', heartRate: 40 });
    expect(out.audit[0]).toMatchObject({ at: Date.parse('2026-09-01T08:00:00+08:00') });
  });

  it('given a bad reading line, then it stops at that line naming the path and the rule, and nothing after it runs (exit 1)', async () => {
    const cases: [string, string][] = [
      [
        fall({ level: 7 }),
        'line 1: reading.level: reading.invalid Invalid sensor reading: level must be',
      ],
      [fall({ deviceId: '' }), 'line 1: reading.deviceId: reading.invalid'],
      [
        '{"type":"READING","actor":"qj-sj-sensor","reading":[1]}',
        'line 1: "reading" must be one sensor reading object',
      ],
      [
        fall({}, ',"step":"call"'),
        'line 1: unknown key "step" (READING takes: actor, reading, at, advance)',
      ],
      ['{"type":"READING","reading":{}}', 'line 1: "actor" is missing'],
      [
        fall().replace('qj-sj-sensor', 'qj-sj-duty'),
        'line 1: the reading was refused: actor.unknown',
      ],
      [`${fall()}\n${fall()}`, 'line 2: the reading was refused: reading.duplicate'],
    ];
    for (const [lines, message] of cases) {
      const { code, io } = await simulate(`${lines}\n{"advance":"PT6M"}\n`, '--lang', 'en');
      expect(code, lines).toBe(1);
      expect(io.stderr[0], lines).toContain(message);
      expect(io.stderr[1], lines).toMatch(/^stopped at line \d; nothing after it ran$/);
      expect(io.stdout.join('\n'), lines).not.toContain('TIMEOUT');
    }
  });

  it('given a reading that starts a second instance (another grid), then it stops: one events file drives one instance', async () => {
    const second = fall({ deviceId: 'band-8', gridId: 'qj-sj-c2-g1' });
    const { code, io } = await simulate(`${fall()}\n${second}\n`, '--lang', 'en');
    expect(code).toBe(1);
    expect(io.stderr[0]).toBe(
      'line 2: the instance was already started on line 1; an events file drives one instance',
    );
  });
});
