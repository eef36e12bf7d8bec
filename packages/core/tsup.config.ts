import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    labels: 'src/labels.ts',
    'kpi/index': 'src/kpi/index.ts',
    persist: 'src/persist.ts',
    config: 'src/config.ts',
    scenario: 'src/scenario.ts',
    alert: 'src/alert.ts',
    json: 'src/json.ts',
    'sample/index': 'src/sample/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
});
