// The portal example (examples/portal) in Chromium under its strict CSP, against a real zhizhi
// server (`startServer` on a temp PGlite folder): zero CSP violations, zero console errors,
// and the article's river story end to end in the page — the grid worker reports from the
// form, the duty officer accepts and dispatches on the board, the post acknowledges and
// resolves in the case view, the grid worker confirms — then a level-1 leakage reading
// published over MQTT (the real Mosquitto, this run's own topic prefix and client id) appears
// in the alert feed and the fire post signs for it. (`POST /api/readings` is covered by the
// server's http.auth and http.scenarios tests.)
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { type StartedServer, startServer } from '@zhizhi/server';
import mqtt from 'mqtt';
import { type Browser, chromium, type Page } from 'playwright-core';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { leakageReading, MQTT_URL, mosquittoAvailable } from '../../../scripts/mosquitto.mjs';
import {
  isChartChunk,
  nodeEnvProduction,
  onwarn,
  resolveOptions,
  treeshake,
} from '../build/bundleOptions.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const portalDir = join(here, '../../../examples/portal');

/** The portal's own CSP (its `<meta>`); the server adds its stricter `default-src 'self'` header. */
const CSP = "script-src 'self'; style-src 'self'";

const WORKER = 'qj-sj-c1-g1-worker';
const DUTY = 'qj-sj-duty';
const POST = 'qj-sj-czjs-staff';
const FIRE_POST = 'qj-sj-xfgl-staff';

/** A real 2×2 PNG (the form shrinks it to JPEG in the browser before uploading). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

/** This run's own topic prefix and client id: parallel runs never see each other's readings. */
const RUN = `zzportal${randomBytes(4).toString('hex')}`;

const mqttUp = await mosquittoAvailable(
  mqtt,
  'portal.node.test.ts',
  'the MQTT alert test of portal.node.test.ts',
);

/** dist/zhizhi-widgets.js as `pnpm build` makes it (rollup IIFE of src/index.ts, minified). */
async function buildWidgets(): Promise<string> {
  const build = await rollup({
    input: join(here, '../src/index.ts'),
    treeshake,
    onwarn,
    plugins: [
      nodeResolve(resolveOptions),
      nodeEnvProduction(),
      esbuild({ target: 'es2022', tsconfig: join(here, '../tsconfig.json') }),
    ],
  });
  const { output } = await build.generate({
    format: 'iife',
    name: 'ZhizhiWidgets',
    plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
  });
  await build.close();
  return (output[0] as { code: string }).code;
}

/**
 * dist/zhizhi-viz.js (the dashboard and the map, a classic script) and dist/zz-charts.js (the
 * ECharts chunk it imports next to itself), as `pnpm build` makes them.
 */
async function buildViz(): Promise<{ viz: string; charts: string }> {
  const plugins = () => [
    nodeResolve(resolveOptions),
    nodeEnvProduction(),
    esbuild({ target: 'es2022', tsconfig: join(here, '../tsconfig.json') }),
  ];
  const vizBuild = await rollup({
    input: join(here, '../src/viz.ts'),
    treeshake,
    onwarn,
    external: isChartChunk,
    plugins: plugins(),
  });
  const viz = await vizBuild.generate({
    format: 'iife',
    name: 'ZhizhiWidgets',
    extend: true,
    paths: (id) => (isChartChunk(id) ? './zz-charts.js' : id),
  });
  await vizBuild.close();
  const chartsBuild = await rollup({
    input: join(here, '../src/charts/zzCharts.ts'),
    treeshake,
    onwarn,
    plugins: plugins(),
  });
  const charts = await chartsBuild.generate({ format: 'es' });
  await chartsBuild.close();
  return {
    viz: (viz.output[0] as { code: string }).code,
    charts: (charts.output[0] as { code: string }).code,
  };
}

let dataDir = '';
let server: StartedServer | undefined;
let portalUrl = '';
let browser: Browser | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhizhi-portal-'));
  let t = performance.now();
  const widgetsJs = await buildWidgets();
  console.log(`portal: widgets bundle built in ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  // served as `zhizhi start` serves them: the portal folder and the widgets bundle as pages
  const widgetsDir = join(dataDir, 'widgets');
  mkdirSync(widgetsDir);
  writeFileSync(join(widgetsDir, 'zhizhi-widgets.js'), widgetsJs);
  const { viz, charts } = await buildViz();
  writeFileSync(join(widgetsDir, 'zhizhi-viz.js'), viz);
  writeFileSync(join(widgetsDir, 'zz-charts.js'), charts);
  server = await startServer({
    port: 0,
    dataDir: join(dataDir, 'data'),
    log: () => {},
    tickMs: 0,
    lang: 'en',
    ...(mqttUp ? { mqttUrl: MQTT_URL, mqttClientId: `${RUN}-server`, mqttTopicPrefix: RUN } : {}),
    pages: [
      { mount: '/portal', dir: portalDir },
      { mount: '/widgets', dir: widgetsDir },
    ],
  });
  console.log(
    `portal: server started (PGlite, migrations, scenarios) in ${Math.round(performance.now() - t)} ms`,
  );
  portalUrl = server.url;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the portal and records console errors, page errors and CSP violations. */
async function open(): Promise<{
  page: Page;
  problems: string[];
  violations: () => Promise<string[]>;
}> {
  const context = await (browser as Browser).newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const response = await page.goto(`${portalUrl}/portal/`);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("default-src 'self'");
  expect(header).not.toContain('unsafe');
  expect(
    await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
  ).toBe(CSP);
  return {
    page,
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

async function signIn(page: Page, memberId: string): Promise<void> {
  const name = await page.locator(`#member option[value="${memberId}"]`).textContent();
  await page.selectOption('#member', memberId);
  await page
    .locator('#login-status')
    .filter({ hasText: `已登录：${name}` })
    .waitFor();
  await page.waitForFunction(
    (id) => (document.querySelector('zz-provider') as { member?: string }).member === id,
    memberId,
  );
}

async function caseStatus(caseId: string): Promise<string> {
  const base = (server as StartedServer).url;
  const { token } = (await (
    await fetch(`${base}/api/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: DUTY }),
    })
  ).json()) as { token: string };
  const res = await fetch(`${base}/api/cases/${encodeURIComponent(caseId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) return `HTTP ${res.status}`;
  return ((await res.json()) as { record: { status: string } }).record.status;
}

/** Opens an action of `zz-case` (a disclosure), fills its text fields and sends it. */
async function act(page: Page, type: string, fields: Record<string, string> = {}): Promise<void> {
  const action = page.locator(`zz-case details[data-type="${type}"]`);
  await action.locator('summary').click();
  for (const [name, value] of Object.entries(fields))
    await action.locator(`#${type}-${name}`).fill(value);
  await action.locator('button[type="submit"]').click();
}

describe('examples/portal under a strict CSP', () => {
  it('given the portal page, then every element renders with zero CSP violations and zero console errors', async () => {
    const { page, problems, violations } = await open();
    await page.locator('#login-status').filter({ hasText: '已登录' }).waitFor();
    for (const tag of [
      'zz-report-form',
      'zz-dispatch-board',
      'zz-case',
      'zz-alert-feed',
      'zz-duty-list',
      'zz-grid-map',
      'zz-kpi-dashboard',
    ])
      expect(await page.evaluate((t) => customElements.get(t) !== undefined, tag)).toBe(true);
    // the grid map draws the sample grids from /portal/sample-grids.json
    await expect.poll(() => page.locator('zz-grid-map path.grid').count()).toBe(8);
    await page.locator('zz-grid-map path.grid').first().click();
    await page.locator('#grid-choice').filter({ hasText: '已选择网格 qj-sj-c1-g1' }).waitFor();
    await page.locator('zz-report-form h2').filter({ hasText: '事件上报' }).waitFor();
    await page.locator('zz-alert-feed h2').filter({ hasText: '实时预警' }).waitFor();
    await page.locator('zz-duty-list h2').filter({ hasText: '“6+1”重点任务清单' }).waitFor();
    expect(await page.locator('zz-duty-list li[part="duty"]').count()).toBe(7);
    await page.click('#large-text');
    await page.waitForFunction(() =>
      document.querySelector('zz-report-form')?.hasAttribute('large-text'),
    );
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    // the policy is in force and the check sees a breach: an inline script is refused
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inline = 1';
      document.head.append(inline);
    });
    // (reported once per policy in force: the header's and the page's <meta>)
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    for (const v of await violations()) expect(v).toMatch(/^script-src-elem inline/);
    expect(await page.evaluate(() => (window as { __inline?: number }).__inline)).toBeUndefined();
    await page.context().close();
  });

  it('given the river story, then report → accept → dispatch → acknowledge → resolve → confirm runs in the page', async () => {
    const { page, problems, violations } = await open();
    // the chart chunk: fetched once, when the duty officer's dashboard first has cases to draw
    const chartRequests: string[] = [];
    page.on('request', (r) => {
      if (/zz-charts\.js/.test(r.url())) chartRequests.push(new URL(r.url()).pathname);
    });
    await signIn(page, WORKER);

    // the grid worker reports from the form
    const form = page.locator('zz-report-form');
    await form.locator('select[name="category"]').selectOption('riverPollution');
    await form.locator('input[name="title"]').fill('檬梓桥河雨污混流、管网破损');
    await form
      .locator('textarea[name="description"]')
      .fill('走访发现雨污混流，污水收集不彻底，管网破损');
    await form.locator('input[name="lat"]').fill('29.03');
    await form.locator('input[name="lng"]').fill('106.65');
    await form.locator('input[name="address"]').fill('檬梓桥河沿岸');
    // one photo, uploaded by default through the provider's HttpClient (POST /api/photos)
    await form
      .locator('input[name="photos"]')
      .setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: PHOTO });
    await form.locator('.photos img').waitFor();
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="status"]').filter({ hasText: '已上报，事件编号' }).waitFor();
    const caseId = (await page.locator('zz-case').getAttribute('case-id')) ?? '';
    expect(caseId).not.toBe('');
    expect(await caseStatus(caseId)).toBe('intake');
    // the photo shows in the case view (read with the token, shown from a blob: URL)
    const photo = page.locator('zz-case ul.photos img');
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await photo.getAttribute('alt')).toBe('现场照片 1');

    // the duty officer accepts and dispatches on the board
    await signIn(page, DUTY);
    const card = page.locator(`zz-dispatch-board li[data-id="${caseId}"]`);
    await card.locator('button.primary').filter({ hasText: '受理' }).click();
    await page
      .locator(`zz-dispatch-board section[data-column="dispatching"] li[data-id="${caseId}"]`)
      .waitFor();
    await card.locator('select').selectOption('post:qj-sj-czjs');
    await card.locator('button.primary').filter({ hasText: '派单' }).click();
    await page
      .locator(`zz-dispatch-board section[data-column="assigned"] li[data-id="${caseId}"]`)
      .waitFor();
    expect(await caseStatus(caseId)).toBe('assigned');

    // the post acknowledges and resolves in the case view (it sees the photo through the case)
    await signIn(page, POST);
    await page.locator('zz-case details[data-type="ACKNOWLEDGE"]').waitFor();
    await page.locator('zz-case ul.photos img').waitFor();
    await act(page, 'ACKNOWLEDGE');
    await page.locator('zz-case details[data-type="RESOLVE"]').waitFor();
    expect(await caseStatus(caseId)).toBe('inProgress');
    await act(page, 'RESOLVE', { result: '管网修复完成，雨污分流' });
    await page.locator('zz-case details[data-type="RESOLVE"]').waitFor({ state: 'detached' });
    expect(await caseStatus(caseId)).toBe('verifying');

    // the grid worker confirms
    await signIn(page, WORKER);
    await page.locator('zz-case details[data-type="CONFIRM"]').waitFor();
    await act(page, 'CONFIRM', { note: '现场核查：河水已清' });
    await page.locator('zz-case h2').waitFor();
    await expect.poll(() => caseStatus(caseId), { timeout: 10_000 }).toBe('closed');
    await page.locator('zz-case').filter({ hasText: '已闭环' }).first().waitFor();
    // the duty officer's KPI dashboard: the case counts, and its charts (the ECharts chunk
    // loaded next to the classic script) are drawn as SVG under the page's strict CSP
    await signIn(page, DUTY);
    const dashboard = page.locator('zz-kpi-dashboard');
    await dashboard
      .locator('.card .value')
      .first()
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    await dashboard.locator('[data-chart="byCategory"] svg').waitFor({ timeout: 30_000 });
    await dashboard.locator('[data-chart="trend"] svg').waitFor();
    expect(chartRequests).toEqual(['/widgets/zz-charts.js']);
    expect(await dashboard.locator('canvas').count()).toBe(0);

    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!mqttUp)(
    'given a level-1 electrical-fire reading published over MQTT, then it appears in the alert feed as level 1 and the fire post signs for it',
    async () => {
      const { page, problems, violations } = await open();
      await signIn(page, FIRE_POST);
      await page.locator('zz-alert-feed h2').filter({ hasText: '实时预警' }).waitFor();
      const address = `三江社区养老服务中心一楼配电箱-${RUN}`;
      // the sensor gateway publishes to {prefix}/{town}/readings, QoS 1
      const publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${RUN}-gateway` });
      try {
        await publisher.publishAsync(
          `${RUN}/qj-sj/readings`,
          JSON.stringify(leakageReading(`${RUN}-elec-017`, address)),
          { qos: 1 },
        );
      } finally {
        await publisher.endAsync();
      }
      const alert = page.locator('zz-alert-feed li.level-1').filter({ hasText: address });
      await alert.waitFor({ timeout: 15_000 });
      // level 1 said in words, not only by colour, and announced to assistive technology
      expect(await alert.locator('.badge').textContent()).toContain('一级预警（最高）');
      await page
        .locator('zz-alert-feed [role="alert"]')
        .filter({ hasText: '新的一级预警' })
        .waitFor();
      await alert.locator('button').filter({ hasText: '签收' }).click();
      await alert.filter({ hasText: '已签收' }).waitFor({ timeout: 10_000 });

      // the alert is a marker on the grid map too
      await expect
        .poll(() => page.locator('zz-grid-map [data-kind="alert"]').count())
        .toBeGreaterThan(0);

      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it('given the API unreachable, when the worker reports three cases, reloads and the connection returns, then the server opens each once (HttpClient, real idempotency keys)', async () => {
    const { page, violations } = await open();
    await signIn(page, WORKER);
    const stamp = Date.now().toString(36);
    const titles = ['一', '二', '三'].map((n) => `离线上报${n}-${stamp}`);
    // the page stays up (it is cached) but no request reaches the API: network errors
    await page.route('**/api/cases', (route) => route.abort('internetdisconnected'));
    const form = page.locator('zz-report-form');
    for (const title of titles) {
      await form.locator('select[name="category"]').selectOption('riverPollution');
      await form.locator('input[name="title"]').fill(title);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('input[name="title"]').inputValue()).toBe('');
    }
    await form.locator('.outbox li').nth(2).waitFor();
    expect(await form.locator('[role="status"]').last().textContent()).toContain('待发送 3 条');

    // reload: the outbox is in IndexedDB; the first tries reach the server but their answers are lost
    let lost = 0;
    await page.unroute('**/api/cases');
    await page.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fetch();
      lost += 1;
      return route.abort('internetdisconnected');
    });
    await page.reload();
    await signIn(page, WORKER);
    await expect.poll(() => lost).toBeGreaterThan(0);
    await form.locator('.outbox li').nth(2).waitFor();

    // the connection returns: the browser fires `online`
    await page.unroute('**/api/cases');
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await expect.poll(() => form.locator('.outbox li').count(), { timeout: 15_000 }).toBe(0);

    const base = (server as StartedServer).url;
    const duty = (await (
      await fetch(`${base}/api/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memberId: DUTY }),
      })
    ).json()) as { token: string };
    const res = await fetch(`${base}/api/cases?town=qj-sj&limit=200`, {
      headers: { authorization: `Bearer ${duty.token}` },
    });
    const items = ((await res.json()) as { items: { context: { title: string } }[] }).items;
    const ours = items.map((c) => c.context.title).filter((t) => t.endsWith(stamp));
    expect(ours.sort()).toEqual([...titles].sort());
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
