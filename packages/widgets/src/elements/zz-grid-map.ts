import type { CaseRecord, ScenarioRecord } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import type { Change } from '@zhizhi/core/runtime';
import { css, html, nothing, type PropertyValues, svg } from 'lit';
import { defineElement } from '../defineElement.js';
import { zzEvent } from '../events.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';
import { alertLevelOf } from './zz-alert-feed/AlertItem.js';
import { fitProjection } from './zz-grid-map/fitProjection.js';
import type { ZzGridSelectDetail } from './zz-grid-map/gridMapEvents.js';
import { gridMapMessages } from './zz-grid-map/gridMapMessages.js';
import { type GridShape, parseGridGeoJson } from './zz-grid-map/parseGridGeoJson.js';
import { wgs84ToGcj02 } from './zz-report-form/gcj02ToWgs84.js';

export { fitProjection } from './zz-grid-map/fitProjection.js';
export type { ZzGridSelectDetail } from './zz-grid-map/gridMapEvents.js';
export {
  GRID_GEOJSON_LIMITS,
  type GridGeoJsonResult,
  type GridShape,
  type LngLat,
  parseGridGeoJson,
} from './zz-grid-map/parseGridGeoJson.js';

const WIDTH = 600;
const HEIGHT = 420;
/** Pages of cases and instances read (200 each) for the markers. */
const MAX_READS = 10;
/** The largest GeoJSON text `src` may return (bytes): beyond it the map refuses it unread. */
const MAX_SRC_BYTES = 8 * 1024 * 1024;

type CaseGroup = 'new' | 'working' | 'checking';
const groupOf = (status: string): CaseGroup | undefined =>
  status === 'assigned' || status === 'inProgress'
    ? 'working'
    : status === 'verifying'
      ? 'checking'
      : status === 'closed'
        ? undefined
        : 'new';

interface Marker {
  id: string;
  gridId: string;
  kind: 'case' | 'alert';
  /** Case group, or the alert's level. */
  group: CaseGroup | 1 | 2 | 3;
  x: number;
  y: number;
  text: string;
}

/**
 * The org's grids drawn as SVG from GeoJSON — no tile server: a Web-Mercator projection fitted
 * to the grids' bounds — with the open cases that carry a `location` and the open alerts as
 * markers: cases by status (shape ● ■ ◆ and colour), alerts by level (▲ with the level number).
 * Each grid is focusable, named with its open cases and alerts, and chosen with a click, Enter
 * or Space (`zz-grid-select`). Case locations are WGS84 (as stored); set `crs="GCJ-02"` when the
 * GeoJSON was traced on a map published in China, and the markers are shifted to match. Bad
 * GeoJSON (other geometry types, NaN, `__proto__` keys, more than `GRID_GEOJSON_LIMITS`) is
 * refused with the path and the rule, never drawn half-way. Markers follow the provider's live
 * feed (debounced).
 *
 * @element zz-grid-map
 * @fires zz-grid-select - {ZzGridSelectDetail} the viewer chose a grid
 * @csspart title - the heading
 * @csspart map - the SVG
 * @csspart grid - one grid (a focusable path); `grid selected` for the chosen one
 * @csspart marker - a case or alert marker
 * @csspart legend - the legend
 * @cssprop --zz-map-grid-fill - grid fill
 * @cssprop --zz-map-grid-stroke - grid border
 * @cssprop --zz-color-accent - the selected grid
 * @cssprop --zz-map-case-new - cases in intake or dispatching
 * @cssprop --zz-map-case-working - cases being handled
 * @cssprop --zz-map-case-checking - cases awaiting verification
 * @cssprop --zz-color-danger - level 1 alerts
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-duty">
 *   <zz-grid-map town="qj-sj" src="/portal/sample-grids.json"></zz-grid-map>
 * </zz-provider>
 * ```
 */
export class ZzGridMap extends ZzElement {
  static override messages = gridMapMessages;

  static override properties = {
    ...ZzElement.properties,
    src: { type: String, reflect: true },
    geojson: { attribute: false },
    crs: { type: String, reflect: true },
    town: { type: String, reflect: true },
    selected: { type: String, reflect: true },
    grids: { state: true, attribute: false },
    cases: { state: true, attribute: false },
    alerts: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    loading: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      svg {
        display: block;
        width: 100%;
        height: auto;
        max-height: 70vh;
        background: var(--zz-map-bg, #f6f8fa);
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
      }
      .grid {
        fill: var(--zz-map-grid-fill, #dbe9f6);
        stroke: var(--zz-map-grid-stroke, #0b5cad);
        stroke-width: 1.5;
        fill-rule: evenodd;
        cursor: pointer;
      }
      .grid:hover {
        fill: var(--zz-map-grid-hover, #c3dbf2);
      }
      .grid.selected {
        fill: var(--zz-map-grid-selected, #fde7c5);
        stroke: var(--zz-color-accent, #0b5cad);
        stroke-width: 3;
      }
      .grid:focus-visible {
        outline: none;
        stroke: var(--zz-color-focus, #d97706);
        stroke-width: 4;
      }
      .grid-label {
        font-size: calc(11px * var(--zz-font-scale, 1));
        fill: var(--zz-color-text, #1f2328);
        pointer-events: none;
      }
      .marker {
        stroke: #fff;
        stroke-width: 1.5;
        pointer-events: none;
      }
      .case-new {
        fill: var(--zz-map-case-new, #0b5cad);
      }
      .case-working {
        fill: var(--zz-map-case-working, #7a4fd1);
      }
      .case-checking {
        fill: var(--zz-map-case-checking, #1a7f37);
      }
      .alert-1 {
        fill: var(--zz-color-danger, #b42318);
      }
      .alert-2 {
        fill: var(--zz-map-alert-2, #c4320a);
      }
      .alert-3 {
        fill: var(--zz-map-alert-3, #8a6100);
      }
      .marker-text {
        fill: #fff;
        font-weight: 700;
        font-size: 10px;
        text-anchor: middle;
        pointer-events: none;
      }
      ul.legend {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.2em 1.2em;
        padding: 0;
        margin: 0.5em 0 0;
      }
    `,
  ];

  /** URL of the grids' GeoJSON (fetched with the page's credentials; same origin under CSP). */
  declare src: string | undefined;
  /** The grids' GeoJSON as an object or JSON text (wins over `src`). */
  declare geojson: unknown;
  /** The GeoJSON's datum: `WGS84` (default, RFC 7946) or `GCJ-02`. */
  declare crs: string | undefined;
  /** Town id whose cases and alerts are drawn (default: every town the viewer may see). */
  declare town: string | undefined;
  /** The chosen grid's id. */
  declare selected: string | undefined;
  /** The grids drawn. */
  declare grids: GridShape[];
  declare protected cases: CaseRecord[];
  declare protected alerts: ScenarioRecord[];
  declare protected problem: string | undefined;
  declare protected loading: boolean;

  #bounds = { west: 0, south: 0, east: 1, north: 1 };
  #shapesRequest = 0;
  #dataRequest = 0;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #stopLive: (() => void) | undefined;

  constructor() {
    super();
    this.grids = [];
    this.cases = [];
    this.alerts = [];
    this.loading = false;
  }

  /** Reads the cases and alerts again. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const request = ++this.#dataRequest;
    try {
      await this.feedReady();
      const town = this.town ? { townId: this.town } : {};
      const cases: CaseRecord[] = [];
      const alerts: ScenarioRecord[] = [];
      let cursor: string | null | undefined;
      for (let i = 0; i < MAX_READS && cursor !== null; i++) {
        const page = await client.listCases({ ...town, limit: 200, ...(cursor ? { cursor } : {}) });
        cases.push(...page.items.filter((c) => c.status !== 'closed' && c.context.location));
        cursor = page.cursor;
      }
      cursor = undefined;
      for (let i = 0; i < MAX_READS && cursor !== null; i++) {
        const page = await client.listInstances({
          ...town,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        alerts.push(
          ...page.items.filter((r) => alertLevelOf(r) !== undefined && r.context.outcome === null),
        );
        cursor = page.cursor;
      }
      if (request !== this.#dataRequest) return;
      this.cases = cases;
      this.alerts = alerts;
    } catch (e) {
      if (request !== this.#dataRequest) return;
      this.problem = this.t('error', { reason: e instanceof Error ? e.message : String(e) });
    }
  }

  protected override feedResynced(): void {
    void this.reload();
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (!this.#stopLive) this.#follow();
    if (previous?.client !== this.client) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('geojson')) void this.#loadShapes();
    if (this.hasUpdated && changed.has('town')) {
      this.#follow();
      void this.reload();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reloadTimer);
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.live(this.town ? { townId: this.town } : undefined, (c: Change) => {
      if (c.kind !== 'case' && c.kind !== 'scenario') return;
      clearTimeout(this.#reloadTimer);
      this.#reloadTimer = setTimeout(() => void this.reload(), 50);
    });
  }

  async #loadShapes(): Promise<void> {
    const request = ++this.#shapesRequest;
    this.problem = undefined;
    let input: unknown = this.geojson;
    if (input === undefined && this.src) {
      this.loading = true;
      try {
        const res = await fetch(this.src, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const length = Number(res.headers.get('content-length') ?? 0);
        if (length > MAX_SRC_BYTES) throw new Error(`> ${MAX_SRC_BYTES} B`);
        const text = await res.text();
        if (text.length > MAX_SRC_BYTES) throw new Error(`> ${MAX_SRC_BYTES} B`);
        input = text;
      } catch (e) {
        if (request !== this.#shapesRequest) return;
        this.loading = false;
        this.grids = [];
        this.problem = this.t('fetchFailed', {
          reason: e instanceof Error ? e.message : String(e),
        });
        return;
      }
      if (request !== this.#shapesRequest) return;
      this.loading = false;
    }
    if (input === undefined) {
      this.grids = [];
      return;
    }
    const r = parseGridGeoJson(input);
    if (!r.ok) {
      const d = r.diagnostics[0];
      this.grids = [];
      this.problem = this.t('refused', {
        path: d?.path.join('.') || '(root)',
        reason: (this.uiLang === 'en' ? d?.message.en : d?.message.zh) ?? '',
      });
      return;
    }
    this.#bounds = r.value.bounds;
    this.grids = r.value.grids;
  }

  #gridName(g: GridShape): string {
    return g.name ? (this.uiLang === 'en' ? g.name.en : g.name.zh) : g.gridId;
  }

  /** A WGS84 position in the GeoJSON's datum. */
  #toMapDatum(p: { lat: number; lng: number }): { lat: number; lng: number } {
    return this.crs?.toUpperCase() === 'GCJ-02' ? wgs84ToGcj02(p) : p;
  }

  #markers(
    project: (lng: number, lat: number) => [number, number],
    centres: Map<string, [number, number]>,
  ): Marker[] {
    const out: Marker[] = [];
    const lang = this.uiLang;
    for (const c of this.cases) {
      const loc = c.context.location;
      const group = groupOf(c.status);
      if (!loc || !group) continue;
      const p = this.#toMapDatum(loc);
      const [x, y] = project(p.lng, p.lat);
      const status = label('status', c.status, lang);
      out.push({
        id: c.id,
        gridId: c.context.gridId,
        kind: 'case',
        group,
        x,
        y,
        text: this.t('caseMarker', { title: c.context.title, status }),
      });
    }
    // alerts carry a place name, not a position: drawn at their grid's centre, side by side
    const perGrid = new Map<string, number>();
    for (const a of this.alerts) {
      const gridId = a.context.gridId ?? '';
      const centre = centres.get(gridId);
      if (!centre) continue;
      const n = perGrid.get(gridId) ?? 0;
      perGrid.set(gridId, n + 1);
      const level = alertLevelOf(a) ?? 3;
      const type =
        typeof a.context.data.alarmType === 'string' ? a.context.data.alarmType : a.scenario.id;
      out.push({
        id: a.id,
        gridId,
        kind: 'alert',
        group: level,
        x: centre[0] + 14 * n,
        y: centre[1] - 16,
        text: this.t('alertMarker', { level, type }),
      });
    }
    return out;
  }

  #select(g: GridShape, markers: Marker[]): void {
    this.selected = g.gridId;
    const inGrid = markers.filter((m) => m.gridId === g.gridId);
    const townId =
      this.town ??
      this.cases.find((c) => c.context.gridId === g.gridId)?.townId ??
      this.alerts.find((a) => a.context.gridId === g.gridId)?.townId;
    const detail: ZzGridSelectDetail = {
      gridId: g.gridId,
      townId,
      filters: { ...(townId ? { townId } : {}), gridId: g.gridId },
      openCases: inGrid.filter((m) => m.kind === 'case').map((m) => m.id),
      alerts: inGrid.filter((m) => m.kind === 'alert').map((m) => m.id),
    };
    this.dispatchEvent(zzEvent('zz-grid-select', detail));
  }

  override render() {
    const lang = this.uiLang;
    const header = html`<h2 id="title" part="title">${this.t('title')}</h2>`;
    if (this.problem)
      return html`<section aria-labelledby="title" lang=${lang}>${header}<p class="error" role="alert">${this.problem}</p></section>`;
    if (this.grids.length === 0)
      return html`<section aria-labelledby="title" lang=${lang}>${header}<p class="muted" role="status">${this.loading ? this.t('loading') : this.t('noGrids')}</p></section>`;
    const project = fitProjection(this.#bounds, WIDTH, HEIGHT);
    const paths = new Map<string, string>();
    const centres = new Map<string, [number, number]>();
    for (const g of this.grids) {
      let d = '';
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (const poly of g.polygons) {
        poly.forEach((ring, ri) => {
          const pts = ring.map(([lng, lat]) => project(lng, lat));
          d += `M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
          if (ri === 0)
            for (const [x, y] of pts.slice(1)) {
              sx += x;
              sy += y;
              n += 1;
            }
        });
      }
      paths.set(g.gridId, d);
      centres.set(g.gridId, [sx / Math.max(n, 1), sy / Math.max(n, 1)]);
    }
    const markers = this.#markers(project, centres);
    const scale = this.largeText ? 1.3 : 1;
    const openCases = markers.filter((m) => m.kind === 'case').length;
    const selected = this.grids.find((g) => g.gridId === this.selected);
    return html`
      <section aria-labelledby="title" lang=${lang}>
        ${header}
        <p class="muted" role="status">
          ${this.t('summary', { grids: this.grids.length, cases: openCases, alerts: this.alerts.length })}${selected ? html` · ${this.t('selected', { name: this.#gridName(selected) })}` : nothing}
        </p>
        <svg part="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label=${this.t('mapLabel', { n: this.grids.length })}>
          ${this.grids.map((g) => {
            const inGrid = markers.filter((m) => m.gridId === g.gridId);
            const name = this.t('grid', {
              name: this.#gridName(g),
              cases: inGrid.filter((m) => m.kind === 'case').length,
              alerts: inGrid.filter((m) => m.kind === 'alert').length,
            });
            const isSel = g.gridId === this.selected;
            return svg`<path class="grid ${isSel ? 'selected' : ''}" part=${isSel ? 'grid selected' : 'grid'} data-grid=${g.gridId} d=${paths.get(g.gridId) ?? ''} tabindex="0" role="button" aria-pressed=${isSel ? 'true' : 'false'} aria-label=${name}
              @click=${() => this.#select(g, markers)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  this.#select(g, markers);
                }
              }}></path>`;
          })}
          ${this.grids.map((g) => {
            const c = centres.get(g.gridId) ?? [0, 0];
            return svg`<text class="grid-label" aria-hidden="true" x=${c[0].toFixed(1)} y=${(c[1] + 14).toFixed(1)} text-anchor="middle">${this.#gridName(g)}</text>`;
          })}
          <g aria-hidden="true">${markers.map((m) => this.#renderMarker(m, scale))}</g>
        </svg>
        <ul class="legend" part="legend" aria-label=${this.t('legend')}>
          <li>${this.t('caseNew')}</li>
          <li>${this.t('caseWorking')}</li>
          <li>${this.t('caseChecking')}</li>
          <li>${this.t('alertLevel')}</li>
        </ul>
      </section>
    `;
  }

  #renderMarker(m: Marker, scale: number) {
    const r = 6 * scale;
    const x = m.x;
    const y = m.y;
    const title = svg`<title>${m.text}</title>`;
    if (m.kind === 'alert') {
      const h = r * 2.2;
      return svg`<g part="marker" data-marker=${m.id} data-kind="alert" data-level=${String(m.group)}><path class="marker alert-${m.group}" d="M${x},${y - h / 1.5}L${x + h / 1.7},${y + h / 3}L${x - h / 1.7},${y + h / 3}Z">${title}</path><text class="marker-text" x=${x} y=${y + h / 4}>${m.group}</text></g>`;
    }
    const cls = `marker case-${m.group}`;
    const shape =
      m.group === 'new'
        ? svg`<circle class=${cls} cx=${x} cy=${y} r=${r}>${title}</circle>`
        : m.group === 'working'
          ? svg`<rect class=${cls} x=${x - r} y=${y - r} width=${2 * r} height=${2 * r}>${title}</rect>`
          : svg`<path class=${cls} d="M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z">${title}</path>`;
    return svg`<g part="marker" data-marker=${m.id} data-kind="case" data-group=${m.group}>${shape}</g>`;
  }
}

defineElement('zz-grid-map', ZzGridMap);

declare global {
  interface HTMLElementTagNameMap {
    'zz-grid-map': ZzGridMap;
  }
}
