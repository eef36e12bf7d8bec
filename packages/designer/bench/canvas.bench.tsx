// The designer's canvas against raw React Flow on the same generated graphs (1,000 / 2,000 /
// 5,000 steps), in one Chromium run: mount time and pan frame rate, at 100% zoom and with the
// whole scenario on screen (fit view), medians of ROUNDS rounds. Two baselines:
//   - raw: a first React Flow integration (default nodes, measured, every node rendered);
//   - tuned: raw React Flow as well set up as it gets (onlyRenderVisibleElements, memoised
//     nodes, straight edges, sizes and handles given up front, first viewport computed).
// Below OVERVIEW_ZOOM the designer draws steps and edges on one <canvas> (fit view does).
// Run: pnpm --filter @zhizhi/designer bench:canvas   (VITE_CANVAS_ROUNDS=n for more rounds)
import '@xyflow/react/dist/style.css';
import '../src/canvas/designer.css';
import {
  type Edge,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import { memo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DesignerCanvas } from '../src/canvas/DesignerCanvas.js';
import { OVERVIEW_ZOOM } from '../src/canvas/overviewScene.js';
import { toFlowEdges } from '../src/canvas/toFlowEdges.js';
import { checkDraft, type ScenarioDraft } from '../src/model/index.js';
import { ScenarioDesigner } from '../src/ScenarioDesigner.js';
import { canvasGraph } from './canvasGraph.js';

const env = (import.meta as { env?: Record<string, string> }).env ?? {};
const SIZES = (env.VITE_CANVAS_SIZES ?? '1000,2000,5000').split(',').map(Number);
const ROUNDS = Number(env.VITE_CANVAS_ROUNDS ?? 3);
const VIEWS = (env.VITE_CANVAS_VIEWS ?? '100%,fit').split(',') as View[];
const PAN_FRAMES = 60;
const W = 1200;
const H = 760;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

type View = '100%' | 'fit';
/** The viewport of a view: the top-left corner at zoom 1, or the whole graph on screen. */
function viewportOf(doc: ScenarioDraft, view: View): Viewport {
  if (view === '100%') return { x: 40, y: 40, zoom: 1 };
  let x1 = 0;
  let y1 = 0;
  for (const s of doc.steps) {
    x1 = Math.max(x1, (s.layout?.x ?? 0) + 200);
    y1 = Math.max(y1, (s.layout?.y ?? 0) + 110);
  }
  const zoom = Math.min((W - 40) / x1, (H - 40) / y1);
  return { x: 20, y: 20, zoom };
}

let instance: ReactFlowInstance | null = null;
/** Inside the provider: hands the React Flow instance to the benchmark, for panning. */
function Grab() {
  instance = useReactFlow();
  return null;
}

/** Renders, waits until steps are drawn (nodes, none hidden for measuring, or the overview canvas), then pans. */
async function measure(
  render: (host: HTMLElement) => () => void,
  all?: number,
): Promise<{ mount: number; fps: number }> {
  const host = document.createElement('div');
  host.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  document.body.append(host);
  instance = null;
  const t0 = performance.now();
  const unmount = render(host);
  for (;;) {
    await frame();
    if (host.querySelector('canvas.zz-overview')) break;
    const nodes = host.querySelectorAll<HTMLElement>('.react-flow__node');
    const hidden = [...nodes].some((n) => n.style.visibility === 'hidden');
    if (nodes.length > 0 && !hidden && (all === undefined || nodes.length === all)) break;
  }
  const mount = performance.now() - t0;
  const flow = instance as ReactFlowInstance | null;
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

const graphEdges = (doc: ScenarioDraft) => toFlowEdges(doc, checkDraft(doc));

function renderRaw(doc: ScenarioDraft, view: View) {
  // what a first React Flow integration does: default nodes, measured, every node rendered
  const nodes: Node[] = doc.steps.map((s) => ({
    id: s.id,
    position: s.layout ?? { x: 0, y: 0 },
    data: { label: String((s.label as { zh?: string } | undefined)?.zh ?? s.id) },
  }));
  const edges: Edge[] = graphEdges(doc).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
  }));
  const viewport = viewportOf(doc, view);
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        <ReactFlowProvider>
          <Grab />
          <ReactFlow nodes={nodes} edges={edges} defaultViewport={viewport} minZoom={0.02} />
        </ReactFlowProvider>,
      ),
    );
    return () => root.unmount();
  };
}

const TunedNode = memo(function TunedNode({ data }: NodeProps<Node<{ label: string }>>) {
  return (
    <div style={{ width: 200, height: 80, border: '1px solid #888', background: '#fff' }}>
      <Handle type="target" position={Position.Left} />
      {data.label}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
const tunedTypes = { tuned: TunedNode };

function renderTuned(doc: ScenarioDraft, view: View) {
  // raw React Flow at its best: only visible elements, memoised nodes, straight edges,
  // sizes and handles given up front, first viewport computed
  const nodes: Node[] = doc.steps.map((s) => ({
    id: s.id,
    type: 'tuned',
    position: s.layout ?? { x: 0, y: 0 },
    width: 200,
    height: 80,
    handles: [
      { type: 'target', position: Position.Left, x: -4, y: 36, width: 8, height: 8 },
      { type: 'source', position: Position.Right, x: 196, y: 36, width: 8, height: 8 },
    ],
    data: { label: String((s.label as { zh?: string } | undefined)?.zh ?? s.id) },
  }));
  const edges: Edge[] = graphEdges(doc).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'straight',
  }));
  const viewport = viewportOf(doc, view);
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        <ReactFlowProvider>
          <Grab />
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={tunedTypes}
            defaultViewport={viewport}
            onlyRenderVisibleElements
            minZoom={0.02}
          />
        </ReactFlowProvider>,
      ),
    );
    return () => root.unmount();
  };
}

function renderCanvas(doc: ScenarioDraft, view: View) {
  const check = checkDraft(doc);
  const viewport = viewportOf(doc, view);
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        <ReactFlowProvider>
          <Grab />
          <DesignerCanvas
            doc={doc}
            check={check}
            lang="zh-CN"
            selection={{ steps: new Set() }}
            onSelectionChange={() => {}}
            run={() => []}
            onRefused={() => {}}
            size={{ width: W, height: H }}
            viewport={viewport}
          />
        </ReactFlowProvider>,
      ),
    );
    return () => root.unmount();
  };
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
