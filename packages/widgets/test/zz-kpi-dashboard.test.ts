import type { Kpis } from '@zhizhi/core/kpi';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ZzKpiDashboard } from '../src/elements/zz-kpi-dashboard.js';
import '../src/elements/zz-kpi-dashboard.js';
import type { ZzProvider } from '../src/index.js';
import '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

async function setup(options: { lang?: string; attrs?: string; client?: unknown } = {}) {
  const { client, clock } = makeLocalClient();
  const host = mount(
    `<zz-provider member="${DUTY}" lang="${options.lang ?? 'zh-CN'}"><zz-kpi-dashboard town="${TOWN}" ${options.attrs ?? ''}></zz-kpi-dashboard></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = (options.client ?? client) as typeof client;
  const dash = host.querySelector('zz-kpi-dashboard') as ZzKpiDashboard;
  await provider.updateComplete;
  await dash.updateComplete;
  return { client, clock, host, provider, dash };
}

/** Each card's parts (name, value, note — or its table's text), joined with `|`. */
const cards = (dash: ZzKpiDashboard) =>
  [...shadow(dash).querySelectorAll('.card')].map((c) =>
    [...c.children].map((e) => e.textContent?.replace(/\s+/g, ' ').trim()).join('|'),
  );
const chartSvg = (dash: ZzKpiDashboard, key: 'byCategory' | 'trend') =>
  shadow(dash).querySelector(`[data-chart="${key}"] svg`);
/** Modules of the chart chunk the page has fetched (ECharts and src/charts/zzCharts.ts). */
const chartRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /charts\/zzCharts|echarts/.test(n));

// vitest's own modules fill the default buffer of 250 entries: keep every later request
performance.setResourceTimingBufferSize(100_000);

describe('zz-kpi-dashboard', () => {
  afterEach(() => unmountAll());

  it('given a page with a dashboard but no cases yet, then the chart chunk is not loaded; once it has cases to draw, it is', async () => {
    expect(chartRequests()).toEqual([]);
    const { client, dash } = await setup();
    await waitFor(() => dash.kpis !== undefined, 'first read');
    await dash.updateComplete;
    expect(shadow(dash).querySelector('[role="status"]')?.textContent).toBe('此期间没有事件');
    expect(chartRequests()).toEqual([]);
    await report(client, { title: '河道漂浮物' });
    await waitFor(() => chartSvg(dash, 'byCategory'), 'the bar chart', 10_000);
    expect(chartRequests().some((n) => /charts\/zzCharts/.test(n))).toBe(true);
  });

  it('given cases in zh-CN, then the cards, the section table and both charts show them', async () => {
    const { client, clock, dash } = await setup();
    const a = await report(client, { title: '一' });
    await report(client, { title: '二', category: 'roadFacilities' });
    clock.advance(90 * 60_000);
    await client.send(a.id, { type: 'ACCEPT', by: DUTY });
    await dash.reload();
    await waitFor(() => chartSvg(dash, 'trend'), 'the trend chart', 10_000);
    const c = cards(dash);
    expect(c[0]).toBe('上报事件|2|未办结 2 件');
    expect(c[1]).toContain('按时办结率');
    expect(c[4]).toContain('超期未办');
    expect(c[5]).toContain('平安法治');
    const rows = [
      ...shadow(dash).querySelectorAll('[data-chart="byCategory"] ~ details tbody tr'),
    ].map((r) => r.textContent);
    expect(rows.sort()).toEqual(['riverPollution1', 'roadFacilities1']);
    expect(
      shadow(dash).querySelector('[data-chart="trend"] ~ details tbody')?.textContent,
    ).toContain('2026-09-01');
    // ECharts drew SVG (no canvas), category names as text
    expect(shadow(dash).querySelector('canvas')).toBeNull();
    expect(chartSvg(dash, 'byCategory')?.textContent).toContain('riverPollution');
  });

  it('given lang="en", then the heading, cards and tables are English', async () => {
    const { client, dash } = await setup({ lang: 'en' });
    await report(client, { title: 'one' });
    await dash.reload();
    await dash.updateComplete;
    expect(shadow(dash).querySelector('h2')?.textContent).toBe('Command center KPIs');
    expect(cards(dash)[0]).toBe('Cases reported|1|1 open');
    expect(cards(dash)[5]).toContain('Safety and rule of law');
    expect(shadow(dash).querySelector('summary')?.textContent).toBe('Data table: By category');
  });

  it('given the keyboard, when the viewer tabs to a chart’s data table and presses Enter, then the table opens', async () => {
    const { client, dash } = await setup();
    await report(client, { title: '键盘' });
    await dash.reload();
    await dash.updateComplete;
    const summary = shadow(dash).querySelector('summary') as HTMLElement;
    summary.focus();
    expect(shadow(dash).activeElement).toBe(summary);
    await userEvent.keyboard('{Enter}');
    expect((summary.parentElement as HTMLDetailsElement).open).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(shadow(dash).activeElement?.tagName).toBe('SUMMARY');
  });

  it('given another client reports a case, then the cards follow the live feed', async () => {
    const { client, dash } = await setup();
    await waitFor(() => dash.kpis !== undefined, 'first read');
    await report(client, { title: '实时一' });
    await waitFor(() => dash.kpis?.cases === 1, 'the live update');
    await report(client, { title: '实时二' });
    await waitFor(() => cards(dash)[0]?.startsWith('上报事件|2|'), 'the second live update');
  });

  it('given a server whose KPIs carry XSS payloads as category names, then they show as text and never run', async () => {
    const { client } = makeLocalClient();
    const byCategory = Object.fromEntries(xssPayloads.map((p, i) => [p, i + 1]));
    const hostile = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'kpis')
          return async (q: Parameters<typeof client.kpis>[0]) => {
            const k = await target.kpis(q);
            return { ...k, cases: 7, byCategory } satisfies Kpis;
          };
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const { dash } = await setup({ client: hostile });
    await waitFor(() => chartSvg(dash, 'byCategory'), 'the chart', 10_000);
    const table = shadow(dash).querySelector(
      '[data-chart="byCategory"] ~ details table',
    )?.textContent;
    for (const p of xssPayloads) expect(table).toContain(p);
    expect(shadow(dash).querySelector('script, img, iframe, a[href], foreignObject')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given from="yesterday", then it says which attribute is wrong and reads nothing', async () => {
    const { dash } = await setup({ lang: 'en', attrs: 'from="yesterday"' });
    await dash.updateComplete;
    expect(shadow(dash).querySelector('[role="alert"]')?.textContent).toBe(
      'attribute from must be a date (YYYY-MM-DD) or a date-time with an offset',
    );
    expect(dash.kpis).toBeUndefined();
  });

  it('given a period, then only cases reported in it count', async () => {
    const { client, clock, dash } = await setup({ attrs: 'from="2026-09-02" to="2026-09-02"' });
    await report(client, { title: '九月一日' });
    clock.advance(24 * 3_600_000);
    await report(client, { title: '九月二日' });
    await dash.reload();
    expect(dash.kpis?.cases).toBe(1);
  });

  it('given charts, a data table open and large text, then axe-core finds no violations', async () => {
    const { client, dash, provider } = await setup();
    provider.largeText = true;
    await report(client, { title: '无障碍' });
    await dash.reload();
    await waitFor(() => chartSvg(dash, 'trend'), 'charts', 10_000);
    await waitFor(() => dash.hasAttribute('large-text'), 'large text');
    (shadow(dash).querySelector('details') as HTMLDetailsElement).open = true;
    await expectNoAxeViolations(dash);
  });
});
