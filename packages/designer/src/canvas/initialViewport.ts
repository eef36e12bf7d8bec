import type { Viewport } from '@xyflow/react';

/**
 * The first viewport, computed instead of React Flow's `fitView` (which measures every node
 * first): the whole graph when it fits at a readable zoom (≥ `minZoom`), else its top-left
 * corner at `minZoom`, so that a large scenario mounts only the nodes on screen.
 *
 * @example
 * ```ts
 * import { initialViewport } from '@zhizhi/designer';
 * initialViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 800, height: 600 });
 * // { x: 200, y: 200, zoom: 1 }
 * ```
 */
export function initialViewport(
  bounds: { x: number; y: number; width: number; height: number },
  screen: { width: number; height: number },
  { minZoom = 0.6, maxZoom = 1, padding = 40 } = {},
): Viewport {
  const w = Math.max(1, screen.width - 2 * padding);
  const h = Math.max(1, screen.height - 2 * padding);
  const fit = Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height));
  if (fit >= minZoom) {
    const zoom = Math.min(maxZoom, fit);
    return {
      x: screen.width / 2 - (bounds.x + bounds.width / 2) * zoom,
      y: screen.height / 2 - (bounds.y + bounds.height / 2) * zoom,
      zoom,
    };
  }
  return { x: padding - bounds.x * minZoom, y: padding - bounds.y * minZoom, zoom: minZoom };
}
