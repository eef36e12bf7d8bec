/**
 * `zz-grid-select` (from `zz-grid-map`): the viewer chose a grid (click, Enter or Space). The
 * `filters` suit `Client.listCases` and the other elements (`town`), so a page can narrow a
 * case list to the grid.
 *
 * @example
 * ```ts
 * map.addEventListener('zz-grid-select', (e) => console.log(e.detail.gridId, e.detail.openCases));
 * ```
 */
export interface ZzGridSelectDetail {
  gridId: string;
  /** The town the grid belongs to, when the map knows it (from its cases, alerts or `town`). */
  townId: string | undefined;
  filters: { townId?: string; gridId: string };
  /** Ids of the open cases and alerts drawn in the grid. */
  openCases: string[];
  alerts: string[];
}

declare global {
  interface HTMLElementEventMap {
    'zz-grid-select': CustomEvent<ZzGridSelectDetail>;
  }
}
