// The designer's canvas against raw React Flow on the same generated graphs (1,000 / 2,000 /
// 5,000 steps), in one Chromium run: mount time and pan frame rate, at 100% zoom and with the
// whole scenario on screen (fit view), medians of ROUNDS rounds. Two baselines:
//   - raw: a first React Flow integration (default nodes, measured, every node rendered);
//   - tuned: raw React Flow as well set up as it gets (onlyRenderVisibleElements, memoised
//     nodes, straight edges, sizes and handles given up front, first viewport computed).
// All three build what they draw from the document inside the timed mount (bench/flowBaselines.tsx).
// Below OVERVIEW_ZOOM the designer draws steps and edges on one <canvas> (fit view does).
// Run: pnpm --filter @zhizhi/designer bench:canvas   (VITE_CANVAS_ROUNDS=n for more rounds)
import '@xyflow/react/dist/style.css';
import '../src/canvas/designer.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { OVERVIEW_ZOOM } from '../src/canvas/overviewScene.js';
import { checkDraft, type ScenarioDraft } from '../src/model/index.js';
import { ScenarioDesigner } from '../src/ScenarioDesigner.js';
import { canvasGraph } from './canvasGraph.js';
import {
  flowInstance,
  frame,
  H,
  renderCanvas,
  renderRaw,
  renderTuned,
  type View,
  viewportOf,
  W,
} from './flowBaselines.js';

const env = (import.meta as { env?: Record<string, string> }).env ?? {};
const SIZES = (env.VITE_CANVAS_SIZES ?? '1000,2000,5000').split(',').map(Number);
const ROUNDS = Number(env.VITE_CANVAS_ROUNDS ?? 3);
const VIEWS = (env.VITE_CANVAS_VIEWS ?? '100%,fit').split(',') as View[];
const PAN_FRAMES = 60;
/** Resolves after the tasks queued before it (React's scheduler, observers) have run. */
const task = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(null);
    channel.port2.postMessage(null);
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Renders, waits until steps are drawn (nodes, none hidden for measuring, or the overview canvas), then pans. */
async function measure(
  render: (host: HTMLElement) => () => void,
  all?: number,
): Promise<{ mount: number; fps: number }> {
  const host = document.createElement('div');
  host.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  document.body.append(host);
  const t0 = performance.now();
  const unmount = render(host);
  for (;;) {
    // polled between tasks, not once a frame: a mount of one or two frames would otherwise be
    // measured in steps of 16.7 ms (the paint that follows is the same for every contender)
    await task();
    if (host.querySelector('canvas.zz-overview')) break;
    const nodes = host.querySelectorAll<HTMLElement>('.react-flow__node');
    const hidden = [...nodes].some((n) => n.style.visibility === 'hidden');
    if (nodes.length > 0 && !hidden && (all === undefined || nodes.length === all)) break;
  }
  const mount = performance.now() - t0;
  const flow = flowInstance();
  if (!flow) throw new Error('no React Flow instance');
  const start = flow.getViewport();
  await frame();
  const t1 = performance.now();
  for (let i = 1; i <= PAN_FRAMES; i++) {
    void flow.setViewport({ x: start.x - i * 6, y: start.y - i * 3, zoom: start.zoom });
    await frame();
  }
  const fps = PAN_FRAMES / ((performance.now() - t1) / 1000);
  unmount();
  host.remove();
  await frame();
  return { mount, fps };
}

/** The whole designer (palette, panels, check) at its own first viewport: mount only. */
async function mountDesigner(doc: ScenarioDraft): Promise<number> {
  const host = document.createElement('div');
  host.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  document.body.append(host);
  const t0 = performance.now();
  const root = createRoot(host);
  flushSync(() => root.render(<ScenarioDesigner value={doc} />));
  for (;;) {
    await frame();
    const nodes = host.querySelectorAll<HTMLElement>('.react-flow__node');
    if (nodes.length > 0 && ![...nodes].some((n) => n.style.visibility === 'hidden')) break;
  }
  const ms = performance.now() - t0;
  root.unmount();
  host.remove();
  await frame();
  return ms;
}

it('the designer against raw React Flow (plain and tuned): mount and pan, 100% and fit view', async () => {
  await page.viewport(1280, 800);
  const rows: string[] = [];
  for (const n of SIZES) {
    const doc = canvasGraph(n);
    for (const view of VIEWS) {
      const r = { raw: [] as number[], tuned: [] as number[], ours: [] as number[] };
      const f = { raw: [] as number[], tuned: [] as number[], ours: [] as number[] };
      for (let k = 0; k < ROUNDS; k++) {
        // interleaved, so that all three see the same load (the machine is shared)
        const a = await measure(renderRaw(doc, view), n);
        const b = await measure(renderTuned(doc, view));
        const c = await measure(renderCanvas(doc, view));
        r.raw.push(a.mount);
        r.tuned.push(b.mount);
        r.ours.push(c.mount);
        f.raw.push(a.fps);
        f.tuned.push(b.fps);
        f.ours.push(c.fps);
        console.log(
          `n=${n} ${view} round ${k + 1}: mount raw ${a.mount.toFixed(0)} / tuned ${b.mount.toFixed(0)} / ours ${c.mount.toFixed(0)} ms; pan raw ${a.fps.toFixed(1)} / tuned ${b.fps.toFixed(1)} / ours ${c.fps.toFixed(1)} fps`,
        );
      }
      const m = { raw: median(r.raw), tuned: median(r.tuned), ours: median(r.ours) };
      const p = { raw: median(f.raw), tuned: median(f.tuned), ours: median(f.ours) };
      const zoom = viewportOf(doc, view).zoom;
      rows.push(
        [
          `${String(n).padStart(5)} steps`,
          `${view.padEnd(4)} (zoom ${zoom.toFixed(3)}${zoom < OVERVIEW_ZOOM ? ', overview' : ''})`,
          `mount ms raw ${m.raw.toFixed(0)} tuned ${m.tuned.toFixed(0)} ours ${m.ours.toFixed(0)}`,
          `ours/raw ${(m.ours / m.raw).toFixed(2)} ours/tuned ${(m.ours / m.tuned).toFixed(2)}`,
          `pan fps raw ${p.raw.toFixed(1)} tuned ${p.tuned.toFixed(1)} ours ${p.ours.toFixed(1)}`,
          `ours/raw ${(p.ours / p.raw).toFixed(2)} ours/tuned ${(p.ours / p.tuned).toFixed(2)}`,
        ].join(' | '),
      );
      console.log(`result: ${rows.at(-1)}`);
    }
    const designer: number[] = [];
    for (let k = 0; k < ROUNDS; k++) designer.push(await mountDesigner(doc));
    const t0 = performance.now();
    checkDraft(doc);
    rows.push(
      `${String(n).padStart(5)} steps | whole designer (with check) mount median ${median(designer).toFixed(0)} ms | one check ${(performance.now() - t0).toFixed(0)} ms`,
    );
  }
  console.log(
    `\ncanvas: medians of ${ROUNDS} rounds, Chromium ${W}×${H}, pan = ${PAN_FRAMES} viewport moves, one per frame\n${rows.join('\n')}`,
  );
  expect(rows.length).toBe(SIZES.length * (VIEWS.length + 1));
});
