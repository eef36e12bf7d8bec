// Builds @zhizhi/widgets:
// - ESM for bundlers: dist/index.js, dist/local.js, dist/react.js (the @lit/react wrappers,
//   react external) and one entry per element in
//   dist/elements/<tag>.js (shared code in dist/chunks/); dependencies stay imports.
// - dist/zhizhi-widgets.js: one classic IIFE <script> for old portals with Lit, @lit/context
//   and the HTTP client inside, registering every element of src/index.ts (global
//   `ZhizhiWidgets`). LocalClient is never in it.
// - dist/zhizhi-scenario.js: src/scenario.ts (zz-scenario, defineScenarioElement) as a second
//   classic script that extends the `ZhizhiWidgets` global; outside the main script's 40 KB
//   budget (it would take it to ~40.6 KB), with its own copy of Lit (~14.8 KB gzip).
// - dist/zz-charts.js: ECharts for zz-kpi-dashboard, a self-contained ES module (nothing
//   external) that the dashboard imports dynamically the first time it draws.
// - dist/zhizhi-viz.js: src/viz.ts (zz-kpi-dashboard, zz-grid-map) as a third classic script
//   extending `ZhizhiWidgets`, with its own Lit; its `import()` of the chart chunk stays an
//   `import('./zz-charts.js')`, resolved against the script's own URL.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import {
  elementNames,
  isChartChunk,
  nodeEnvProduction,
  onwarn,
  resolveOptions,
  treeshake,
} from './build/bundleOptions.mjs';

const elements = elementNames();

const external = (id) =>
  /^(lit|@lit\/|@lit-labs\/|@zhizhi\/|lit-html|lit-element)/.test(id) ||
  /^react(-dom)?(\/|$)/.test(id);

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

/**
 * Minifies only the chart chunk of the ESM build (ECharts, loaded as is by the classic script
 * too); the other ESM files stay readable for bundlers.
 */
function minifyChartChunk() {
  const inner = terser({ ecma: 2020, module: true, format: { comments: false } });
  return {
    name: 'minify-chart-chunk',
    renderChunk(code, chunk, options, meta) {
      if (chunk.name !== 'zz-charts') return null;
      return inner.renderChunk.call(this, code, chunk, options, meta);
    },
  };
}

export default [
  {
    input: {
      index: 'src/index.ts',
      local: 'src/local.ts',
      scenario: 'src/scenario.ts',
      react: 'src/react.ts',
      viz: 'src/viz.ts',
      'zz-charts': 'src/charts/zzCharts.ts',
      ...Object.fromEntries(elements.map((e) => [`elements/${e}`, `src/elements/${e}.ts`])),
    },
    external,
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), nodeEnvProduction(), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minifyChartChunk()],
    },
  },
  {
    input: 'src/index.ts',
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), nodeEnvProduction(), ts()],
    output: {
      file: 'dist/zhizhi-widgets.js',
      format: 'iife',
      name: 'ZhizhiWidgets',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
  },
  {
    input: 'src/viz.ts',
    treeshake,
    onwarn,
    external: isChartChunk,
    plugins: [nodeResolve(resolveOptions), nodeEnvProduction(), ts()],
    output: {
      file: 'dist/zhizhi-viz.js',
      format: 'iife',
      name: 'ZhizhiWidgets',
      extend: true,
      sourcemap: true,
      paths: (id) => (isChartChunk(id) ? './zz-charts.js' : id),
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
  },
  {
    input: 'src/scenario.ts',
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), nodeEnvProduction(), ts()],
    output: {
      file: 'dist/zhizhi-scenario.js',
      format: 'iife',
      name: 'ZhizhiWidgets',
      extend: true,
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
  },
];
