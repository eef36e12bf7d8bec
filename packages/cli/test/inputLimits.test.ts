import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const band = new URL('../../core/scenarios/elderly-health-band.json', import.meta.url).pathname;
const bandEvents = band.replace(/\.json$/, '.events.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'zhizhi-limits-'));

describe('zhizhi input size limit', () => {
  it('given a file larger than --max-bytes, then it is refused before being parsed, naming the limit (exit 2)', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"pad":"${'x'.repeat(2000)}"}`);
    const io = capture();
    expect(await runCli(['validate', big, '--max-bytes', '1000', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      `${big} is larger than the limit of 1000 bytes (raise it with --max-bytes)`,
    );
  });

  it('given the default limit of 5 MB, then a 6 MB file is refused and the real scenario is not', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    const io = capture();
    expect(await runCli(['validate', huge, band, '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/is larger than the limit of 5242880 bytes/);
    expect(io.stdout.at(-1)).toBe(`${band}: valid`);
  });

  it('given an events file larger than --max-bytes, then simulate refuses it (exit 2)', async () => {
    const events = readFileSync(bandEvents, 'utf8');
    const io = capture();
    const limit = String(events.length - 1);
    expect(
      await runCli(
        ['simulate', band, '--events', bandEvents, '--max-bytes', limit, '--lang', 'en'],
        io,
      ),
    ).toBe(2);
    expect(io.stderr[0]).toMatch(/is larger than the limit of/);
  });
});

describe('zhizhi and files that are not regular files', () => {
  it('given /dev/zero, a directory or a FIFO with no writer, then each is refused at once as not a regular file (exit 2)', async () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, string][] = [
      ['/dev/zero', 'a character device'],
      [folder, 'a directory'],
      [fifo, 'a FIFO (named pipe)'],
    ];
    for (const [path, kind] of cases) {
      const io = capture();
      expect(await runCli(['validate', path, '--lang', 'en'], io), path).toBe(2);
      expect(io.stderr[0]).toBe(`${path} is not a regular file but ${kind}`);
    }
  });

  it('given the built binary on /dev/zero, then it ends within seconds with exit 2', () => {
    const bin = new URL('../dist/zhizhi.js', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'validate', '/dev/zero', '--lang', 'en'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\/dev\/zero is not a regular file/);
  });
});

describe('zhizhi and bytes that are not UTF-8', () => {
  it('given a file with invalid UTF-8, then it says so instead of reading replacement characters', async () => {
    const latin = join(dir, 'latin1.json');
    writeFileSync(latin, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    const io = capture();
    expect(await runCli(['validate', latin, '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toBe(`${latin} is not UTF-8 text`);
  });
});
