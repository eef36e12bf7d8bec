/** The font stack of a step node's text (designer.css sets the same on `.zz-step`). @internal */
export const NODE_FONT_FAMILY = 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif';

let measurer: CanvasRenderingContext2D | null | undefined;
let measuredFont = '';
const widths = new Map<string, number>();
const fitted = new Map<string, string>();
const ELLIPSIS = '…';
/** The widest glyph, in em, for the no-measuring check. */
const WIDEST = 1.5;
const sizes = new Map<string, number>();
/** The size in CSS pixels of a CSS `font` (its `<n>px`), or Infinity when it has none. */
function fontSize(font: string): number {
  let px = sizes.get(font);
  if (px === undefined) {
    const m = /(\d+(?:\.\d+)?)px/.exec(font);
    px = m ? Number(m[1]) : Number.POSITIVE_INFINITY;
    sizes.set(font, px);
  }
  return px;
}

/**
 * An upper bound of the width of `text` in CSS `font`, without measuring: no glyph is wider
 * than 1.5 em (and a character outside the BMP counts twice). @internal
 */
export const widthAtMost = (text: string, font: string) => text.length * WIDEST * fontSize(font);

/** The width of `text` in CSS `font`, measured once per pair; `undefined` without a 2D canvas. @internal */
export function textWidth(text: string, font: string): number | undefined {
  const key = `${font}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (measurer === undefined)
    measurer =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer) return undefined;
  if (measuredFont !== font) {
    measurer.font = font; // parsing a font is the costly part: set it only when it changes
    measuredFont = font;
  }
  const w = measurer.measureText(text).width;
  if (widths.size > 20_000) widths.clear();
  widths.set(key, w);
  return w;
}

/**
 * `text` cut to fit `width` CSS pixels in CSS `font`, ending in "…" when cut (by code points,
 * so an emoji or a CJK character is never split); the whole text when it fits or when there
 * is no canvas to measure with. The step nodes use it instead of CSS `text-overflow`: an
 * `overflow: hidden` box around text makes Chromium paint that text in a layer of its own
 * (to keep LCD text), and with thousands of nodes those layers, re-rastered on every pan
 * frame, cost more than the nodes themselves (bench/canvas.bench.tsx, 5,000 steps at 100%).
 *
 * @example
 * ```ts
 * fitText('通知网格员上门核查并反馈结果', '12px sans-serif', 80); // '通知网格…' (depending on the font)
 * ```
 *
 * @internal
 */
export function fitText(text: string, font: string, width: number): string {
  // a text that short fits without measuring (most labels)
  if (widthAtMost(text, font) <= width) return text;
  const key = `${font}|${width}|${text}`;
  const done = fitted.get(key);
  if (done !== undefined) return done;
  let out = text;
  const whole = textWidth(text, font);
  if (whole !== undefined && whole > width) {
    const chars = Array.from(text);
    // the longest prefix that fits with the ellipsis (binary search on the prefix length)
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const w = textWidth(chars.slice(0, mid).join('') + ELLIPSIS, font) ?? 0;
      if (w <= width) lo = mid;
      else hi = mid - 1;
    }
    out = chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
  }
  if (fitted.size > 20_000) fitted.clear();
  fitted.set(key, out);
  return out;
}
