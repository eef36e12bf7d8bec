import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { zhizhi: 'src/zhizhi.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
});
