import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `node packages/cli/dist/zhizhi.js …` command in a code block of the README. */
function readmeCommands(): string[][] {
  const text = readFileSync(`${root}README.md`, 'utf8').replace(/\\\n\s*/g, '');
  return text
    .split('\n')
    .filter((line) => line.startsWith('node packages/cli/dist/zhizhi.js '))
    .map((line) => line.trim().split(/\s+/).slice(1));
}

describe("the README's zhizhi commands", () => {
  it('given each zhizhi command the README shows, when run from the repository root, then it exits 0', () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const args of commands) {
      const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
      expect(out.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});
