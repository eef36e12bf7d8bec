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
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { elementNames, onwarn, resolveOptions, treeshake } from './build/bundleOptions.mjs';

const elements = elementNames();

const external = (id) =>
  /^(lit|@lit\/|@lit-labs\/|@zhizhi\/|lit-html|lit-element)/.test(id) ||
  /^react(-dom)?(\/|$)/.test(id);

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

export default [
  {
    input: {
      index: 'src/index.ts',
      local: 'src/local.ts',
      scenario: 'src/scenario.ts',
      react: 'src/react.ts',
      ...Object.fromEntries(elements.map((e) => [`elements/${e}`, `src/elements/${e}.ts`])),
    },
    external,
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  {
    input: 'src/index.ts',
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), ts()],
    output: {
      file: 'dist/zhizhi-widgets.js',
      format: 'iife',
      name: 'ZhizhiWidgets',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
  },
  {
    input: 'src/scenario.ts',
    treeshake,
    onwarn,
    plugins: [nodeResolve(resolveOptions), ts()],
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
