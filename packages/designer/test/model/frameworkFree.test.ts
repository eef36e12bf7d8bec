import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../src/model', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('the edit model imports no UI framework (only @zhizhi/core and its own files)', () => {
  const all = files(root);
  expect(all.length).toBeGreaterThan(20);
  for (const f of all) {
    const specifiers = [
      ...readFileSync(f, 'utf8').matchAll(/^(?:import|export|\})[^*\n]*from '([^']+)'/gm),
    ].map((m) => m[1]);
    for (const s of specifiers) expect(s, f).toMatch(/^(\.{1,2}\/|@zhizhi\/core(\/|$))/);
  }
});
