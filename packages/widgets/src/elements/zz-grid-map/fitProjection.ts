/**
 * A Web-Mercator projection fitted to `bounds` inside a `width` × `height` box with `padding`
 * (same scale on both axes, centred): longitude/latitude in, SVG x/y out (y grows downwards).
 * No tiles, no library: a grid map needs nothing more at town scale.
 *
 * @example
 * ```ts
 * import { fitProjection } from '@zhizhi/widgets/elements/zz-grid-map';
 * const project = fitProjection({ west: 106.62, south: 28.93, east: 106.66, north: 28.97 }, 600, 400);
 * project(106.64, 28.95); // about [300, 200]
 * ```
 */
export function fitProjection(
  bounds: { west: number; south: number; east: number; north: number },
  width: number,
  height: number,
  padding = 16,
): (lng: number, lat: number) => [number, number] {
  const clampLat = (lat: number) => Math.max(-85, Math.min(85, lat));
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (clampLat(lat) * Math.PI) / 360));
  const x0 = (bounds.west * Math.PI) / 180;
  const x1 = (bounds.east * Math.PI) / 180;
  const y0 = mercY(bounds.south);
  const y1 = mercY(bounds.north);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return (lng, lat) => [
    offX + ((lng * Math.PI) / 180 - x0) * scale,
    offY + (y1 - mercY(lat)) * scale,
  ];
}
