import { type DraftCheck, outcomesOf, type ScenarioDraft, stepRegionKeys } from '../model/index.js';
import { NODE_HEADER, NODE_WIDTH, rowCentre, stepNodeSize } from './stepNodeLayout.js';
import { stepPosition } from './toFlowNodes.js';

/**
 * Below this zoom the canvas draws the whole scenario on one `<canvas>` (steps as filled
 * boxes coloured by their diagnostics, outcomes as straight lines) instead of one React Flow
 * DOM node per step; at or above it, the usual nodes come back. At 0.45 a step is 90 flow
 * pixels wide on screen and its label is no longer readable anyway.
 */
export const OVERVIEW_ZOOM = 0.45;

/** How a step is drawn in the overview: its diagnostics decide the colour. */
export type OverviewState = 'ok' | 'warning' | 'error';

/** One step's box in the overview (flow coordinates). */
export interface OverviewBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  state: OverviewState;
}

/**
 * What the overview draws: one box per step and one segment per connected outcome, from the
 * outcome's row to the target's `in` (or a parallel step's `join`), flagged `error` when the
 * checker finds that transition wrong.
 */
export interface OverviewScene {
  boxes: OverviewBox[];
  /** x0, y0, x1, y1 for each edge, packed. */
  edges: Float64Array;
  /** 1 for an edge the checker finds wrong, else 0 (same order as `edges`). */
  edgeErrors: Uint8Array;
}

/**
 * The overview of a draft, from the document (the layout in each step) and the check, in the
 * geometry the React Flow nodes use, so that switching modes does not move anything.
 *
 * @example
 * ```ts
 * import { checkDraft } from '@zhizhi/designer/model';
 * import { overviewScene } from '@zhizhi/designer';
 * const scene = overviewScene(doc, checkDraft(doc));
 * scene.boxes.filter((b) => b.state === 'error').map((b) => b.id);
 * ```
 */
export function overviewScene(doc: ScenarioDraft, check: DraftCheck): OverviewScene {
  const state = new Map<string, OverviewState>();
  for (const d of check.diagnostics) {
    if (d.stepId === undefined) continue;
    if (d.severity === 'error') state.set(d.stepId, 'error');
    else if (!state.has(d.stepId)) state.set(d.stepId, 'warning');
  }
  const wrong = new Set<string>();
  for (const d of check.errors)
    if (d.stepId !== undefined) wrong.add(`${d.stepId}|${d.path.slice(2).join('.')}`);
  const boxes: OverviewBox[] = [];
  const byId = new Map<string, OverviewBox>();
  const ports = doc.steps.map((s) => outcomesOf(s));
  doc.steps.forEach((step, i) => {
    const p = stepPosition(step, i);
    const size = stepNodeSize(ports[i]?.length ?? 0);
    const box = { id: step.id, x: p.x, y: p.y, ...size, state: state.get(step.id) ?? 'ok' };
    boxes.push(box);
    byId.set(step.id, box);
  });
  const regions = stepRegionKeys(doc);
  const coords: number[] = [];
  const errs: number[] = [];
  doc.steps.forEach((step, i) => {
    const from = boxes[i] as OverviewBox;
    (ports[i] ?? []).forEach((o, row) => {
      if (o.to === undefined) return;
      let x1: number;
      let y1: number;
      if (o.to === '@join') {
        const region = regions.region(step.id);
        const par = region === '' ? undefined : byId.get(region.slice(0, region.indexOf('/')));
        if (!par) return;
        x1 = par.x + NODE_WIDTH / 2;
        y1 = par.y + par.height;
      } else {
        const to = byId.get(o.to);
        if (!to) return;
        x1 = to.x;
        y1 = to.y + NODE_HEADER / 2;
      }
      coords.push(from.x + NODE_WIDTH, from.y + rowCentre(row), x1, y1);
      errs.push(wrong.has(`${step.id}|${o.path.join('.')}`) ? 1 : 0);
    });
  });
  return { boxes, edges: Float64Array.from(coords), edgeErrors: Uint8Array.from(errs) };
}

/**
 * The step whose box contains a flow position (the topmost, i.e. last drawn), for clicks on
 * the overview.
 *
 * @example
 * ```ts
 * import { hitStep, overviewScene } from '@zhizhi/designer';
 * hitStep(overviewScene(doc, check), { x: 10, y: 10 })?.id;
 * ```
 */
export function hitStep(
  scene: OverviewScene,
  p: { x: number; y: number },
): OverviewBox | undefined {
  for (let i = scene.boxes.length - 1; i >= 0; i--) {
    const b = scene.boxes[i] as OverviewBox;
    if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height) return b;
  }
  return undefined;
}
