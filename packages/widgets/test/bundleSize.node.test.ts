import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { type OutputChunk, rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { describe, expect, it } from 'vitest';
import { elementNames, onwarn, resolveOptions, treeshake } from '../build/bundleOptions.mjs';

/** Elements with a budget of their own (ECharts, the map): not in the 40 KB bundle. */
const HEAVY = new Set(['zz-kpi-dashboard', 'zz-grid-map']);
const BUDGET = 40 * 1024;
/**
 * dist/zhizhi-scenario.js (zz-scenario + defineScenarioElement, with its own Lit): a classic
 * script of its own, because in the main one it took that to ~40.6 KB.
 */
const SCENARIO_BUDGET = 16 * 1024;

/** One minified IIFE of `input` with every dependency inside, as dist/zhizhi-widgets.js is built. */
async function bundle(input: string): Promise<{ gzip: number; chunk: OutputChunk }> {
  const build = await rollup({
    input,
    treeshake,
    onwarn,
    plugins: [
      nodeResolve(resolveOptions),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
  });
  const { output } = await build.generate({
    format: 'iife',
    name: 'ZhizhiWidgets',
    plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
  });
  await build.close();
  const chunk = output[0];
  return { gzip: gzipSync(chunk.code, { level: 9 }).length, chunk };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rendered = (chunk: OutputChunk) =>
  Object.entries(chunk.modules)
    .filter(([, m]) => m.renderedLength > 0)
    .map(([id, m]) => ({ id: id.replace(/.*\/packages\//, 'packages/'), size: m.renderedLength }));

/** Who owns a module of the bundle: an element, a dependency, or the shared widgets code. */
function ownerOf(id: string): string {
  const element = /\/src\/elements\/(zz-[a-z-]+)(\.ts|\/)/.exec(id);
  if (element) return element[1] as string;
  if (/node_modules\/.*(lit-html|lit-element|reactive-element|\/lit\/)/.test(id)) return 'lit';
  if (/@lit\/context|@lit\+context/.test(id)) return '@lit/context';
  if (/packages\/client\//.test(id)) return '@zhizhi/client';
  if (/packages\/core\//.test(id)) return '@zhizhi/core';
  if (/packages\/widgets\/src\//.test(id)) return 'widgets (shared)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(id);
  return pkg?.[1] ?? id;
}

/** The minified code of each owner in the bundle, gzipped on its own (an approximation). */
function breakdown(chunk: OutputChunk): [string, number][] {
  const code = new Map<string, string>();
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const owner = ownerOf(id);
    code.set(owner, (code.get(owner) ?? '') + m.code);
  }
  return [...code]
    .map(([owner, c]): [string, number] => [owner, gzipSync(c, { level: 9 }).length])
    .sort((a, b) => b[1] - a[1]);
}

describe('bundle size (gzip)', () => {
  it('given every element but the dashboard and the map, with Lit and the HTTP client, then the IIFE is at most 40 KB and holds no LocalClient', async () => {
    const { gzip, chunk } = await bundle('src/index.ts');
    const core = rendered(chunk).filter((m) => m.id.startsWith('packages/core/'));
    console.log(`zhizhi-widgets.js (src/index.ts as IIFE): ${kb(gzip)} gzip, budget ${kb(BUDGET)}`);
    console.log(
      `  from @zhizhi/core: ${core.map((m) => `${m.id} ${m.size} B`).join(', ') || 'nothing'}`,
    );
    for (const [part, size] of breakdown(chunk)) console.log(`  ${part}: ${kb(size)} gzip alone`);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
    const ids = Object.keys(chunk.modules).join('\n');
    expect(ids).not.toMatch(/LocalClient|runtime\/Runtime|engine\/Engine|zod\//);
    expect(ids).not.toMatch(/elements\/zz-scenario|scenario\/defineScenarioElement/);
    const heavy = elementNames().filter((e) => HEAVY.has(e));
    for (const e of heavy) expect(ids).not.toContain(`elements/${e}`);
  });

  it('given each element alone (with Lit and what it imports), then its figure is printed and within the budget', async () => {
    for (const e of elementNames()) {
      const { gzip } = await bundle(`src/elements/${e}.ts`);
      console.log(`${e}: ${kb(gzip)} gzip on its own`);
      if (!HEAVY.has(e)) expect(gzip).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('given src/scenario.ts, then dist/zhizhi-scenario.js is its own classic script within its budget, with no LocalClient', async () => {
    const { gzip, chunk } = await bundle('src/scenario.ts');
    console.log(
      `zhizhi-scenario.js (src/scenario.ts as IIFE): ${kb(gzip)} gzip, budget ${kb(SCENARIO_BUDGET)}`,
    );
    for (const [part, size] of breakdown(chunk)) console.log(`  ${part}: ${kb(size)} gzip alone`);
    expect(gzip).toBeLessThanOrEqual(SCENARIO_BUDGET);
    const ids = Object.keys(chunk.modules).join('\n');
    expect(ids).toMatch(/elements\/zz-scenario/);
    expect(ids).not.toMatch(/LocalClient|runtime\/Runtime|engine\/Engine|zod\//);
  });

  it('given @zhizhi/widgets/local, then LocalClient and the runtime are there (a chunk of their own)', async () => {
    const { gzip, chunk } = await bundle('src/local.ts');
    console.log(`@zhizhi/widgets/local (LocalClient + runtime): ${kb(gzip)} gzip`);
    expect(Object.keys(chunk.modules).join('\n')).toMatch(/client\/LocalClient/);
  });
});
