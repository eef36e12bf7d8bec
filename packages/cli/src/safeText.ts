/**
 * C0 controls but tab and newline, DEL, C1 controls (0x9B is a one-byte CSI to many
 * terminals), and the bidirectional overrides and isolates that reorder what is shown.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A line with every control character a terminal could act on written out as a visible
 * `\uXXXX` escape (tab and newline are kept). Everything `zhizhi` prints passes through it:
 * ids, file names, data and messages from an events file may carry ESC or BEL. In JSON output
 * the escape only appears inside strings, where it is a valid JSON escape of the same character,
 * so `--json` output still parses to the same values.
 *
 * @example
 * ```ts
 * import { safeText } from './safeText.js';
 * safeText('x\u001b[2J\u0007'); // 'x\\u001b[2J\\u0007'
 * ```
 */
export function safeText(line: string): string {
  return line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
