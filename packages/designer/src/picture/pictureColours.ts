/**
 * The colours of a scenario picture (SVG and PNG), those of the canvas: step border by
 * diagnostics state, edges, frames, text.
 *
 * @example
 * ```ts
 * import { pictureColours } from '@zhizhi/designer';
 * pictureColours.error; // '#c4001f'
 * ```
 */
export const pictureColours = {
  ok: '#8a99ab',
  warning: '#c47f00',
  error: '#c4001f',
  fill: '#ffffff',
  edge: '#64748b',
  frame: '#94a3b8',
  text: '#1e293b',
  muted: '#475569',
  background: '#f8fafc',
} as const;
