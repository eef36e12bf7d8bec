import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  // browsers and Node alike: fetch and standard Web APIs only
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  dts: true,
  clean: true,
});
