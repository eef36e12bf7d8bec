import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
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
          exclude: ['test/**/*.node.test.ts', 'test/react.test.ts'],
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
        // the @lit/react wrappers under React 18, the version they exist for (React 19 uses
        // the elements directly): `react` and `react-dom` are the react18 / react-dom18 aliases
        resolve: {
          alias: [
            { find: /^react$/, replacement: 'react18' },
            { find: /^react-dom\/client$/, replacement: 'react-dom18/client' },
          ],
        },
        optimizeDeps: { include: ['idb', 'react18', 'react-dom18/client'] },
        test: {
          name: 'react18',
          include: ['test/react.test.ts'],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // every story in stories/ as a test: it renders, its play function passes, and
        // axe-core finds no violations (.storybook/preview.ts)
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: { include: ['idb', 'axe-core'] },
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          // one page for every story file: each story renders into a fresh root and seeds its
          // own store, so a page per file would only add start-up time
          isolate: false,
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
