import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainScenario } from '../bench/chainScenario.js';

const bin = new URL('../dist/zhizhi.js', import.meta.url).pathname;

describe('zhizhi writing into a closed pipe', () => {
  it('given simulate output piped into head -1, when head leaves early, then zhizhi stops quietly with no EPIPE stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhizhi-pipe-'));
    const { doc, events } = chainScenario(1500); // far more output than a pipe buffers
    writeFileSync(join(dir, 'chain.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'chain.events.jsonl'), events);
    const run = spawnSync(
      'bash',
      [
        '-c',
        `node "${bin}" simulate chain.json --events chain.events.jsonl --start 2026-09-01T08:00:00+08:00 | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.stderr).toMatch(/status 0/);
  }, 60_000);
});
