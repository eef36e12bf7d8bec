// Mount time of the designer's canvas against raw React Flow with default settings, in the
// same Chromium run, for 1,000 / 2,000 / 5,000 generated steps (medians of ROUNDS rounds).
// Run: pnpm --filter @zhizhi/designer bench:canvas   (prints a table with the ratios)
import '@xyflow/react/dist/style.css';
import '../src/canvas/designer.css';
import { type Edge, type Node, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DesignerCanvas } from '../src/canvas/DesignerCanvas.js';
import { toFlowEdges } from '../src/canvas/toFlowEdges.js';
import { checkDraft, type ScenarioDraft } from '../src/model/index.js';
import { ScenarioDesigner } from '../src/ScenarioDesigner.js';
import { canvasGraph } from './canvasGraph.js';

const SIZES = [1000, 2000, 5000];
const ROUNDS = Number(
  (import.meta as { env?: Record<string, string> }).env?.VITE_CANVAS_ROUNDS ?? 3,
);
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Renders, then waits until nodes are drawn and none is still hidden for measuring. */
async function mount(render: (host: HTMLElement) => () => void, all?: number): Promise<number> {
  const host = document.createElement('div');
  host.style.cssText = 'width:1200px;height:760px;position:relative';
  document.body.append(host);
  const t0 = performance.now();
  const unmount = render(host);
  for (;;) {
    await frame();
    const nodes = host.querySelectorAll<HTMLElement>('.react-flow__node');
    const hidden = [...nodes].some((n) => n.style.visibility === 'hidden');
    if (nodes.length > 0 && !hidden && (all === undefined || nodes.length === all)) break;
  }
  const ms = performance.now() - t0;
  unmount();
  host.remove();
  await frame();
  return ms;
}

function renderRaw(doc: ScenarioDraft) {
  // what a first React Flow integration does: default nodes, measured, every node rendered
  const nodes: Node[] = doc.steps.map((s) => ({
    id: s.id,
    position: s.layout ?? { x: 0, y: 0 },
    data: { label: String((s.label as { zh?: string } | undefined)?.zh ?? s.id) },
  }));
  const edges: Edge[] = toFlowEdges(doc, checkDraft(doc)).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
  }));
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        <ReactFlow nodes={nodes} edges={edges} defaultViewport={{ x: 0, y: 0, zoom: 1 }} />,
      ),
    );
    return () => root.unmount();
  };
}

function renderCanvas(doc: ScenarioDraft) {
  const check = checkDraft(doc);
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        <ReactFlowProvider>
          <DesignerCanvas
            doc={doc}
            check={check}
            lang="zh-CN"
            selection={{ steps: new Set() }}
            onSelectionChange={() => {}}
            run={() => []}
            onRefused={() => {}}
            size={{ width: 1200, height: 760 }}
          />
        </ReactFlowProvider>,
      ),
    );
    return () => root.unmount();
  };
}

function renderDesigner(doc: ScenarioDraft) {
  return (host: HTMLElement) => {
    const root = createRoot(host);
    flushSync(() => root.render(<ScenarioDesigner value={doc} />));
    return () => root.unmount();
  };
}

it('mounts 1,000 / 2,000 / 5,000 steps: the designer against raw React Flow', async () => {
  await page.viewport(1280, 800);
  const rows: Record<string, string | number>[] = [];
  for (const n of SIZES) {
    const doc = canvasGraph(n);
    const raw: number[] = [];
    const canvas: number[] = [];
    const designer: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      raw.push(await mount(renderRaw(doc), n));
      canvas.push(await mount(renderCanvas(doc)));
      designer.push(await mount(renderDesigner(doc)));
      console.log(
        `n=${n} round ${r + 1}: raw ${raw.at(-1)?.toFixed(0)} ms, canvas ${canvas.at(-1)?.toFixed(0)} ms, designer ${designer.at(-1)?.toFixed(0)} ms`,
      );
    }
    const t0 = performance.now();
    checkDraft(doc);
    const checkMs = performance.now() - t0;
    rows.push({
      steps: n,
      'raw React Flow ms': Math.round(median(raw)),
      'canvas ms': Math.round(median(canvas)),
      'canvas / raw': Number((median(canvas) / median(raw)).toFixed(2)),
      'designer (with check) ms': Math.round(median(designer)),
      'designer / raw': Number((median(designer) / median(raw)).toFixed(2)),
      'check ms': Math.round(checkMs),
    });
  }
  console.log(`canvas mount, medians of ${ROUNDS} rounds (Chromium, 1200×760, zoom 1)`);
  for (const r of rows)
    console.log(
      Object.entries(r)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' | '),
    );
  for (const r of rows) expect(r['canvas ms']).toBeGreaterThan(0);
});
