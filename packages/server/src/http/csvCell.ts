/** A cell a spreadsheet would read as a formula: it starts with = + - @, a tab or a CR. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): text that a spreadsheet would run as a formula is prefixed with `'`
 * (CSV injection, OWASP), then every cell is quoted with its quotes doubled. `null` and
 * `undefined` are empty cells; numbers are written as they are.
 *
 * @example
 * ```ts
 * import { csvCell } from '@zhizhi/server';
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * ```
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * One CSV line (CRLF-terminated) of cells.
 *
 * @example
 * ```ts
 * import { csvLine } from '@zhizhi/server';
 * csvLine(['a', 1, null]); // '"a",1,\r\n'
 * ```
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
