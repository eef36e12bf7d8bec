// Profiles one pan of the canvas — the designer's or tuned raw React Flow's — in Chromium, for
// finding where a frame's time goes (a tool, not a benchmark: bench/canvas.bench.tsx measures).
//   pnpm --filter @zhizhi/designer exec vitest run -c bench/canvasProfile.config.ts
// VITE_P_SIZE (steps, 1000), VITE_P_VIEW (100% | fit), VITE_P_WHO (ours | tuned),
// VITE_P_MODE (cpu: a V8 CPU profile | trace: a Chromium trace), VITE_P_OUT (the file written),
// VITE_P_COLD=1 (profile the mount and the first pan instead of a pan after a warm-up),
// VITE_P_CSS (a style sheet added to the page, to try a CSS change without editing the source).
// Summarise with `node bench/summariseProfile.mjs <file>`.
import '@xyflow/react/dist/style.css';
import '../src/canvas/designer.css';
import { expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { canvasGraph } from './canvasGraph.js';
import {
  flowInstance,
  frame,
  H,
  renderCanvas,
  renderTuned,
  type View,
  W,
} from './flowBaselines.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    profStart(mode: 'cpu' | 'trace'): Promise<null>;
    profStop(mode: 'cpu' | 'trace', file: string): Promise<null>;
  }
}

const env = (import.meta as { env?: Record<string, string> }).env ?? {};
const N = Number(env.VITE_P_SIZE ?? 1000);
const VIEW = (env.VITE_P_VIEW ?? 'fit') as View;
const WHO = env.VITE_P_WHO ?? 'ours';
const MODE = (env.VITE_P_MODE ?? 'cpu') as 'cpu' | 'trace';
const OUT = env.VITE_P_OUT ?? `/tmp/canvas-${N}-${WHO}.${MODE === 'cpu' ? 'cpuprofile' : 'json'}`;
const COLD = env.VITE_P_COLD === '1';

it('profiles a pan', async () => {
  await page.viewport(1280, 800);
  if (env.VITE_P_CSS) {
    const style = document.createElement('style');
    style.textContent = env.VITE_P_CSS;
    document.head.append(style);
  }
  const doc = canvasGraph(N);
  const host = document.createElement('div');
  host.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  document.body.append(host);
  const render = (WHO === 'tuned' ? renderTuned : renderCanvas)(doc, VIEW);
  if (COLD) await commands.profStart(MODE);
  const unmount = render(host);
  if (COLD) {
    // as the benchmark does: until steps are drawn, then one more frame
    while (!host.querySelector('canvas.zz-overview, .react-flow__node')) await frame();
    await frame();
  } else for (let i = 0; i < 30; i++) await frame();
  const flow = flowInstance();
  if (!flow) throw new Error('no React Flow instance');
  const start = flow.getViewport();
  /** Pans one viewport move per frame; the frame rate and the gaps between frames. */
  const pan = async (frames: number) => {
    const gaps: number[] = [];
    let last = performance.now();
    const t0 = last;
    for (let i = 1; i <= frames; i++) {
      void flow.setViewport({ x: start.x - i * 6, y: start.y - i * 3, zoom: start.zoom });
      await frame();
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return { fps: frames / ((performance.now() - t0) / 1000), gaps: gaps.sort((a, b) => a - b) };
  };
  if (!COLD) {
    await pan(60);
    await commands.profStart(MODE);
  }
  const r = await pan(COLD ? 60 : 120);
  await commands.profStop(MODE, OUT);
  const q = (f: number) => r.gaps[Math.floor(r.gaps.length * f)]?.toFixed(1);
  console.log(
    `${WHO} ${N} steps ${VIEW}: ${r.fps.toFixed(1)} fps; frame gaps p50 ${q(0.5)} p90 ${q(0.9)} max ${r.gaps.at(-1)?.toFixed(1)} ms → ${OUT}`,
  );
  unmount();
  host.remove();
  expect(r.fps).toBeGreaterThan(0);
});
