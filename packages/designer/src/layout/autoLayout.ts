import { stepNodeSize } from '../canvas/stepNodeLayout.js';
import { stepPosition } from '../canvas/toFlowNodes.js';
import { type Command, outcomesOf, type ScenarioDraft, stepRegionKeys } from '../model/index.js';
import { isPinned } from './isPinned.js';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/**
 * Lays the steps out left to right with elkjs's layered algorithm (loaded on first use, as its
 * own chunk: `elkjs/lib/elk.bundled.js`), and returns the `moveStep` commands that put every
 * step that is not pinned ({@link isPinned}) in its new place — run them together (one undo
 * step). Pinned steps stay where they are; the new layout starts where the old one did, and a
 * step that would land on a pinned step is moved down below it.
 *
 * @example
 * ```ts
 * import { autoLayout } from '@zhizhi/designer';
 * const moves = await autoLayout(doc);
 * run(moves, 'auto-layout');
 * ```
 */
export async function autoLayout(doc: ScenarioDraft): Promise<Command[]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(doc.steps.map((s) => s.id));
  const regions = stepRegionKeys(doc);
  const sizes = doc.steps.map((s) => stepNodeSize(outcomesOf(s).length));
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const s of doc.steps) {
    for (const o of outcomesOf(s)) {
      let to = o.to;
      if (to === '@join') {
        const region = regions.region(s.id);
        to = region === '' ? undefined : region.slice(0, region.indexOf('/'));
      }
      if (to === undefined || !ids.has(to) || to === s.id) continue;
      edges.push({ id: `e${edges.length}`, sources: [s.id], targets: [to] });
    }
  }
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: doc.steps.map((s, i) => ({
      id: s.id,
      ...(sizes[i] as { width: number; height: number }),
    })),
    edges,
  });
  const placed = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  // anchor: the new layout starts at the old layout's top-left
  let ox = Infinity;
  let oy = Infinity;
  doc.steps.forEach((s, i) => {
    const p = stepPosition(s, i);
    ox = Math.min(ox, p.x);
    oy = Math.min(oy, p.y);
  });
  if (!Number.isFinite(ox)) return [];
  const pinned: Box[] = [];
  doc.steps.forEach((s, i) => {
    if (isPinned(s))
      pinned.push({ ...stepPosition(s, i), ...(sizes[i] as { width: number; height: number }) });
  });
  const moves: Command[] = [];
  doc.steps.forEach((s, i) => {
    if (isPinned(s)) return;
    const at = placed.get(s.id);
    if (!at) return;
    const box: Box = {
      x: Math.round(ox + at.x),
      y: Math.round(oy + at.y),
      ...(sizes[i] as { width: number; height: number }),
    };
    for (let k = 0; k < pinned.length; k++) {
      const p = pinned.find((b) => overlaps(box, b, 20));
      if (!p) break;
      box.y = p.y + p.height + 40;
    }
    const old = stepPosition(s, i);
    if (old.x === box.x && old.y === box.y && s.layout) return;
    moves.push({ type: 'moveStep', step: s.id, position: { x: box.x, y: box.y } });
  });
  return moves;
}
