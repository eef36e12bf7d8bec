import { defineConfig } from 'tsup';

/** The public entries (`exports` in package.json), by output name. */
const entries = {
  index: 'src/index.ts',
  labels: 'src/labels.ts',
  'kpi/index': 'src/kpi/index.ts',
  persist: 'src/persist.ts',
  config: 'src/config.ts',
  scenario: 'src/scenario.ts',
  alert: 'src/alert.ts',
  duty: 'src/duty.ts',
  expr: 'src/expr.ts',
  json: 'src/json.ts',
  privacy: 'src/privacy.ts',
  'sample/index': 'src/sample/index.ts',
  runtime: 'src/runtime.ts',
  client: 'src/client.ts',
  testing: 'src/testing.ts',
};

export default defineConfig([
  {
    // JavaScript: one output file per source module, not bundles with shared chunks, so that a
    // consumer's bundler drops unused modules of dist exactly as it would of src
    // ("sideEffects": false works per file; zod schema calls inside a merged chunk could not be
    // dropped). test/bundleSize.test.ts holds each entry to a budget through dist.
    entry: ['src/**/*.ts'],
    bundle: false,
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
    clean: false,
    silent: true,
    // keep `with { type: 'json' }` on the built-in scenarios' imports: Node needs it
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'import-attributes': true };
    },
  },
  {
    // Types: one rolled-up declaration file per public entry.
    entry: entries,
    format: ['esm'],
    dts: { only: true },
    target: 'es2022',
    outDir: 'dist',
    clean: false,
  },
]);
