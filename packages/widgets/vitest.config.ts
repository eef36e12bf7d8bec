import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

/** Debian's Chromium, never a downloaded one (see TOOLCHAIN.md "Real Chromium from tests"). */
const chromium = playwright({
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        // pre-bundled at start: discovered mid-run, Vite would reload the page under a test
        optimizeDeps: {
          include: [
            'idb',
            'echarts/core',
            'echarts/charts',
            'echarts/components',
            'echarts/renderers',
          ],
        },
        test: {
          name: 'chromium',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts'],
          testTimeout: 20_000,
          globalSetup: ['test/support/serverSetup.ts', 'test/support/iifeSetup.ts'],
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'node',
          include: ['test/**/*.node.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
