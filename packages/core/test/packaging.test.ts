import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs @zhizhi/core and @zhizhi/cli as they would be published (`pnpm pack`, after
// `pnpm build`) and installs the tarballs with npm into an empty project, with no network and
// an empty cache: xstate and zod come from the workspace's own copies, packed as tarballs here.
// Then an ESM consumer imports, and a CommonJS consumer require()s, every entry.

const core = fileURLToPath(new URL('../', import.meta.url));
const cli = fileURLToPath(new URL('../../cli/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, unknown>;
};
const codeEntries = Object.keys(manifest.exports).filter((k) => !/\.json$|\*/.test(k));
const specifier = (entry: string) => `@zhizhi/core${entry.slice(1)}`;

let tmp = '';
let app = '';
const run = (file: string, args: string[] = []) =>
  execFileSync(process.execPath, [file, ...args], { cwd: app, encoding: 'utf8', stdio: 'pipe' });

/** A dependency's installed folder packed as an npm tarball (files copied, so no hard links). */
function packInstalled(name: string, into: string): string {
  const real = dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
  const stage = join(into, `${name}-stage`);
  cpSync(real, join(stage, 'package'), { recursive: true, dereference: true });
  const tarball = join(into, `${name}.tgz`);
  execFileSync('tar', ['-czf', tarball, '-C', stage, 'package']);
  return tarball;
}

beforeAll(() => {
  for (const dir of [core, cli]) {
    if (!existsSync(join(dir, 'dist')))
      throw new Error(`${dir}dist is missing: run \`pnpm build\` before this test`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'zhizhi-pack-'));
  const tarballs = join(tmp, 'tarballs');
  mkdirSync(tarballs);
  for (const dir of [core, cli])
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, stdio: 'pipe' });
  const deps = ['xstate', 'zod'].map((name) => packInstalled(name, tmp));
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "consumer", "private": true }\n');
  execFileSync(
    'npm',
    [
      'install',
      join(tarballs, `zhizhi-core-${manifest.version}.tgz`),
      join(tarballs, `zhizhi-cli-${manifest.version}.tgz`),
      ...deps,
      '--offline',
      '--cache',
      join(tmp, 'npm-cache'),
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    { cwd: app, stdio: 'pipe' },
  );
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed packages installed with npm', () => {
  it('given an ESM consumer, then every entry of @zhizhi/core imports with exports', () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      `${codeEntries.map((e, i) => `import * as m${i} from '${specifier(e)}';`).join('\n')}
const counts = [${codeEntries.map((_, i) => `Object.keys(m${i}).length`).join(', ')}];
console.log(JSON.stringify(counts));
`,
    );
    const counts = JSON.parse(run('esm.mjs')) as number[];
    expect(counts).toHaveLength(codeEntries.length);
    for (const [i, n] of counts.entries()) expect(n, codeEntries[i]).toBeGreaterThan(0);
  });

  it('given a CommonJS consumer, then require() loads every entry of @zhizhi/core (Node >= 20.19 requires ESM)', () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      `const entries = ${JSON.stringify(codeEntries.map(specifier))};
console.log(JSON.stringify(entries.map((e) => Object.keys(require(e)).length)));
const { Directory } = require('@zhizhi/core');
const { Engine } = require('@zhizhi/core/runtime');
const { sampleOrg } = require('@zhizhi/core/sample');
console.log(typeof new Engine({ directory: new Directory(sampleOrg) }).report);
`,
    );
    const [counts, report] = run('cjs.cjs').trim().split('\n');
    for (const n of JSON.parse(counts ?? '[]') as number[]) expect(n).toBeGreaterThan(0);
    expect(report).toBe('function');
  });

  it('given the installed CLI, then its bin runs and knows its version', () => {
    expect(run(join(app, 'node_modules/@zhizhi/cli/dist/zhizhi.js'), ['--version']).trim()).toBe(
      manifest.version,
    );
  });

  it('given the CLI installed without its optional peer @zhizhi/server, then start says what to install and exits 2', () => {
    const started = spawnSync(
      process.execPath,
      [join(app, 'node_modules/@zhizhi/cli/dist/zhizhi.js'), 'start', '--lang', 'en'],
      { cwd: app, encoding: 'utf8' },
    );
    expect(started.status).toBe(2);
    expect(started.stderr).toContain('npm i @zhizhi/server');
  });

  it('given the built-in scenarios, then their JSON files and event scripts are reachable through the exports map, and the installed CLI simulates one', () => {
    writeFileSync(
      join(app, 'files.cjs'),
      `const { readFileSync } = require('node:fs');
const doc = JSON.parse(readFileSync(require.resolve('@zhizhi/core/scenarios/electrical-fire.json'), 'utf8'));
const script = readFileSync(require.resolve('@zhizhi/core/scenarios/electrical-fire.events.jsonl'), 'utf8');
const { builtInScenarios } = require('@zhizhi/core/sample');
console.log(doc.id, script.split('\\n').filter(Boolean).length > 3, builtInScenarios.length);
`,
    );
    expect(run('files.cjs').trim()).toBe('electrical-fire true 5');
    const out = run(join(app, 'node_modules/@zhizhi/cli/dist/zhizhi.js'), [
      'simulate',
      '--builtin',
      'electrical-fire',
      '--lang',
      'en',
    ]);
    expect(out).toContain('Final state: disposed  Outcome: resolved');
  });

  it('given each tarball, then it carries LICENSE, README.md, CHANGELOG.md and no tests', () => {
    for (const name of ['core', 'cli']) {
      const dir = join(app, 'node_modules/@zhizhi', name);
      for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json'])
        expect(existsSync(join(dir, f)), `${name}/${f}`).toBe(true);
      expect(existsSync(join(dir, 'test')), `${name}/test`).toBe(false);
    }
  });
});
