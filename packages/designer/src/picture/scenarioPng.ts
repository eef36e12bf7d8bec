import { pictureColours as c } from './pictureColours.js';
import type { ScenarioPicture } from './scenarioPicture.js';

/** The largest side of a PNG, in device pixels (browsers refuse larger canvases). */
export const MAX_PNG_SIDE = 16000;

/**
 * Draws a scenario picture on a 2D canvas context: the same shapes, colours and texts as
 * {@link scenarioSvg}, at `scale`.
 *
 * @example
 * ```ts
 * import { drawPicture, scenarioPicture } from '@zhizhi/designer';
 * drawPicture(canvas.getContext('2d')!, scenarioPicture(doc, 'en'), 2);
 * ```
 */
export function drawPicture(g: CanvasRenderingContext2D, p: ScenarioPicture, scale = 1): void {
  g.setTransform(scale, 0, 0, scale, 0, 0);
  g.fillStyle = c.background;
  g.fillRect(0, 0, p.width, p.height);
  g.textBaseline = 'alphabetic';
  g.setLineDash([6, 4]);
  g.strokeStyle = c.frame;
  g.lineWidth = 1;
  for (const f of p.frames) {
    g.beginPath();
    g.roundRect(f.x, f.y, f.width, f.height, 8);
    g.stroke();
    g.fillStyle = c.muted;
    g.font = '11px sans-serif';
    g.fillText(f.label, f.x + 8, f.y + 14);
  }
  g.strokeStyle = c.edge;
  g.fillStyle = c.edge;
  g.lineWidth = 1.5;
  for (const e of p.edges) {
    g.setLineDash(e.timeout ? [5, 3] : []);
    g.beginPath();
    g.moveTo(e.x0, e.y0);
    g.lineTo(e.x1, e.y1);
    g.stroke();
    const a = Math.atan2(e.y1 - e.y0, e.x1 - e.x0);
    g.beginPath();
    g.moveTo(e.x1, e.y1);
    g.lineTo(e.x1 - 8 * Math.cos(a - 0.45), e.y1 - 8 * Math.sin(a - 0.45));
    g.lineTo(e.x1 - 8 * Math.cos(a + 0.45), e.y1 - 8 * Math.sin(a + 0.45));
    g.closePath();
    g.fill();
  }
  g.setLineDash([]);
  for (const s of p.steps) {
    g.beginPath();
    g.roundRect(s.x, s.y, s.width, s.height, 6);
    g.fillStyle = c.fill;
    g.fill();
    g.strokeStyle = c[s.state];
    g.lineWidth = s.state === 'error' ? 2 : 1;
    g.stroke();
    g.fillStyle = c.text;
    g.font = '600 12px sans-serif';
    g.textAlign = 'left';
    g.fillText(s.label, s.x + 8, s.y + 18, s.width - 16);
    g.fillStyle = c.muted;
    g.font = '11px sans-serif';
    g.fillText(s.caption, s.x + 8, s.y + 36, s.width - 16);
    g.textAlign = 'right';
    for (const o of s.outcomes) g.fillText(o.label, s.x + s.width - 8, s.y + o.y + 4, s.width - 16);
    g.textAlign = 'left';
  }
}

/**
 * A PNG of a scenario picture, drawn on a canvas (no image is loaded, so no `img-src`
 * is needed: it works under `default-src 'self'`), scaled down when a side would pass
 * {@link MAX_PNG_SIDE}.
 *
 * @example
 * ```ts
 * import { scenarioPicture, scenarioPng } from '@zhizhi/designer';
 * const blob = await scenarioPng(scenarioPicture(doc, 'zh-CN'), 2); // image/png
 * ```
 */
export async function scenarioPng(p: ScenarioPicture, scale = 2): Promise<Blob> {
  const s = Math.min(scale, MAX_PNG_SIDE / Math.max(1, p.width, p.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(p.width * s));
  canvas.height = Math.max(1, Math.round(p.height * s));
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas context');
  drawPicture(g, p, s);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}
