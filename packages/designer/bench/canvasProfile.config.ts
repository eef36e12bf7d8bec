// The vitest set-up of bench/canvasProfile.bench.tsx: Chromium with two browser commands that
// record a V8 CPU profile or a Chromium trace of the test's page through CDP (Node side).
import { writeFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { CDPSession, Page } from 'playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

/** The trace categories: the renderer's frame phases, raster, the compositor, and cc's layers. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-cc.debug',
  'v8.execute',
  'blink',
  'cc',
  'viz',
].join(',');

let cdp: CDPSession | null = null;
const events: unknown[] = [];

const commands = {
  async profStart(ctx: { page: Page }, mode: 'cpu' | 'trace') {
    cdp = await ctx.page.context().newCDPSession(ctx.page);
    if (mode === 'cpu') {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    } else {
      events.length = 0;
      cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    }
    return null;
  },
  async profStop(_ctx: { page: Page }, mode: 'cpu' | 'trace', file: string) {
    const session = cdp;
    if (!session) return null;
    if (mode === 'cpu') {
      const { profile } = await session.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    } else {
      const done = new Promise((r) => session.once('Tracing.tracingComplete', r));
      await session.send('Tracing.end');
      await done;
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
    }
    await session.detach();
    cdp = null;
    return null;
  },
};

export default defineConfig({
  // React's production build, as the canvas benchmark measures (see vitest.config.ts)
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [react()],
  test: {
    include: ['bench/canvasProfile.bench.tsx'],
    testTimeout: 600_000,
    browser: {
      enabled: true,
      commands,
      provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
      instances: [{ browser: 'chromium' }],
      headless: true,
    },
  },
});
