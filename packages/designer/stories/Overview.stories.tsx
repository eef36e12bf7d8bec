import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { overviewColours } from '../src/canvas/OverviewLayer.js';
import { OVERVIEW_ZOOM } from '../src/canvas/overviewScene.js';
import { DesignerHost } from './support/DesignerHost.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/Overview',
  component: DesignerHost,
  args: { lang: 'zh-CN', onChange: fn() },
} satisfies Meta<typeof DesignerHost>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The viewport's transform as React Flow draws it. */
function transform(canvas: HTMLElement): { x: number; y: number; zoom: number } {
  const style = canvas.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  const n = [...style.matchAll(/-?[\d.]+(e-?\d+)?/g)].map((x) => Number(x[0]));
  return { x: n[0] ?? 0, y: n[1] ?? 0, zoom: n[2] ?? 1 };
}

/** Presses React Flow's zoom-out control until the canvas is below the overview threshold. */
async function zoomOut(canvas: HTMLElement) {
  await waitFor(() =>
    expect(canvas.querySelector('.react-flow__node[data-id="call"]')).toBeTruthy(),
  );
  const out = canvas.querySelector<HTMLButtonElement>('.react-flow__controls-zoomout');
  if (!out) throw new Error('no zoom-out control');
  for (let i = 0; i < 12 && transform(canvas).zoom >= OVERVIEW_ZOOM; i++) {
    await userEvent.click(out);
    await new Promise((r) => setTimeout(r, 30));
  }
  return waitFor(() => {
    const c = canvas.querySelector<HTMLCanvasElement>('canvas[data-testid="overview"]');
    if (!c) throw new Error('no overview canvas');
    return c;
  });
}

const hex = (rgb: ArrayLike<number>) =>
  `#${[...Array.from(rgb).slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Zoomed out below the threshold: no DOM nodes, the steps drawn on one canvas in their colour. */
export const ZoomedOut: Story = {
  play: async ({ canvasElement }) => {
    const overview = await zoomOut(canvasElement);
    expect(transform(canvasElement).zoom).toBeLessThan(OVERVIEW_ZOOM);
    expect(canvasElement.querySelectorAll('.react-flow__node')).toHaveLength(0);
    expect(overview.getAttribute('role')).toBe('img');
    expect(overview.getAttribute('aria-label')).toContain('场景全貌');
    // the centre of `call` (no problems) is drawn in the "ok" colour
    const t = transform(canvasElement);
    const layout = healthBand().steps.find((s) => s.id === 'call')?.layout as {
      x: number;
      y: number;
    };
    // the canvas covers the scene's extent within the pane: from the pane's coordinates to its own
    const pane = canvasElement.querySelector('.react-flow')?.getBoundingClientRect() as DOMRect;
    const box = overview.getBoundingClientRect();
    const dpr = overview.width / box.width;
    const x = Math.round((pane.left - box.left + t.x + (layout.x + 100) * t.zoom) * dpr);
    const y = Math.round((pane.top - box.top + t.y + (layout.y + 20) * t.zoom) * dpr);
    await waitFor(() =>
      expect(hex(overview.getContext('2d')?.getImageData(x, y, 1, 1).data ?? [])).toBe(
        overviewColours.ok,
      ),
    );
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const overview = await zoomOut(canvasElement);
    expect(overview.getAttribute('aria-label')).toContain('Scenario overview (zoomed out)');
  },
};
