import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const band = new URL('../../core/scenarios/elderly-health-band.json', import.meta.url).pathname;
const broken = () => {
  const doc = JSON.parse(readFileSync(band, 'utf8'));
  doc.steps[0].outcomes[0].to = 'nowhere';
  return JSON.stringify(doc);
};

describe('zhizhi validate with several files', () => {
  it('given a valid file then an invalid one, then both are checked, each has its result, and it exits 1', async () => {
    const io = capture();
    io.files.set('/broken.json', broken());
    expect(await runCli(['validate', band, '/broken.json', '--lang', 'en'], io)).toBe(1);
    expect(io.stdout).toContain(`${band}: valid`);
    expect(io.stdout).toContainEqual(
      expect.stringMatching(/^\/broken\.json: steps\.0\.outcomes\.0\.to {2}scenario\.unknownStep/),
    );
    expect(io.stdout.at(-1)).toBe('/broken.json: invalid (1 error)');
  });

  it('given an invalid file first, then the files after it are still checked', async () => {
    const io = capture();
    io.files.set('/broken.json', broken());
    expect(await runCli(['validate', '/broken.json', band, '--lang', 'en'], io)).toBe(1);
    expect(io.stdout.at(-1)).toBe(`${band}: valid`);
  });

  it('given an unreadable file among valid ones, then the others are checked and it exits 2', async () => {
    const io = capture();
    expect(await runCli(['validate', band, '/no/such.json', band, '--lang', 'en'], io)).toBe(2);
    expect(io.stdout.filter((l) => l === `${band}: valid`)).toHaveLength(2);
    expect(io.stderr[0]).toMatch(/^Cannot read \/no\/such\.json/);
  });

  it('given every file valid, then it exits 0', async () => {
    const io = capture();
    expect(await runCli(['validate', band, band, '--lang', 'en'], io)).toBe(0);
  });

  it('given --json, then one document lists every file with its own verdict', async () => {
    const io = capture();
    io.files.set('/broken.json', broken());
    expect(await runCli(['validate', band, '/broken.json', '--json'], io)).toBe(1);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.valid).toBe(false);
    expect(out.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      [band, true],
      ['/broken.json', false],
    ]);
    expect(out.files[1].diagnostics[0].code).toBe('scenario.unknownStep');
  });
});
