import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The standalone designer app: `pnpm --filter @zhizhi/designer build:app` writes
 * `dist-app/` with relative asset paths (`base: './'`), so that it can be served from any
 * path (the server serves it at `/designer/`) or opened with no server at all. No inline
 * scripts or styles: it runs under `script-src 'self'; style-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // the checker's worker (createChecker) as an ES module file of its own, no blob: URL
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist-app', import.meta.url)),
    emptyOutDir: true,
    // the CSS as files (never a <style> element), assets never inlined as data: URLs
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: true,
  },
});
