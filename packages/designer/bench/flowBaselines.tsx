// What the canvas benchmark and the canvas profiler share: the page size, the two views, raw
// React Flow as a first integration ("raw") and as well set up as it gets ("tuned"), the
// designer's canvas, and a handle on the React Flow instance for panning. One place, so that the
// profiler profiles exactly what the benchmark measures.
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
import { DesignerCanvas } from '../src/canvas/DesignerCanvas.js';
import { toFlowEdges } from '../src/canvas/toFlowEdges.js';
import { checkDraft, type ScenarioDraft } from '../src/model/index.js';

/** The pane's size in CSS pixels. */
export const W = 1200;
export const H = 760;

/** Resolves at the next animation frame. */
export const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

export type View = '100%' | 'fit';

/** The viewport of a view: the top-left corner at zoom 1, or the whole graph on screen. */
export function viewportOf(doc: ScenarioDraft, view: View): Viewport {
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

/** The React Flow instance of the flow rendered last (for panning), or null before it mounts. */
export const flowInstance = () => instance;

/** Inside the provider: hands the React Flow instance to the benchmark. */
function Grab() {
  instance = useReactFlow();
  return null;
}

const labelOf = (s: ScenarioDraft['steps'][number]) =>
  String((s.label as { zh?: string } | undefined)?.zh ?? s.id);

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

/** Renders `ui` into `host` inside a React Flow provider, synchronously; returns the unmount. */
function mount(host: HTMLElement, ui: React.ReactNode): () => void {
  instance = null;
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <ReactFlowProvider>
        <Grab />
        {ui}
      </ReactFlowProvider>,
    ),
  );
  return () => root.unmount();
}

/**
 * A render function per contender. Each builds what it draws from the document inside the
 * render (timed by the benchmark), as an application does when it opens a document: raw and
 * tuned React Flow their node and edge lists, the designer its own. The check (the edges'
 * outcomes) is computed before, for all three alike.
 */
export type Contender = (doc: ScenarioDraft, view: View) => (host: HTMLElement) => () => void;

/** A first React Flow integration: default nodes, measured, every node rendered. */
export const renderRaw: Contender = (doc, view) => {
  const links = toFlowEdges(doc, checkDraft(doc));
  const viewport = viewportOf(doc, view);
  return (host) => {
    const nodes: Node[] = doc.steps.map((s) => ({
      id: s.id,
      position: s.layout ?? { x: 0, y: 0 },
      data: { label: labelOf(s) },
    }));
    const edges: Edge[] = links.map((e) => ({ id: e.id, source: e.source, target: e.target }));
    return mount(
      host,
      <ReactFlow nodes={nodes} edges={edges} defaultViewport={viewport} minZoom={0.02} />,
    );
  };
};

/**
 * Raw React Flow at its best: only visible elements, memoised nodes, straight edges, sizes and
 * handles given up front, first viewport computed.
 */
export const renderTuned: Contender = (doc, view) => {
  const links = toFlowEdges(doc, checkDraft(doc));
  const viewport = viewportOf(doc, view);
  return (host) => {
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
      data: { label: labelOf(s) },
    }));
    const edges: Edge[] = links.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'straight',
    }));
    return mount(
      host,
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={tunedTypes}
        defaultViewport={viewport}
        onlyRenderVisibleElements
        minZoom={0.02}
      />,
    );
  };
};

/** The designer's canvas with its real step cards (labels, icons, diagnostics badges). */
export const renderCanvas: Contender = (doc, view) => {
  const check = checkDraft(doc);
  const viewport = viewportOf(doc, view);
  return (host) =>
    mount(
      host,
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
      />,
    );
};
