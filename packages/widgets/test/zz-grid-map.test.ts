import { builtInScenarios, sampleGridGeoJson } from '@zhizhi/core/sample';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import portalGrids from '../../../examples/portal/sample-grids.json?raw';
import {
  GRID_GEOJSON_LIMITS,
  parseGridGeoJson,
  type ZzGridMap,
  type ZzGridSelectDetail,
} from '../src/elements/zz-grid-map.js';
import { wgs84ToGcj02, type ZzProvider } from '../src/index.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

/** Inside qj-sj-c1-g1 of the sample grids (WGS84). */
const IN_G1 = { lat: 28.956, lng: 106.632 };

async function setup(options: { lang?: string; attrs?: string; geojson?: unknown } = {}) {
  const { client, clock } = makeLocalClient();
  const host = mount(
    `<zz-provider member="${DUTY}" lang="${options.lang ?? 'zh-CN'}"><zz-grid-map town="${TOWN}" ${options.attrs ?? ''}></zz-grid-map></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  const map = host.querySelector('zz-grid-map') as ZzGridMap;
  map.geojson = options.geojson ?? sampleGridGeoJson;
  provider.clock = clock;
  provider.client = client;
  await provider.updateComplete;
  await map.updateComplete;
  return { client, clock, host, provider, map };
}

const grids = (map: ZzGridMap) => [...shadow(map).querySelectorAll<SVGPathElement>('path.grid')];
const markers = (map: ZzGridMap, kind?: 'case' | 'alert') =>
  [...shadow(map).querySelectorAll<SVGGElement>('[data-marker]')].filter(
    (m) => !kind || m.dataset.kind === kind,
  );

describe('zz-grid-map', () => {
  afterEach(() => unmountAll());

  it('given the sample grids in zh-CN, then each grid is a focusable SVG path named in zh-CN with its counts', async () => {
    const { map } = await setup();
    await waitFor(() => grids(map).length === 8, 'eight grids');
    const g1 = grids(map).find((g) => g.dataset.grid === 'qj-sj-c1-g1');
    expect(g1?.getAttribute('tabindex')).toBe('0');
    expect(g1?.getAttribute('aria-label')).toBe('三江社区第1网格：0 件未办结事件，0 条预警');
    expect(shadow(map).querySelector('h2')?.textContent).toBe('网格地图');
    // fitted: every grid lies inside the viewBox
    for (const g of grids(map)) {
      const box = g.getBBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(600);
      expect(box.y + box.height).toBeLessThanOrEqual(420);
    }
  });

  it('given lang="en", then the heading, grid names and legend are English', async () => {
    const { map } = await setup({ lang: 'en' });
    await waitFor(() => grids(map).length === 8, 'eight grids');
    expect(shadow(map).querySelector('h2')?.textContent).toBe('Grid map');
    const g1 = grids(map).find((g) => g.dataset.grid === 'qj-sj-c1-g1');
    expect(g1?.getAttribute('aria-label')).toBe(
      'Sanjiang Community grid 1: 0 open cases, 0 alerts',
    );
    expect(shadow(map).querySelector('.legend')?.textContent).toContain('Case being handled');
  });

  it('given a case with a location and a level-1 alert, then both are markers: a circle for a new case, a triangle with the level for the alert', async () => {
    const { client, clock, map } = await setup();
    await report(client, { title: '井盖缺失', location: IN_G1 });
    await report(client, { title: '没有位置' });
    for (const doc of builtInScenarios) await client.deploy(doc, 'qj-ops-1');
    const r = await client.readings('qj-sj-sensor', [
      {
        deviceId: 'qj-sj-elec-map',
        seq: 1,
        deviceTime: clock.now(),
        type: 'leakage',
        value: 500,
        level: 1,
        townId: TOWN,
        gridId: 'qj-sj-c2-g1',
        location: { lat: 28.945, lng: 106.632, address: '新民村配电箱' },
      },
    ]);
    expect(r.results[0]?.ok).toBe(true);
    await map.reload();
    await map.updateComplete;
    const [c] = markers(map, 'case');
    expect(markers(map, 'case').length).toBe(1);
    expect(c?.querySelector('circle')).not.toBeNull();
    expect(c?.querySelector('title')?.textContent).toBe('事件：井盖缺失（待受理）');
    const [a] = markers(map, 'alert');
    expect(a?.dataset.level).toBe('1');
    expect(a?.querySelector('text')?.textContent).toBe('1');
    // the case marker lies inside its grid's path
    const g1 = grids(map).find((g) => g.dataset.grid === 'qj-sj-c1-g1') as SVGPathElement;
    const circle = c?.querySelector('circle') as SVGCircleElement;
    const pt = new DOMPoint(circle.cx.baseVal.value, circle.cy.baseVal.value);
    expect(g1.isPointInFill(pt)).toBe(true);
    expect(g1.getAttribute('aria-label')).toBe('三江社区第1网格：1 件未办结事件，0 条预警');
    const c2g1 = grids(map).find((g) => g.dataset.grid === 'qj-sj-c2-g1');
    expect(c2g1?.getAttribute('aria-label')).toContain('1 条预警');
  });

  it('given GeoJSON traced in GCJ-02 (crs="GCJ-02"), then a WGS84 case is shifted onto it', async () => {
    const { client, map } = await setup({ attrs: 'crs="GCJ-02"' });
    await report(client, { title: '偏移', location: IN_G1 });
    await map.reload();
    await map.updateComplete;
    const wgsX = (shadow(map).querySelector('circle') as SVGCircleElement).cx.baseVal.value;
    map.crs = 'WGS84';
    await map.updateComplete;
    const plainX = (shadow(map).querySelector('circle') as SVGCircleElement).cx.baseVal.value;
    // GCJ-02 is a few hundred metres east of WGS84 here: the marker moves east
    expect(wgs84ToGcj02(IN_G1).lng).toBeGreaterThan(IN_G1.lng);
    expect(wgsX).toBeGreaterThan(plainX);
  });

  it('given the keyboard, when the viewer tabs to a grid and presses Enter, then zz-grid-select fires with the grid id and filters', async () => {
    const { client, map } = await setup();
    const r = await report(client, { title: '键盘', location: IN_G1 });
    await map.reload();
    await map.updateComplete;
    const events: ZzGridSelectDetail[] = [];
    map.addEventListener('zz-grid-select', (e) => events.push(e.detail));
    const first = grids(map)[0] as SVGPathElement;
    first.focus();
    expect(shadow(map).activeElement).toBe(first);
    await userEvent.keyboard('{Enter}');
    expect(events[0]?.gridId).toBe('qj-sj-c1-g1');
    expect(events[0]?.filters).toEqual({ townId: TOWN, gridId: 'qj-sj-c1-g1' });
    expect(events[0]?.openCases).toEqual([r.id]);
    await map.updateComplete;
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(map.selected).toBe('qj-sj-c1-g1');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' ');
    expect(events[1]?.gridId).toBe(grids(map)[1]?.dataset.grid);
    await userEvent.click(grids(map)[2] as SVGPathElement);
    expect(events[2]?.gridId).toBe(grids(map)[2]?.dataset.grid);
  });

  it('given another client reports a case with a location, then its marker appears from the live feed', async () => {
    const { client, map } = await setup();
    await waitFor(() => grids(map).length === 8, 'grids');
    await report(client, { title: '实时', location: IN_G1 });
    await waitFor(() => markers(map, 'case').length === 1, 'the live marker');
  });

  it('given XSS payloads as grid names and case titles, then they show as text and never run', async () => {
    const geojson = structuredClone(sampleGridGeoJson) as unknown as {
      features: { properties: { name: string; nameEn: string } }[];
    };
    xssPayloads.forEach((p, i) => {
      const f = geojson.features[i];
      if (f) f.properties.name = p;
    });
    const { client, map } = await setup({ geojson });
    for (const p of xssPayloads) await report(client, { title: p.slice(0, 200), location: IN_G1 });
    await map.reload();
    await map.updateComplete;
    const labels = grids(map).map((g) => g.getAttribute('aria-label'));
    for (const p of xssPayloads) expect(labels.some((l) => l?.startsWith(p))).toBe(true);
    const titles = markers(map, 'case').map((m) => m.querySelector('title')?.textContent);
    for (const p of xssPayloads) expect(titles).toContain(`事件：${p.slice(0, 200)}（待受理）`);
    expect(shadow(map).querySelector('script, img, iframe, a, foreignObject')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given hostile GeoJSON, then it is refused with the path and the rule, quickly, and nothing is drawn', async () => {
    const ring = [
      [106.6, 28.9],
      [106.7, 28.9],
      [106.7, 29],
      [106.6, 28.9],
    ];
    const feature = (geometry: unknown, properties: unknown = { gridId: 'g' }) => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties, geometry }],
    });
    const huge = Array.from({ length: GRID_GEOJSON_LIMITS.positions + 10 }, () => [106.6, 28.9]);
    const cases: [string, unknown, string, string][] = [
      [
        'NaN',
        feature({ type: 'Polygon', coordinates: [[[Number.NaN, 1], ...ring]] }),
        'features.0.geometry.coordinates.0.0',
        'geojson.position',
      ],
      [
        'a point',
        feature({ type: 'Point', coordinates: [106.6, 28.9] }),
        'features.0.geometry.type',
        'geojson.geometry',
      ],
      [
        '__proto__',
        JSON.parse(
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gridId":"g","__proto__":{"x":1}},"geometry":{"type":"Polygon","coordinates":[[[106.6,28.9],[106.7,28.9],[106.7,29],[106.6,28.9]]]}}]}',
        ),
        'features.0.properties.__proto__',
        'geojson.forbiddenKey',
      ],
      [
        'a huge ring',
        feature({ type: 'Polygon', coordinates: [huge] }),
        'features.0.geometry.coordinates.0',
        'geojson.tooLarge',
      ],
      [
        'no gridId',
        feature({ type: 'Polygon', coordinates: [ring] }, {}),
        'features.0.properties.gridId',
        'geojson.gridId',
      ],
      ['not JSON', '{"type":', '', 'geojson.type'],
    ];
    for (const [what, input, path, code] of cases) {
      const t = performance.now();
      const r = parseGridGeoJson(input);
      expect(performance.now() - t, what).toBeLessThan(1000);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics[0]?.code, what).toBe(code);
        expect(r.diagnostics[0]?.path.join('.'), what).toBe(path);
      }
    }
    const { map } = await setup({ lang: 'en', geojson: cases[1]?.[1] });
    await map.updateComplete;
    expect(grids(map).length).toBe(0);
    expect(shadow(map).querySelector('[role="alert"]')?.textContent).toBe(
      'Invalid grid data at features.0.geometry.type: only Polygon and MultiPolygon are supported, got Point',
    );
  });

  it('given src, then the grids are fetched from it; the portal example serves the same grids as @zhizhi/core/sample', async () => {
    expect(JSON.parse(portalGrids)).toEqual(JSON.parse(JSON.stringify(sampleGridGeoJson)));
    const url = URL.createObjectURL(new Blob([portalGrids], { type: 'application/geo+json' }));
    const { client, clock } = makeLocalClient();
    const host = mount(
      `<zz-provider member="${DUTY}"><zz-grid-map src="${url}"></zz-grid-map></zz-provider>`,
    );
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.clock = clock;
    provider.client = client;
    const map = host.querySelector('zz-grid-map') as ZzGridMap;
    await waitFor(() => grids(map).length === 8, 'grids from src');
    URL.revokeObjectURL(url);
  });

  it('given markers, a selected grid and large text, then axe-core finds no violations', async () => {
    const { client, map, provider } = await setup();
    provider.largeText = true;
    await report(client, { title: '无障碍', location: IN_G1 });
    await map.reload();
    map.selected = 'qj-sj-c1-g1';
    await waitFor(() => map.hasAttribute('large-text'), 'large text');
    await map.updateComplete;
    await expectNoAxeViolations(map);
  });
});
