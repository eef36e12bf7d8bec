import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { type OutputChunk, rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { describe, expect, it } from 'vitest';
import {
  elementNames,
  isChartChunk,
  nodeEnvProduction,
  onwarn,
  resolveOptions,
  treeshake,
} from '../build/bundleOptions.mjs';

/** Elements with a budget of their own (ECharts, the map): not in the 40 KB bundle. */
const HEAVY = new Set(['zz-kpi-dashboard', 'zz-grid-map']);
const BUDGET = 40 * 1024;
/**
 * dist/zhizhi-scenario.js (zz-scenario + defineScenarioElement, with its own Lit): a classic
 * script of its own, because in the main one it took that to ~40.6 KB.
 */
const SCENARIO_BUDGET = 16 * 1024;
/** dist/zhizhi-viz.js (zz-kpi-dashboard + zz-grid-map with their own Lit, without ECharts). */
const VIZ_BUDGET = 24 * 1024;
/** dist/zz-charts.js: ECharts core, bar and line charts, the cartesian grid, the SVG renderer. */
const CHARTS_BUDGET = 175 * 1024;

/**
 * One minified IIFE of `input` with every dependency inside, as dist/zhizhi-widgets.js is built
 * (the dashboard's chart chunk stays outside, an `import()`, as in dist/zhizhi-viz.js); `es` for
 * the chart chunk itself.
 */
async function bundle(
  input: string,
  format: 'iife' | 'es' = 'iife',
): Promise<{ gzip: number; chunk: OutputChunk }> {
  const build = await rollup({
    input,
    treeshake,
    onwarn,
    external: format === 'iife' ? isChartChunk : [],
    plugins: [
      nodeResolve(resolveOptions),
      nodeEnvProduction(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
  });
  const { output } = await build.generate({
    format,
    name: 'ZhizhiWidgets',
    paths: (id) => (isChartChunk(id) ? './zz-charts.js' : id),
    plugins: [terser({ ecma: 2020, module: format === 'es', format: { comments: false } })],
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
      const { gzip, chunk } = await bundle(`src/elements/${e}.ts`);
      console.log(`${e}: ${kb(gzip)} gzip on its own${HEAVY.has(e) ? ' (ECharts apart)' : ''}`);
      expect(gzip).toBeLessThanOrEqual(BUDGET);
      expect(Object.keys(chunk.modules).join('\n')).not.toMatch(/echarts|zrender/);
    }
  });

  it('given src/viz.ts, then dist/zhizhi-viz.js holds the dashboard and the map without ECharts, and imports the chart chunk next to itself', async () => {
    const { gzip, chunk } = await bundle('src/viz.ts');
    console.log(`zhizhi-viz.js (src/viz.ts as IIFE): ${kb(gzip)} gzip, budget ${kb(VIZ_BUDGET)}`);
    for (const [part, size] of breakdown(chunk)) console.log(`  ${part}: ${kb(size)} gzip alone`);
    expect(gzip).toBeLessThanOrEqual(VIZ_BUDGET);
    const ids = Object.keys(chunk.modules).join('\n');
    expect(ids).toMatch(/elements\/zz-kpi-dashboard/);
    expect(ids).toMatch(/elements\/zz-grid-map/);
    expect(ids).not.toMatch(/echarts|zrender|LocalClient/);
    expect(chunk.code).toContain('import("./zz-charts.js")');
  });

  it('given the chart chunk, then dist/zz-charts.js is one self-contained module (no import of its own) within its budget', async () => {
    const { gzip, chunk } = await bundle('src/charts/zzCharts.ts', 'es');
    console.log(
      `zz-charts.js (ECharts chunk, ES module): ${kb(gzip)} gzip, budget ${kb(CHARTS_BUDGET)}`,
    );
    expect(gzip).toBeLessThanOrEqual(CHARTS_BUDGET);
    expect(chunk.imports).toEqual([]);
    expect(chunk.dynamicImports).toEqual([]);
    expect(chunk.exports).toContain('createChart');
    // a browser without a bundler has no `process`: ECharts' dev checks are compiled out
    expect(chunk.code).not.toContain('process.env');
    // only what the dashboard draws: no canvas painter, no pie or map chart, no tooltip view
    expect(
      rendered(chunk)
        .map((m) => m.id)
        .join('\n'),
    ).not.toMatch(
      /zrender\/lib\/canvas\/Painter|chart\/pie\/|chart\/map\/|component\/tooltip\/TooltipView/,
    );
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
