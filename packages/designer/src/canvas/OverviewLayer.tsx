import { useStoreApi } from '@xyflow/react';
import type { Lang } from '@zhizhi/core';
import { useEffect, useRef } from 'react';
import { canvasText } from '../panels/canvasText.js';
import type { OverviewScene, OverviewState } from './overviewScene.js';

/** Fill colours of the overview's boxes (the node colours of designer.css, solid). */
export const overviewColours: Record<OverviewState | 'selected' | 'edge' | 'edgeError', string> = {
  ok: '#64748b',
  warning: '#d97706',
  error: '#dc2626',
  selected: '#2563eb',
  edge: '#94a3b8',
  edgeError: '#dc2626',
};

/** Props of {@link OverviewLayer}. */
export interface OverviewLayerProps {
  scene: OverviewScene;
  selected: ReadonlySet<string>;
  lang: Lang;
}

type Paths = Record<OverviewState | 'selected' | 'edge' | 'edgeError', Path2D>;

/** The scene as one path per colour, in flow coordinates: built once, then only transformed. */
function scenePaths(scene: OverviewScene, selected: ReadonlySet<string>): Paths {
  const paths: Paths = {
    edge: new Path2D(),
    edgeError: new Path2D(),
    ok: new Path2D(),
    warning: new Path2D(),
    error: new Path2D(),
    selected: new Path2D(),
  };
  const e = scene.edges;
  for (let i = 0, k = 0; i < e.length; i += 4, k++) {
    const p = scene.edgeErrors[k] ? paths.edgeError : paths.edge;
    p.moveTo(e[i] as number, e[i + 1] as number);
    p.lineTo(e[i + 2] as number, e[i + 3] as number);
  }
  for (const b of scene.boxes)
    paths[selected.has(b.id) ? 'selected' : b.state].rect(b.x, b.y, b.width, b.height);
  return paths;
}

/** Screen pixels around the scene's extent (half an edge's width and rounding). */
const PAD = 2;

/** The extent of the scene's boxes and edges, in flow coordinates. */
function sceneBounds(scene: OverviewScene): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of scene.boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  const e = scene.edges;
  for (let i = 0; i < e.length; i += 2) {
    x0 = Math.min(x0, e[i] as number);
    x1 = Math.max(x1, e[i] as number);
    y0 = Math.min(y0, e[i + 1] as number);
    y1 = Math.max(y1, e[i + 1] as number);
  }
  return x0 <= x1 ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
}

/** `v` kept within 0..`max`. */
const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), Math.max(max, 0));

/** Draws the paths under a viewport transform onto a canvas of `width` × `height` CSS pixels. */
function draw(
  g: CanvasRenderingContext2D,
  paths: Paths,
  [tx, ty, zoom]: readonly [number, number, number],
  width: number,
  height: number,
  dpr: number,
) {
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  g.lineWidth = 1 / zoom;
  g.strokeStyle = overviewColours.edge;
  g.stroke(paths.edge);
  g.lineWidth = 2 / zoom;
  g.strokeStyle = overviewColours.edgeError;
  g.stroke(paths.edgeError);
  for (const k of ['ok', 'warning', 'error', 'selected'] as const) {
    g.fillStyle = overviewColours[k];
    g.fill(paths[k]);
  }
}

/**
 * The scene drawn once at one zoom around one translation, with a margin of half the visible
 * size on each side: a pan within the margin only copies a shifted part of it to the screen.
 */
interface SceneCache {
  /** The viewport it was drawn for; `zoom` 0 when it must be drawn again. */
  tx: number;
  ty: number;
  zoom: number;
  /** The margin, in CSS pixels. */
  mx: number;
  my: number;
}

/**
 * The zoomed-out drawing of the scenario: one `<canvas>` over React Flow's pane (it takes no
 * pointer events: panning, zooming and clicks go to the pane, which hit-tests with
 * `hitStep`), updated on each viewport change without a React render. The scene (one path per
 * colour, built once per scene and selection) is drawn into an offscreen canvas once per zoom,
 * size, scene and selection, with a margin of half the visible size around it; a pan only copies
 * the shifted part of that drawing to the screen (`drawImage`), and draws the scene again when it
 * leaves the margin. The on-screen canvas is only as large as the scene's extent within the
 * pane (a small scenario zoomed out is a strip of it), so a pan frame copies and composites no
 * more pixels than the scene covers. Used by the canvas below `OVERVIEW_ZOOM`.
 *
 * @example
 * ```tsx
 * import { OverviewLayer, overviewScene } from '@zhizhi/designer';
 * <ReactFlow nodes={[]} edges={[]}><OverviewLayer scene={overviewScene(doc, check)} selected={new Set()} lang="en" /></ReactFlow>;
 * ```
 */
export function OverviewLayer({ scene, selected, lang }: OverviewLayerProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const canvas = ref.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !g) return;
    const paths = scenePaths(scene, selected);
    const offscreen = canvas.ownerDocument.createElement('canvas');
    const cg = offscreen.getContext('2d');
    if (!cg) return;
    const cache: SceneCache = { tx: 0, ty: 0, zoom: 0, mx: 0, my: 0 };
    const bounds = sceneBounds(scene);
    let size = { w: 0, h: 0, dpr: 0 };
    let at = '';
    const paint = () => {
      const { transform, width, height } = store.getState();
      const dpr = window.devicePixelRatio || 1;
      if (size.w !== width || size.h !== height || size.dpr !== dpr) {
        size = { w: width, h: height, dpr };
        cache.mx = Math.ceil(width / 2);
        cache.my = Math.ceil(height / 2);
        offscreen.width = Math.max(1, Math.round((width + 2 * cache.mx) * dpr));
        offscreen.height = Math.max(1, Math.round((height + 2 * cache.my) * dpr));
        cache.zoom = 0;
      }
      const [tx, ty, zoom] = transform;
      if (
        cache.zoom !== zoom ||
        Math.abs(tx - cache.tx) > cache.mx ||
        Math.abs(ty - cache.ty) > cache.my
      ) {
        const { mx, my } = cache;
        draw(cg, paths, [tx + mx, ty + my, zoom], width + 2 * mx, height + 2 * my, dpr);
        Object.assign(cache, { tx, ty, zoom });
      }
      // the on-screen canvas covers the scene's extent within the pane, not the whole pane: a
      // small scenario zoomed out fills a strip of it, and every pan frame copies, hands to the
      // compositor and composites only that many pixels
      const w = Math.min(width, Math.ceil((bounds.x1 - bounds.x0) * zoom) + 2 * PAD);
      const h = Math.min(height, Math.ceil((bounds.y1 - bounds.y0) * zoom) + 2 * PAD);
      const cw = Math.max(1, Math.round(w * dpr));
      const ch = Math.max(1, Math.round(h * dpr));
      if (canvas.width !== cw || canvas.height !== ch) {
        canvas.width = cw;
        canvas.height = ch;
        canvas.style.width = `${cw / dpr}px`;
        canvas.style.height = `${ch / dpr}px`;
      }
      const left = clamp(Math.round(tx + bounds.x0 * zoom - PAD), width - cw / dpr);
      const top = clamp(Math.round(ty + bounds.y0 * zoom - PAD), height - ch / dpr);
      const next = `translate(${left}px, ${top}px)`;
      if (next !== at) {
        at = next;
        canvas.style.transform = next;
      }
      // the pane's pixel (x, y) is the drawing's (x + mx - dx, y + my - dy), in whole device
      // pixels (an exact copy, no resampling)
      const sx = clamp(
        Math.round((left + cache.mx - (tx - cache.tx)) * dpr),
        offscreen.width - canvas.width,
      );
      const sy = clamp(
        Math.round((top + cache.my - (ty - cache.ty)) * dpr),
        offscreen.height - canvas.height,
      );
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.imageSmoothingEnabled = false;
      g.clearRect(0, 0, canvas.width, canvas.height);
      g.drawImage(
        offscreen,
        sx,
        sy,
        canvas.width,
        canvas.height,
        0,
        0,
        canvas.width,
        canvas.height,
      );
    };
    paint();
    let last = store.getState().transform;
    const unsubscribe = store.subscribe((s) => {
      if (s.transform === last && s.width === size.w && s.height === size.h) return;
      last = s.transform;
      paint(); // in step with the pane: the viewport already changes at most once a frame
    });
    return () => {
      unsubscribe();
      offscreen.width = 0; // frees the drawing's memory now, not at the next collection
      offscreen.height = 0;
    };
  }, [scene, selected, store]);
  return (
    <canvas
      ref={ref}
      className="zz-overview"
      data-testid="overview"
      role="img"
      aria-label={canvasText('overview', lang)}
    />
  );
}
