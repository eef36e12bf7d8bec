import type { Lang } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import { outcomeLabel } from '../canvas/outcomeLabel.js';
import { NODE_HEADER, NODE_WIDTH, rowCentre, stepNodeSize } from '../canvas/stepNodeLayout.js';
import { stepPosition } from '../canvas/toFlowNodes.js';
import {
  type DraftCheck,
  type DraftStep,
  outcomesOf,
  type ScenarioDraft,
  stepRegionKeys,
} from '../model/index.js';

/** One step box of a picture. */
export interface PictureStep {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** Kind name and id, e.g. `任务 · call`. */
  caption: string;
  outcomes: { label: string; y: number }[];
  state: 'ok' | 'warning' | 'error';
}

/** One drawn transition: a line from an outcome row to its target. */
export interface PictureEdge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  timeout: boolean;
}

/** A picture of a scenario: what the SVG and the PNG both draw, in picture pixels. */
export interface ScenarioPicture {
  title: string;
  width: number;
  height: number;
  steps: PictureStep[];
  edges: PictureEdge[];
  frames: { x: number; y: number; width: number; height: number; label: string }[];
}

const MARGIN = 32;
const FRAME_PAD = 24;

function stepText(step: DraftStep, lang: Lang): string {
  const l = step.label as { zh?: unknown; en?: unknown } | undefined;
  const t = lang === 'en' ? l?.en : l?.zh;
  return typeof t === 'string' && t !== '' ? t : step.id;
}

/**
 * The picture of a scenario, built from the document and its layout (not from the screen):
 * every step as on the canvas (label, kind and id, outcome rows; red or amber when `check`
 * finds errors or warnings in it), every connected outcome as a line to its target, every
 * parallel branch as a frame — shifted so that the picture starts at a small margin.
 *
 * @example
 * ```ts
 * import { scenarioPicture } from '@zhizhi/designer';
 * const p = scenarioPicture(doc, 'zh-CN');
 * p.steps.map((s) => s.label);
 * ```
 */
export function scenarioPicture(
  doc: ScenarioDraft,
  lang: Lang,
  check?: DraftCheck,
): ScenarioPicture {
  const state = new Map<string, 'warning' | 'error'>();
  for (const d of check?.diagnostics ?? []) {
    if (d.stepId === undefined) continue;
    if (d.severity === 'error') state.set(d.stepId, 'error');
    else if (!state.has(d.stepId)) state.set(d.stepId, 'warning');
  }
  const ports = doc.steps.map((s) => outcomesOf(s));
  const raw = doc.steps.map((step, i) => {
    const p = stepPosition(step, i);
    const size = stepNodeSize(ports[i]?.length ?? 0);
    return { step, x: p.x, y: p.y, ...size };
  });
  // frames around each parallel branch's steps
  const regions = stepRegionKeys(doc);
  const boxes = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const r of raw) {
    const region = regions.region(r.step.id);
    if (region === '') continue;
    const b = boxes.get(region) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    b.x0 = Math.min(b.x0, r.x - FRAME_PAD);
    b.y0 = Math.min(b.y0, r.y - FRAME_PAD);
    b.x1 = Math.max(b.x1, r.x + r.width + FRAME_PAD);
    b.y1 = Math.max(b.y1, r.y + r.height + FRAME_PAD);
    boxes.set(region, b);
  }
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of raw) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  for (const b of boxes.values()) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  if (raw.length === 0) x0 = y0 = x1 = y1 = 0;
  const dx = MARGIN - x0;
  const dy = MARGIN - y0;
  const steps: PictureStep[] = raw.map((r, i) => ({
    id: r.step.id,
    x: r.x + dx,
    y: r.y + dy,
    width: r.width,
    height: r.height,
    label: stepText(r.step, lang),
    caption: `${label('stepKind', r.step.kind, lang)} · ${r.step.id}`,
    outcomes: (ports[i] ?? []).map((o, row) => ({
      label: outcomeLabel(r.step, o.outcome, lang),
      y: rowCentre(row),
    })),
    state: state.get(r.step.id) ?? 'ok',
  }));
  const byId = new Map(steps.map((s) => [s.id, s]));
  const edges: PictureEdge[] = [];
  doc.steps.forEach((step, i) => {
    const from = steps[i] as PictureStep;
    (ports[i] ?? []).forEach((o, row) => {
      if (o.to === undefined) return;
      let to: { x: number; y: number } | undefined;
      if (o.to === '@join') {
        const region = regions.region(step.id);
        const par = region === '' ? undefined : byId.get(region.slice(0, region.indexOf('/')));
        if (par) to = { x: par.x + NODE_WIDTH / 2, y: par.y + par.height };
      } else {
        const t = byId.get(o.to);
        if (t) to = { x: t.x, y: t.y + NODE_HEADER / 2 };
      }
      if (!to) return;
      edges.push({
        x0: from.x + NODE_WIDTH,
        y0: from.y + rowCentre(row),
        x1: to.x,
        y1: to.y,
        timeout: o.timeout,
      });
    });
  });
  const frames = [...boxes].map(([region, b]) => {
    const [parallel = '', branch = ''] = region.split('/');
    return {
      x: b.x0 + dx,
      y: b.y0 + dy,
      width: b.x1 - b.x0,
      height: b.y1 - b.y0,
      label: `${lang === 'en' ? 'Branch' : '分支'} ${parallel} → ${branch}`,
    };
  });
  const name = doc.name as { zh?: string; en?: string } | undefined;
  return {
    title: (lang === 'en' ? name?.en : name?.zh) ?? doc.id,
    width: Math.ceil(x1 - x0 + 2 * MARGIN),
    height: Math.ceil(y1 - y0 + 2 * MARGIN),
    steps,
    edges,
    frames,
  };
}
