import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { runEmbedUnderCsp } from './test/embedUnderCsp.js';

/** Chromium as installed on the machine (never `playwright install`); see TOOLCHAIN.md. */
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
        test: {
          name: 'model',
          include: ['test/model/**/*.test.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'app',
          include: ['test/app/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            // the end-to-end test opens its exported embed in a page of its own, under a strict CSP
            commands: { runEmbedUnderCsp },
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            headless: true,
          },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'deploy',
          include: ['test/deploy/**/*.test.{ts,tsx}'],
          globalSetup: ['test/deploy/serverSetup.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            headless: true,
          },
        },
      },
      {
        // every story in stories/ as a test: it renders, its play function passes, and
        // axe-core finds no violations (.storybook/preview.tsx)
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          testTimeout: 60_000,
          // one page for every story file (each story renders into a fresh root)
          isolate: false,
          browser: {
            enabled: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            headless: true,
          },
        },
      },
      // the canvas mount benchmark (bench/canvas.bench.tsx) runs only when asked for:
      // `pnpm bench:canvas`
      ...(process.env.CANVAS_BENCH
        ? [
            {
              // React's production build for every contender, as an application ships it:
              // the development build's checks cost per element, so they weigh on the richer
              // step cards more than on raw React Flow's plain boxes
              mode: 'production',
              define: { 'process.env.NODE_ENV': JSON.stringify('production') },
              plugins: [react()],
              test: {
                name: 'canvas-bench',
                include: ['bench/canvas.bench.tsx'],
                testTimeout: 3_600_000,
                browser: {
                  enabled: true,
                  provider: chromium,
                  instances: [{ browser: 'chromium' as const }],
                  headless: true,
                },
              },
            },
          ]
        : []),
    ],
  },
});
