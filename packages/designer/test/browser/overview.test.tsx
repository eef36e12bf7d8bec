import { sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OVERVIEW_ZOOM, overviewScene } from '../../src/canvas/overviewScene.js';
import { checkDraft } from '../../src/model/index.js';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';
import { mouseDrag } from './pointer.js';

let m: Mounted | undefined;
afterEach(() => {
  vi.restoreAllMocks();
});

const health = () => builtInDraft('elderly-health-band');

/** The viewport's transform as React Flow draws it. */
function transform(host: HTMLElement): { x: number; y: number; zoom: number } {
  const style = host.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  const n = [...style.matchAll(/-?[\d.]+(e-?\d+)?/g)].map((x) => Number(x[0]));
  return { x: n[0] ?? 0, y: n[1] ?? 0, zoom: n[2] ?? 1 };
}

/**
 * The overview's pixel under a point of the pane (pane coordinates, as React Flow's transform
 * uses them); transparent where the canvas does not reach (it covers only the scene's extent).
 */
function pixelAt(host: HTMLElement, canvas: HTMLCanvasElement, p: { x: number; y: number }) {
  const pane = host.querySelector('.react-flow')?.getBoundingClientRect();
  if (!pane) throw new Error('no pane');
  const box = canvas.getBoundingClientRect();
  const dpr = canvas.width / box.width;
  const x = Math.round((pane.left + p.x - box.left) * dpr);
  const y = Math.round((pane.top + p.y - box.top) * dpr);
  if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return [0, 0, 0, 0];
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d context');
  return [...g.getImageData(x, y, 1, 1).data];
}

/** The pane's box on screen. */
const paneBox = (host: HTMLElement) =>
  host.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;

async function zoomOut(host: HTMLElement) {
  const button = host.querySelector<HTMLButtonElement>('.react-flow__controls-zoomout');
  if (!button) throw new Error('no zoom-out button');
  for (let i = 0; i < 12 && transform(host).zoom >= OVERVIEW_ZOOM; i++) {
    button.click();
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('the zoomed-out drawing mode', () => {
  it('given a scenario with an error, when zoomed out below the threshold, then steps are drawn on one canvas in the error colour and no DOM nodes remain; a click on a step selects it and zooms back in to the nodes', async () => {
    const doc = health();
    const call = doc.steps.find((s) => s.id === 'call');
    if (!call) throw new Error('no call step');
    // an error on `call`: its first outcome leads nowhere known
    const outcomes = call.outcomes as { to: string }[];
    (outcomes[0] as { to: string }).to = 'nowhere';
    m = await mountDesigner(doc, sampleOrg);
    const host = m.host;
    await until(() => {
      if (!host.querySelector('.react-flow__node[data-id="call"]')) throw new Error('no node');
    });
    await zoomOut(host);
    const canvas = await until(() => {
      const c = host.querySelector<HTMLCanvasElement>('canvas[data-testid="overview"]');
      if (!c) throw new Error('no overview canvas');
      return c;
    });
    expect(host.querySelectorAll('.react-flow__node').length).toBe(0);
    expect(canvas.getAttribute('aria-label')).toContain('场景全貌');
    const a11y = await axe.run(host);
    expect(a11y.violations.map((v) => v.id)).toEqual([]);
    expect(host.querySelectorAll('.react-flow__edge').length).toBe(0);
    // the centre of `call` on screen, from its layout and the transform
    const t = transform(host);
    const layout = call.layout as { x: number; y: number };
    const local = { x: t.x + (layout.x + 100) * t.zoom, y: t.y + (layout.y + 20) * t.zoom };
    expect(pixelAt(host, canvas, local)).toEqual([220, 38, 38, 255]); // the error colour
    // the canvas covers the scene's extent on screen (and a 2-pixel rim), no more
    const { boxes } = overviewScene(m.latest(), checkDraft(m.latest()));
    const extent =
      Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
    const drawn = canvas.getBoundingClientRect();
    expect(drawn.width).toBeLessThanOrEqual(Math.min(paneBox(host).width, extent * t.zoom + 5));
    expect(drawn.left).toBeGreaterThanOrEqual(paneBox(host).left - 0.5);
    // an empty spot is transparent
    expect(pixelAt(host, canvas, { x: 2, y: 2 })[3]).toBe(0);
    const box = paneBox(host);
    const screen = { x: box.left + local.x, y: box.top + local.y };
    await mouseDrag(screen, screen, 1);
    await until(() => {
      if (!host.querySelector('.zz-properties[data-step="call"]')) throw new Error('not selected');
      if (!host.querySelector('.react-flow__node[data-id="call"]')) throw new Error('no node');
    });
    expect(host.querySelector('canvas[data-testid="overview"]')).toBeNull();
    expect(transform(host).zoom).toBeGreaterThanOrEqual(OVERVIEW_ZOOM);
  });

  it('given the overview on screen, when the pane is panned within half its size, then the scene is not drawn again (only copied, shifted) and a step keeps its colour where it moved; a pan beyond that draws it once more', async () => {
    const doc = health();
    const call = doc.steps.find((s) => s.id === 'call');
    if (!call) throw new Error('no call step');
    ((call.outcomes as { to: string }[])[0] as { to: string }).to = 'nowhere'; // an error
    m = await mountDesigner(doc, sampleOrg);
    const host = m.host;
    await until(() => {
      if (!host.querySelector('.react-flow__node[data-id="call"]')) throw new Error('no node');
    });
    await zoomOut(host);
    const canvas = await until(() => {
      const c = host.querySelector<HTMLCanvasElement>('canvas[data-testid="overview"]');
      if (!c) throw new Error('no overview canvas');
      return c;
    });
    const box = paneBox(host);
    const layout = call.layout as { x: number; y: number };
    /** The colour of the overview's pixel at the centre of `call`'s header. */
    const callPixel = () => {
      const t = transform(host);
      const local = { x: t.x + (layout.x + 100) * t.zoom, y: t.y + (layout.y + 20) * t.zoom };
      return pixelAt(host, canvas, local);
    };
    expect(callPixel()).toEqual([220, 38, 38, 255]);
    const fills = vi.spyOn(CanvasRenderingContext2D.prototype, 'fill');
    const copies = vi.spyOn(CanvasRenderingContext2D.prototype, 'drawImage');
    const before = transform(host);
    const from = { x: box.left + 20, y: box.top + 12 };
    const near = { x: from.x + 60, y: from.y + 30 };
    await mouseDrag(from, near, 6);
    await until(() => {
      const t = transform(host);
      if (Math.abs(t.x - before.x - 60) > 1 || Math.abs(t.y - before.y - 30) > 1)
        throw new Error(`not panned: ${JSON.stringify(t)}`);
    });
    expect(fills).not.toHaveBeenCalled(); // the scene was not drawn again
    expect(copies.mock.calls.length).toBeGreaterThanOrEqual(2); // one copy per pan frame
    expect(callPixel()).toEqual([220, 38, 38, 255]);
    expect(pixelAt(host, canvas, { x: 2, y: 2 })[3]).toBe(0);
    // beyond the margin (half the width) and back: drawn again each time, and still right
    const far = { x: near.x + Math.ceil(box.width * 0.6), y: near.y };
    await mouseDrag(near, far, 6);
    await mouseDrag(far, near, 6);
    await until(() => {
      const t = transform(host);
      if (Math.abs(t.x - before.x - 60) > 1) throw new Error(`not back: ${JSON.stringify(t)}`);
    });
    // one scene drawing is one fill per colour (ok, warning, error, selected)
    expect(fills.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(fills.mock.calls.length % 4).toBe(0);
    expect(callPixel()).toEqual([220, 38, 38, 255]);
  });
});
