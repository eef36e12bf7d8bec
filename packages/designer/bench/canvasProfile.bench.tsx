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
import { commands, page } from 'vitest/browser';
import { DesignerCanvas } from '../src/canvas/DesignerCanvas.js';
import { toFlowEdges } from '../src/canvas/toFlowEdges.js';
import { checkDraft, type ScenarioDraft } from '../src/model/index.js';
import { canvasGraph } from './canvasGraph.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    profStart(mode: 'cpu' | 'trace'): Promise<null>;
    profStop(mode: 'cpu' | 'trace', file: string): Promise<null>;
  }
}

const env = (import.meta as { env?: Record<string, string> }).env ?? {};
const N = Number(env.VITE_P_SIZE ?? 1000);
const VIEW = env.VITE_P_VIEW ?? 'fit';
const WHO = env.VITE_P_WHO ?? 'ours';
const MODE = (env.VITE_P_MODE ?? 'cpu') as 'cpu' | 'trace';
const OUT = env.VITE_P_OUT ?? `/tmp/canvas-${N}-${WHO}.${MODE === 'cpu' ? 'cpuprofile' : 'json'}`;
const COLD = env.VITE_P_COLD === '1';
const W = 1200;
const H = 760;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

/** The same viewports as bench/canvas.bench.tsx. */
function viewportOf(doc: ScenarioDraft): Viewport {
  if (VIEW === '100%') return { x: 40, y: 40, zoom: 1 };
  let x1 = 0;
  let y1 = 0;
  for (const s of doc.steps) {
    x1 = Math.max(x1, (s.layout?.x ?? 0) + 200);
    y1 = Math.max(y1, (s.layout?.y ?? 0) + 110);
  }
  return { x: 20, y: 20, zoom: Math.min((W - 40) / x1, (H - 40) / y1) };
}

/** bench/canvas.bench.tsx's tuned raw React Flow node. */
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

function Tuned({ doc, viewport }: { doc: ScenarioDraft; viewport: Viewport }) {
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
  const edges: Edge[] = toFlowEdges(doc, checkDraft(doc)).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'straight',
  }));
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={tunedTypes}
      defaultViewport={viewport}
      onlyRenderVisibleElements
      minZoom={0.02}
    />
  );
}

let instance: ReactFlowInstance | null = null;
function Grab() {
  instance = useReactFlow();
  return null;
}

it('profiles a pan', async () => {
  await page.viewport(1280, 800);
  if (env.VITE_P_CSS) {
    const style = document.createElement('style');
    style.textContent = env.VITE_P_CSS;
    document.head.append(style);
  }
  const doc = canvasGraph(N);
  const check = checkDraft(doc);
  const host = document.createElement('div');
  host.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  document.body.append(host);
  if (COLD) await commands.profStart(MODE);
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <ReactFlowProvider>
        <Grab />
        {WHO === 'tuned' ? (
          <Tuned doc={doc} viewport={viewportOf(doc)} />
        ) : (
          <DesignerCanvas
            doc={doc}
            check={check}
            lang="zh-CN"
            selection={{ steps: new Set() }}
            onSelectionChange={() => {}}
            run={() => []}
            onRefused={() => {}}
            size={{ width: W, height: H }}
            viewport={viewportOf(doc)}
          />
        )}
      </ReactFlowProvider>,
    ),
  );
  if (COLD) {
    // as the benchmark does: until steps are drawn, then one more frame
    while (!host.querySelector('canvas.zz-overview, .react-flow__node')) await frame();
    await frame();
  } else for (let i = 0; i < 30; i++) await frame();
  const flow = instance as ReactFlowInstance | null;
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
  root.unmount();
  host.remove();
  expect(r.fps).toBeGreaterThan(0);
});
