import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/zhizhi.js';
import { capture } from './support/capture.js';

const band = new URL('../../core/scenarios/elderly-health-band.json', import.meta.url).pathname;
const bandText = readFileSync(band, 'utf8');

describe('zhizhi reads JSON strictly', () => {
  it('given a field declared "pii": true and then "pii": false, then the file is refused, naming the line and path, not read last-wins', async () => {
    const io = capture();
    io.files.set('/dup.json', bandText.replace('"pii": true', '"pii": true, "pii": false'));
    expect(await runCli(['validate', '/dup.json', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(
      /^\/dup\.json is not valid JSON: line \d+, column \d+ \(fields\.1\.pii\): json\.duplicateKey The key "pii" appears twice/,
    );
  });

  it('given a __proto__ key, then the file is refused the same way', async () => {
    const io = capture();
    io.files.set('/proto.json', bandText.replace('"format"', '"__proto__": {"x": 1}, "format"'));
    expect(await runCli(['compile', '/proto.json', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/\(__proto__\): json\.forbiddenKey/);
  });

  it('given a scenario saved with a UTF-8 BOM, then it validates like the same file without one', async () => {
    const io = capture();
    io.files.set('/bom.json', `\uFEFF${bandText}`);
    expect(await runCli(['validate', '/bom.json', '--lang', 'en'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('/bom.json: valid');
  });

  it('given an events line with a repeated key, then simulate stops at that line', async () => {
    const io = capture();
    io.files.set(
      '/events.jsonl',
      '{"type":"START","trigger":"manual","actor":"qj-sj-duty","actor":"qj-sj-c1-g1-worker","gridId":"qj-sj-c1-g1","data":{"alarmType":"fall"}}\n',
    );
    expect(await runCli(['simulate', band, '--events', '/events.jsonl', '--lang', 'en'], io)).toBe(
      1,
    );
    expect(io.stderr[0]).toMatch(/^line 1: column \d+ \(actor\): json\.duplicateKey/);
  });
});
