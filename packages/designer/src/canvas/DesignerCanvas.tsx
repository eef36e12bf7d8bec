import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  type Viewport,
} from '@xyflow/react';
import type { Lang } from '@zhizhi/core';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type BranchRef,
  type Command,
  canConnect,
  canDrop,
  type DraftCheck,
  freshId,
  type Refusal,
  type ScenarioDraft,
  type StepKind,
} from '../model/index.js';
import { uiText } from '../panels/uiText.js';
import { BranchNode } from './BranchNode.js';
import { initialViewport } from './initialViewport.js';
import { newStep } from './newStep.js';
import { OverviewLayer } from './OverviewLayer.js';
import { hitStep, OVERVIEW_ZOOM, overviewScene } from './overviewScene.js';
import { StepNode } from './StepNode.js';
import { toFlowEdges } from './toFlowEdges.js';
import { type NodeCache, toFlowNodes } from './toFlowNodes.js';

/** The drag-and-drop type the palette puts the step kind under. */
export const STEP_KIND_MIME = 'application/x-zhizhi-step-kind';

const nodeTypes = { step: StepNode, branch: BranchNode };
const proOptions = { hideAttribution: true };

/** What the canvas shows selected. */
export interface CanvasSelection {
  steps: ReadonlySet<string>;
  edge?: string;
}

/** Props of {@link DesignerCanvas}. */
export interface DesignerCanvasProps {
  doc: ScenarioDraft;
  check: DraftCheck;
  lang: Lang;
  selection: CanvasSelection;
  onSelectionChange(selection: CanvasSelection): void;
  run(commands: readonly Command[], group?: string): Refusal[];
  onRefused(refusals: Refusal[]): void;
  /** A step to bring into view (a new object each time). */
  focus?: { step: string } | null;
  /** Size of the canvas at mount, for the first viewport. */
  size?: { width: number; height: number };
  /** Steps active in a simulated instance: highlighted. */
  active?: ReadonlySet<string>;
  /** The first viewport, instead of the computed one (e.g. the whole scenario, zoomed out). */
  viewport?: Viewport;
}

const NONE: never[] = [];
/**
 * From this many steps on the minimap and the dot grid are left out (zoom out for the overview
 * instead): at 1,000 steps they made the mount 2.3× tuned raw React Flow's instead of 1.3×, and the
 * pan 0.71× its frame rate instead of 0.91× (bench/canvas.bench.tsx, 3 rounds).
 */
const MINIMAP_STEPS = 1000;

/** The branch frame (if any) that contains a flow position. @internal */
function branchAt(nodes: Node[], p: { x: number; y: number }): BranchRef | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n?.type !== 'branch') continue;
    const w = n.width ?? 0;
    const h = n.height ?? 0;
    if (
      p.x >= n.position.x &&
      p.x <= n.position.x + w &&
      p.y >= n.position.y &&
      p.y <= n.position.y + h
    ) {
      const [parallel = '', branch = ''] = n.id.slice('branch:'.length).split('/');
      return { parallel, branch };
    }
  }
  return undefined;
}

/**
 * Adds a step of `kind` at a flow position (into the branch frame there, if any), as the
 * palette's drop and keyboard add do; `canDrop` decides. Returns the new step's id and the
 * refusals (empty when added).
 *
 * @internal
 */
export function addStepAt(
  doc: ScenarioDraft,
  nodes: Node[],
  kind: StepKind,
  position: { x: number; y: number },
  run: DesignerCanvasProps['run'],
): { id: string; refusals: Refusal[] } {
  const parent = branchAt(nodes, position);
  const where = parent ? { position, parent } : { position };
  const id = freshId(kind, new Set(doc.steps.map((s) => s.id)));
  const refused = canDrop(doc, kind, where);
  if (refused.length > 0) return { id, refusals: refused };
  return { id, refusals: run([{ type: 'addStep', step: newStep(kind, id), ...where }]) };
}

/**
 * The scenario on a React Flow canvas: steps as nodes, outcomes as edges, parallel branches
 * as frames. Moving a node is the model's `moveStep` (one drag = one undo step), connecting is
 * `connect` (offered only where `canConnect` allows), a palette drop is `addStep` (where
 * `canDrop` allows). Set up for large scenarios: only visible elements render, nodes are
 * memoised with their sizes and handles given, and the first viewport is computed.
 *
 * @example
 * ```tsx
 * import { ReactFlowProvider } from '@xyflow/react';
 * import { DesignerCanvas } from '@zhizhi/designer';
 * <ReactFlowProvider><DesignerCanvas doc={doc} check={check} lang="zh-CN" … /></ReactFlowProvider>;
 * ```
 */
export function DesignerCanvas(props: DesignerCanvasProps) {
  const { doc, check, lang, selection, onSelectionChange, run, onRefused, focus } = props;
  const flow = useReactFlow();
  const cache = useRef<NodeCache>(new WeakMap());
  const derived = useMemo(
    () => toFlowNodes(doc, check, lang, selection.steps, cache.current, props.active),
    [doc, check, lang, selection.steps, props.active],
  );
  const edges = useMemo(
    () => toFlowEdges(doc, check, selection.edge),
    [doc, check, selection.edge],
  );
  const [dragged, setDragged] = useState<Map<string, { x: number; y: number }> | null>(null);
  const nodes = useMemo(
    () =>
      dragged
        ? derived.map((n) => {
            const p = dragged.get(n.id);
            return p ? { ...n, position: p, dragging: true } : n;
          })
        : derived,
    [derived, dragged],
  );
  const state = useRef({ doc, nodes, selection, dragged });
  state.current = { doc, nodes, selection, dragged };
  const drags = useRef(0);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const { selection: sel, dragged: moving } = state.current;
      let steps: Set<string> | undefined;
      let next = moving;
      const moves: Command[] = [];
      let ended = false;
      for (const c of changes) {
        if (c.type === 'select') {
          steps ??= new Set(sel.steps);
          if (c.selected) steps.add(c.id);
          else steps.delete(c.id);
        } else if (c.type === 'position') {
          if (c.dragging && c.position) {
            next = new Map(next ?? []);
            next.set(c.id, c.position);
          } else if (c.dragging === false && moving?.has(c.id)) {
            ended = true;
            if (c.position) {
              next = new Map(next ?? []);
              next.set(c.id, c.position);
            }
          } else if (c.position) {
            moves.push({ type: 'moveStep', step: c.id, position: round(c.position) });
          }
        }
      }
      if (steps) onSelectionChange({ steps, ...(sel.edge ? { edge: sel.edge } : {}) });
      if (ended && next) {
        for (const [id, p] of next) moves.push({ type: 'moveStep', step: id, position: round(p) });
        next = null;
        drags.current += 1;
      }
      if (next !== moving) setDragged(next);
      if (moves.length > 0) {
        const refused = run(
          moves,
          `move-${drags.current}-${moves.map((m) => (m as { step: string }).step).join(',')}`,
        );
        if (refused.length > 0) onRefused(refused);
      }
    },
    [onSelectionChange, run, onRefused],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const sel = state.current.selection;
      let edge = sel.edge;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) edge = c.id;
        else if (edge === c.id) edge = undefined;
      }
      if (edge !== sel.edge) onSelectionChange({ steps: sel.steps, ...(edge ? { edge } : {}) });
    },
    [onSelectionChange],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      typeof c.sourceHandle === 'string' &&
      canConnect(state.current.doc, c.source, c.sourceHandle, connectionTarget(c)).length === 0,
    [],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (typeof c.sourceHandle !== 'string') return;
      const refused = run([
        { type: 'connect', from: c.source, outcome: c.sourceHandle, to: connectionTarget(c) },
      ]);
      if (refused.length > 0) onRefused(refused);
    },
    [run, onRefused],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(STEP_KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(STEP_KIND_MIME);
      if (!kind) return;
      e.preventDefault();
      const p = round(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      const added = addStepAt(state.current.doc, state.current.nodes, kind as StepKind, p, run);
      if (added.refusals.length > 0) onRefused(added.refusals);
      else onSelectionChange({ steps: new Set([added.id]) });
    },
    [flow, run, onRefused, onSelectionChange],
  );

  useEffect(() => {
    if (!focus) return;
    const n = state.current.nodes.find((x) => x.id === focus.step);
    if (!n) return;
    const z = flow.getZoom();
    void flow.setCenter(n.position.x + (n.width ?? 0) / 2, n.position.y + (n.height ?? 0) / 2, {
      zoom: Math.max(z, 0.8),
    });
  }, [focus, flow]);

  const [viewport] = useState(() => {
    if (props.viewport) return props.viewport;
    const steps = derived.filter((n) => n.type === 'step');
    if (steps.length === 0) return { x: 0, y: 0, zoom: 1 };
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of steps) {
      x0 = Math.min(x0, n.position.x);
      y0 = Math.min(y0, n.position.y);
      x1 = Math.max(x1, n.position.x + (n.width ?? 0));
      y1 = Math.max(y1, n.position.y + (n.height ?? 0));
    }
    return initialViewport(
      { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      props.size ?? { width: 900, height: 600 },
    );
  });

  // zoomed out: one <canvas> instead of thousands of DOM nodes (see OVERVIEW_ZOOM)
  // (until React Flow has set up its viewport, the store's zoom is not yet the first viewport's)
  const first = viewport.zoom;
  const overview = useStore(
    useCallback(
      (s: { transform: [number, number, number]; panZoom: unknown }) =>
        (s.panZoom ? s.transform[2] : first) < OVERVIEW_ZOOM,
      [first],
    ),
  );
  const scene = useMemo(
    () => (overview ? overviewScene(doc, check) : null),
    [overview, doc, check],
  );
  const onPaneClick = useCallback(
    (e: { clientX: number; clientY: number }) => {
      if (!scene) return;
      const hit = hitStep(scene, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      if (!hit) return;
      onSelectionChange({ steps: new Set([hit.id]) });
      void flow.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 1 });
    },
    [scene, flow, onSelectionChange],
  );

  return (
    <ReactFlow
      aria-label={uiText('canvas', lang)}
      nodes={scene ? NONE : nodes}
      edges={scene ? NONE : edges}
      onPaneClick={onPaneClick}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      defaultViewport={viewport}
      onlyRenderVisibleElements
      deleteKeyCode={null}
      minZoom={0.02}
      proOptions={proOptions}
      nodeOrigin={[0, 0]}
    >
      {/* the dot grid repaints the whole pane on every pan frame (measured: 5,000 steps at
          100% panned at 0.41× tuned raw React Flow with it, 0.73× without): none in the
          overview, nor from MINIMAP_STEPS steps on */}
      {scene || doc.steps.length >= MINIMAP_STEPS ? null : <Background />}
      <Controls showInteractive={false} />
      {scene ? <OverviewLayer scene={scene} selected={selection.steps} lang={lang} /> : null}
      {/* React Flow's minimap draws one SVG shape per step: only below MINIMAP_STEPS */}
      {scene || doc.steps.length >= MINIMAP_STEPS ? null : <MiniMap pannable zoomable />}
    </ReactFlow>
  );
}

/** Where a connection leads: its target step, or `@join` for a parallel step's `join` handle. */
const connectionTarget = (c: Connection | Edge) => (c.targetHandle === 'join' ? '@join' : c.target);

const round = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });
