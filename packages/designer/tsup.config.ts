import { defineConfig } from 'tsup';

export default defineConfig({
  // `index`: the React designer; `model`: the framework-free edit model (no React imports)
  // `checkWorker`: the checker's module Web Worker, next to index.js as createChecker's
  // `new URL('./checkWorker.js', import.meta.url)` expects it
  entry: {
    index: 'src/index.ts',
    model: 'src/model/index.ts',
    checkWorker: 'src/check/checkWorker.ts',
  },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  dts: true,
  clean: true,
  external: ['react', 'react-dom', '@xyflow/react', '@xstate/react', 'xstate', /^@zhizhi\/core/],
});
