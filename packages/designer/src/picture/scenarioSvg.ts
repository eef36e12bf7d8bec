import { pictureColours as c } from './pictureColours.js';
import type { ScenarioPicture } from './scenarioPicture.js';

/**
 * Text for XML: `&`, `<`, `>`, quotes escaped; characters XML 1.0 cannot hold dropped.
 *
 * @example
 * ```ts
 * import { escapeXml } from '@zhizhi/designer';
 * escapeXml('<b>&"'); // '&lt;b&gt;&amp;&quot;'
 * ```
 */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const n = (x: number) => String(Math.round(x * 10) / 10);
/** Cuts a label to about what fits in a step box. */
const clip = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

/**
 * A standalone SVG document of a scenario picture: presentation attributes only (no `style`
 * element or attribute, no script, no event attribute, no external reference), every text
 * escaped, so it opens anywhere and under a strict Content-Security-Policy.
 *
 * @example
 * ```ts
 * import { scenarioPicture, scenarioSvg } from '@zhizhi/designer';
 * const svg = scenarioSvg(scenarioPicture(doc, 'zh-CN'));
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" …'
 * ```
 */
export function scenarioSvg(p: ScenarioPicture): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(p.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c.edge}"/></marker></defs>`,
    `<rect width="${p.width}" height="${p.height}" fill="${c.background}"/>`,
  ];
  for (const f of p.frames) {
    out.push(
      `<g><rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.width)}" height="${n(f.height)}" rx="8" fill="none" stroke="${c.frame}" stroke-dasharray="6 4"/><text x="${n(f.x + 8)}" y="${n(f.y + 14)}" fill="${c.muted}" font-size="11">${escapeXml(f.label)}</text></g>`,
    );
  }
  for (const e of p.edges) {
    out.push(
      `<line x1="${n(e.x0)}" y1="${n(e.y0)}" x2="${n(e.x1)}" y2="${n(e.y1)}" stroke="${c.edge}" stroke-width="1.5"${e.timeout ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#arrow)"/>`,
    );
  }
  for (const s of p.steps) {
    const border = c[s.state];
    const parts = [
      `<g data-step="${escapeXml(s.id)}">`,
      `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" rx="6" fill="${c.fill}" stroke="${border}" stroke-width="${s.state === 'error' ? 2 : 1}"/>`,
      `<text x="${n(s.x + 8)}" y="${n(s.y + 18)}" fill="${c.text}" font-weight="600">${escapeXml(clip(s.label, 24))}</text>`,
      `<text x="${n(s.x + 8)}" y="${n(s.y + 36)}" fill="${c.muted}" font-size="11">${escapeXml(clip(s.caption, 30))}</text>`,
    ];
    for (const o of s.outcomes)
      parts.push(
        `<text x="${n(s.x + s.width - 8)}" y="${n(s.y + o.y + 4)}" fill="${c.muted}" font-size="11" text-anchor="end">${escapeXml(clip(o.label, 24))}</text>`,
      );
    parts.push('</g>');
    out.push(parts.join(''));
  }
  out.push('</svg>', '');
  return out.join('\n');
}
