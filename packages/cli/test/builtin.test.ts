import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

describe('zhizhi simulate --builtin', () => {
  it('given a built-in id, then its shipped scenario runs with its own event script to its end', async () => {
    const io = capture();
    const code = await runCli(
      [
        'simulate',
        '--builtin',
        'electrical-fire',
        '--start',
        '2026-11-20T14:00:00+08:00',
        '--lang',
        'en',
      ],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toMatch(/^2026-11-20 14:00 {2}START {2}∅ → /);
    expect(io.stdout).toContain('Final state: disposed  Outcome: resolved');
  });

  it('given every built-in, then each runs with its script and exits 0', async () => {
    for (const id of [
      'electrical-fire',
      'smoke-alarm',
      'anti-fraud-outreach',
      'elderly-health-band',
      'standard-case-flow',
    ]) {
      const io = capture();
      expect(await runCli(['simulate', '--builtin', id, '--lang', 'en'], io), id).toBe(0);
    }
  });

  it('given an unknown id, or an id and a file, then it is a usage error listing the built-ins', async () => {
    const io = capture();
    expect(await runCli(['simulate', '--builtin', 'flood', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      'There is no built-in scenario flood (one of: electrical-fire, smoke-alarm, anti-fraud-outreach, elderly-health-band, standard-case-flow)',
    );
    const both = capture();
    expect(
      await runCli(['simulate', 'a.json', '--builtin', 'smoke-alarm', '--lang', 'en'], both),
    ).toBe(2);
    expect(both.stderr[0]).toBe('Give either --builtin or a scenario file, not both');
  });
});
