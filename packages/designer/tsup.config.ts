import { defineConfig } from 'tsup';

export default defineConfig({
  // `index`: the React designer; `model`: the framework-free edit model (no React imports)
  entry: { index: 'src/index.ts', model: 'src/model/index.ts' },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  dts: true,
  clean: true,
  external: ['react', 'react-dom', '@xyflow/react', '@xstate/react', 'xstate', /^@zhizhi\/core/],
});
