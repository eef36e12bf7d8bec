import type { SectionId } from '@zhizhi/core';
import type { KpiQuery, Kpis } from '@zhizhi/core/kpi';
import { label } from '@zhizhi/core/labels';
import { css, html, nothing, type PropertyValues } from 'lit';
import type { ChartHandle, ChartSpec } from '../charts/zzCharts.js';
import { defineElement } from '../defineElement.js';
import { ZzElement } from '../provider/ZzElement.js';
import type { ZzContext } from '../provider/zzContext.js';
import { baseStyles } from '../theme/baseStyles.js';
import { kpiDashboardMessages } from './zz-kpi-dashboard/kpiDashboardMessages.js';
import { loadCharts } from './zz-kpi-dashboard/loadCharts.js';
import { daysOf, periodBound } from './zz-kpi-dashboard/periodOf.js';

export { loadCharts } from './zz-kpi-dashboard/loadCharts.js';
export { daysOf, periodBound } from './zz-kpi-dashboard/periodOf.js';

const SECTIONS = ['partyBuilding', 'economicDevelopment', 'livelihoodServices', 'safetyRuleOfLaw'];
const CHART_HEIGHT = 240;

type ChartKey = 'byCategory' | 'trend';
interface Table {
  caption: string;
  head: [string, ...string[]];
  rows: [string, ...number[]][];
}

/**
 * The command center's KPIs for a town (and section, and period): cases reported, resolved on
 * time (the share of resolve deadlines met), mean time to acknowledge and to resolve, overdue
 * cases, cases by section, and two ECharts charts — cases by category (bars) and reported /
 * closed per day (lines). Each chart has its data as a table (`<details>`), the text
 * alternative. ECharts is a chunk of its own (dist/zz-charts.js, ~SVG renderer only) loaded the
 * first time a dashboard draws: a page without a dashboard never downloads it. KPIs come from
 * `client.kpis()` (the server's `GET /api/kpis`, or `LocalClient`'s same computation) and are
 * read again when the provider's live feed reports case changes (debounced).
 *
 * @element zz-kpi-dashboard
 * @csspart title - the heading
 * @csspart cards - the list of KPI cards
 * @csspart card - one KPI card
 * @csspart chart - a chart's drawing area (ECharts SVG)
 * @csspart table - a chart's data table
 * @cssprop --zz-color-accent - first chart series
 * @cssprop --zz-chart-2 - second chart series
 * @cssprop --zz-color-surface - card background
 *
 * @example
 * ```html
 * <zz-provider api="/api" member="qj-sj-commander">
 *   <zz-kpi-dashboard town="qj-sj" from="2026-09-01" to="2026-09-30"></zz-kpi-dashboard>
 * </zz-provider>
 * ```
 */
export class ZzKpiDashboard extends ZzElement {
  static override messages = kpiDashboardMessages;

  static override properties = {
    ...ZzElement.properties,
    town: { type: String, reflect: true },
    section: { type: String, reflect: true },
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    days: { type: Number, reflect: true },
    kpis: { attribute: false },
    loading: { state: true, attribute: false },
    error: { state: true, attribute: false },
    chartState: { state: true, attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      h3 {
        font-size: 1em;
        margin: 0 0 0.3em;
      }
      ul.cards {
        list-style: none;
        margin: 0 0 1em;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
        gap: 0.6em;
      }
      .card {
        border: 1px solid var(--zz-color-border, #8c959f);
        border-radius: var(--zz-radius, 4px);
        background: var(--zz-color-surface, #fff);
        padding: 0.5em 0.8em;
      }
      .value {
        display: block;
        font-size: 1.6em;
        font-weight: 700;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18em, 1fr));
        gap: 1em;
      }
      figure {
        margin: 0;
        min-width: 0;
      }
      .chart {
        width: 100%;
        overflow: hidden;
        min-height: calc(${CHART_HEIGHT}px * var(--zz-font-scale, 1));
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 0.1em 0.8em 0.1em 0;
        border-bottom: 1px solid var(--zz-color-border, #d0d7de);
      }
      td.n {
        text-align: end;
      }
      .legend {
        margin: 0;
      }
      .swatch {
        display: inline-block;
        width: 1.5em;
        height: 0.25em;
        vertical-align: middle;
        margin-inline-end: 0.3em;
        background: var(--zz-color-accent, #0b5cad);
      }
      .swatch.s1 {
        background: var(--zz-chart-2, #1a7f37);
      }
      summary {
        cursor: pointer;
        min-height: 2em;
      }
    `,
  ];

  /** Town id (default: every town the viewer may see). */
  declare town: string | undefined;
  /** Section id (`partyBuilding`, `economicDevelopment`, `livelihoodServices`, `safetyRuleOfLaw`). */
  declare section: string | undefined;
  /** First day (`YYYY-MM-DD`, China Standard Time) or date-time of the period (cases reported from). */
  declare from: string | undefined;
  /** Last day of the period (inclusive), or an exclusive date-time. */
  declare to: string | undefined;
  /** Days the trend line shows when no period is given (default 14). */
  declare days: number;
  /** The KPIs shown. */
  declare kpis: Kpis | undefined;
  declare protected loading: boolean;
  declare protected error: string | undefined;
  declare protected chartState: 'idle' | 'loading' | 'ready' | 'failed';

  #request = 0;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #stopLive: (() => void) | undefined;
  #charts = new Map<ChartKey, { el: HTMLElement; chart: ChartHandle }>();
  #chartError = '';
  #resize: ResizeObserver | undefined;
  #readAt = 0;

  constructor() {
    super();
    this.days = 14;
    this.loading = false;
    this.chartState = 'idle';
  }

  /** Reads the KPIs again. */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const request = ++this.#request;
    const query = this.#query();
    if (!query) return;
    this.loading = true;
    this.error = undefined;
    try {
      await this.feedReady();
      const k = await client.kpis(query);
      if (request !== this.#request) return;
      this.#readAt = this.now();
      this.kpis = k;
    } catch (e) {
      if (request !== this.#request) return;
      this.error = this.t('error', { reason: e instanceof Error ? e.message : String(e) });
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  #query(): KpiQuery | undefined {
    const from = periodBound(this.from, 'from');
    const to = periodBound(this.to, 'to');
    for (const [name, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (v !== undefined && Number.isNaN(v)) {
        this.error = this.t('badPeriod', { name });
        this.kpis = undefined;
        return undefined;
      }
    }
    const section = SECTIONS.includes(this.section ?? '') ? (this.section as SectionId) : undefined;
    return {
      ...(this.town ? { townId: this.town } : {}),
      ...(section ? { section } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    };
  }

  protected override feedResynced(): void {
    void this.reload();
  }

  protected override contextChanged(previous: ZzContext | undefined): void {
    if (!this.#stopLive) this.#follow();
    if (previous?.client !== this.client) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filters = ['town', 'section', 'from', 'to', 'days'] as const;
    if (this.hasUpdated && filters.some((f) => changed.has(f))) {
      if (changed.has('town')) this.#follow();
      void this.reload();
    }
  }

  protected override updated(): void {
    if (this.kpis && this.kpis.cases > 0) void this.#draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reloadTimer);
    this.#resize?.disconnect();
    this.#resize = undefined;
    for (const c of this.#charts.values()) c.chart.destroy();
    this.#charts.clear();
  }

  #follow(): void {
    this.#stopLive?.();
    this.#stopLive = this.live(
      { kind: 'case', ...(this.town ? { townId: this.town } : {}) },
      () => {
        clearTimeout(this.#reloadTimer);
        this.#reloadTimer = setTimeout(() => void this.reload(), 250);
      },
    );
  }

  // ── charts ──────────────────────────────────────────────────────────────────────────────

  async #draw(): Promise<void> {
    if (this.chartState === 'failed') return;
    let mod: Awaited<ReturnType<typeof loadCharts>>;
    try {
      if (this.chartState === 'idle') this.chartState = 'loading';
      mod = await loadCharts();
    } catch (e) {
      this.#chartError = e instanceof Error ? e.message : String(e);
      this.chartState = 'failed';
      return;
    }
    if (!this.isConnected) return;
    const style = getComputedStyle(this);
    const prop = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    const colors = [prop('--zz-color-accent', '#0b5cad'), prop('--zz-chart-2', '#1a7f37')];
    const textColor = prop('--zz-color-text', '#1f2328');
    const fontSize = Math.round(12 * (this.largeText ? 1.3 : 1));
    const height = Math.round(CHART_HEIGHT * (this.largeText ? 1.3 : 1));
    for (const key of ['byCategory', 'trend'] as const) {
      const el = this.renderRoot.querySelector<HTMLElement>(`[data-chart="${key}"]`);
      const table = this.#table(key);
      if (!el || !table) continue;
      const spec: ChartSpec = {
        kind: key === 'trend' ? 'line' : 'bar',
        categories: table.rows.map((r) => r[0]),
        series: table.head.slice(1).map((name, i) => ({
          name,
          values: table.rows.map((r) => r[i + 1] as number),
        })),
        colors,
        textColor,
        fontSize,
      };
      const width = Math.max(240, el.clientWidth || 480);
      const existing = this.#charts.get(key);
      if (existing?.el === el) {
        existing.chart.update(spec);
        existing.chart.resize(width, height);
        continue;
      }
      existing?.chart.destroy();
      this.#charts.set(key, { el, chart: mod.createChart(el, spec, width, height) });
      this.#observe(el, height);
    }
    if (this.chartState !== 'ready') this.chartState = 'ready';
  }

  #observe(el: HTMLElement, height: number): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.#resize ??= new ResizeObserver((entries) => {
      for (const e of entries) {
        const k = (e.target as HTMLElement).dataset.chart as ChartKey;
        const w = Math.max(240, Math.round(e.contentRect.width));
        this.#charts.get(k)?.chart.resize(w, height);
      }
    });
    this.#resize.observe(el);
  }

  /** The data of a chart (and its table alternative). */
  #table(key: ChartKey): Table | undefined {
    const k = this.kpis;
    if (!k) return undefined;
    if (key === 'byCategory') {
      const rows = Object.entries(k.byCategory)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([c, n]): [string, number] => [this.categoryName(c), n]);
      return { caption: this.t('byCategory'), head: [this.t('category'), this.t('cases')], rows };
    }
    const from = periodBound(this.from, 'from');
    const to = periodBound(this.to, 'to') ?? this.#readAt + 1;
    const span = Math.max(1, Math.floor(this.days) || 14);
    const start = from ?? to - span * 86_400_000;
    const days = daysOf(start, to);
    const rows = days.map((d): [string, number, number] => [
      d,
      Object.hasOwn(k.byDay, d) ? (k.byDay[d] as number) : 0,
      Object.hasOwn(k.closedByDay, d) ? (k.closedByDay[d] as number) : 0,
    ]);
    return {
      caption: this.t('trend'),
      head: [this.t('day'), this.t('reportedSeries'), this.t('closedSeries')],
      rows,
    };
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────

  #duration(ms: number | null): string {
    if (ms === null) return this.t('none');
    const min = ms / 60_000;
    if (min < 60) return this.t('minutes', { n: Math.round(min) });
    const h = min / 60;
    if (h < 48) return this.t('hours', { n: Number(h.toFixed(1)) });
    return this.t('days', { n: Number((h / 24).toFixed(1)) });
  }

  override render() {
    const lang = this.uiLang;
    const header = html`<h2 id="title" part="title">${this.t('title')}</h2>`;
    if (!this.client)
      return html`<section lang=${lang} aria-labelledby="title">${header}<p class="muted" role="status">${this.t('noProvider')}</p></section>`;
    const k = this.kpis;
    const status = this.error
      ? html`<p class="error" role="alert">${this.error}</p>`
      : html`<p class="muted" role="status">${this.loading && !k ? this.t('loading') : k && k.cases === 0 ? this.t('empty') : this.#periodText()}</p>`;
    if (!k) return html`<section lang=${lang} aria-labelledby="title">${header}${status}</section>`;
    const resolve = k.slaCompliance.resolve;
    const percent =
      resolve.rate === null
        ? this.t('none')
        : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
            resolve.rate,
          );
    const cards: [string, string, string][] = [
      [this.t('reported'), String(k.cases), this.t('open', { n: k.open })],
      [
        this.t('onTime'),
        percent,
        this.t('onTimeOf', { met: resolve.met, all: resolve.met + resolve.missed }),
      ],
      [
        this.t('meanAcknowledge'),
        this.#duration(k.durations.acknowledge.mean),
        this.t('samples', { n: k.durations.acknowledge.count }),
      ],
      [
        this.t('meanResolve'),
        this.#duration(k.durations.resolve.mean),
        this.t('samples', { n: k.durations.resolve.count }),
      ],
      [
        this.t('overdue'),
        String(k.overdue.length),
        this.t('overdueNote', { l1: k.supervisions.level1, l2: k.supervisions.level2 }),
      ],
    ];
    const sections = SECTIONS.map((s): [string, number] => [
      label('section', s, lang),
      Object.hasOwn(k.bySection, s) ? (k.bySection[s] as number) : 0,
    ]);
    return html`
      <section lang=${lang} aria-labelledby="title">
        ${header} ${status}
        <ul class="cards" part="cards">
          ${cards.map(
            ([name, value, note]) =>
              html`<li class="card" part="card"><span>${name}</span><span class="value">${value}</span><span class="muted">${note}</span></li>`,
          )}
          <li class="card" part="card">
            <span>${this.t('bySection')}</span>
            <table>
              <caption class="visually-hidden">${this.t('bySection')}</caption>
              <tbody>
                ${sections.map(([s, n]) => html`<tr><th scope="row">${s}</th><td class="n">${n}</td></tr>`)}
              </tbody>
            </table>
          </li>
        </ul>
        ${k.cases > 0 ? html`<div class="charts">${this.#figure('byCategory')}${this.#figure('trend')}</div>` : nothing}
      </section>
    `;
  }

  #periodText(): string {
    const from = this.from;
    const to = this.to;
    if (!from && !to) return this.t('allTime');
    return this.t('period', { from: from ?? '…', to: to ?? '…' });
  }

  #figure(key: ChartKey) {
    const table = this.#table(key);
    if (!table) return nothing;
    const id = `chart-${key}`;
    return html`<figure aria-labelledby=${id}>
      <h3 id=${id}>${table.caption}</h3>
      ${
        this.chartState === 'failed'
          ? html`<p class="error">${this.t('chartFailed', { reason: this.#chartError })}</p>`
          : this.chartState !== 'ready'
            ? html`<p class="muted">${this.t('chartLoading')}</p>`
            : nothing
      }
      ${
        table.head.length > 2
          ? html`<p class="legend" aria-hidden="true">${table.head
              .slice(1)
              .map((name, i) => html`<span class="swatch s${i}"></span>${name} `)}</p>`
          : nothing
      }
      <div class="chart" part="chart" data-chart=${key} aria-hidden="true"></div>
      <details>
        <summary>${this.t('table', { name: table.caption })}</summary>
        <table part="table">
          <caption class="visually-hidden">${table.caption}</caption>
          <thead><tr>${table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>
            ${table.rows.map(([name, ...values]) => html`<tr><th scope="row">${name}</th>${values.map((v) => html`<td class="n">${v}</td>`)}</tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

defineElement('zz-kpi-dashboard', ZzKpiDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'zz-kpi-dashboard': ZzKpiDashboard;
  }
}
