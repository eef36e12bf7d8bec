// Takes the guides' pictures (docs/images/*.png): starts the built zhizhi server the way
// `zhizhi start` does (demo mode, a temporary PGlite folder, the designer app at /designer, the
// portal example at /portal, the widgets bundle at /widgets) and drives real Chromium through
// playwright-core. Run after `pnpm build`:
//
//   node scripts/screenshots.mjs            # writes docs/images/
//   node scripts/screenshots.mjs /tmp/shots # or another folder
//
// The pages are in zh-CN: the machine needs a CJK font (e.g. `apt-get install -y
// fonts-wqy-microhei`) and an emoji font for the step icons (`fonts-noto-color-emoji`), or
// the pictures show boxes instead.
// Each picture is 1280×800 and must stay ≤ 200 KB; a page error, a console error or a CSP
// violation while shooting fails the run (exit 1), so a picture never shows a broken page.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'images');
const MAX_BYTES = 200 * 1024;

const needed = {
  server: join(root, 'packages/server/dist/index.js'),
  widgets: join(root, 'packages/widgets/dist/zhizhi-widgets.js'),
  designer: join(root, 'packages/designer/dist-app/index.html'),
  portal: join(root, 'examples/portal/index.html'),
};
for (const [what, path] of Object.entries(needed)) {
  if (!existsSync(path)) {
    console.error(
      `缺少 ${path}（${what}）：请先运行 pnpm build / missing ${path} (${what}): run pnpm build first`,
    );
    process.exit(1);
  }
}

// playwright-core is a dev dependency of @zhizhi/widgets: resolve it from there
const { chromium } = createRequire(join(root, 'packages/widgets/package.json'))('playwright-core');
const { startServer } = await import(pathToFileURL(needed.server).href);

const data = mkdtempSync(join(tmpdir(), 'zhizhi-shots-'));
const server = await startServer({
  port: 0,
  dataDir: data,
  log: () => {},
  pages: [
    { mount: '/widgets', dir: join(root, 'packages/widgets/dist') },
    { mount: '/portal', dir: join(root, 'examples/portal') },
    { mount: '/designer', dir: join(root, 'packages/designer/dist-app') },
  ],
});
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

const problems = [];
/** A fresh page (own storage) that records page errors, console errors and CSP violations. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`);
  });
  await page.exposeFunction('__zzViolation', (v) => problems.push(`${path}: CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__zzViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Reports a case as the demo grid worker of the first grid (`POST /api/cases`). */
async function report(title, category) {
  const post = async (path, body, token) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { token } = await post('/api/demo/token', { memberId: 'qj-sj-c1-g1-worker' });
  await post('/api/cases', { gridId: 'qj-sj-c1-g1', category, severity: 'medium', title }, token);
}

const written = [];
async function shoot(page, name) {
  const file = join(out, name);
  await page.screenshot({ path: file });
  written.push({ file, bytes: statSync(file).size });
}

try {
  mkdirSync(out, { recursive: true });

  // 1. the designer with a template open (the elderly health band, 老人健康手环)
  let page = await open('/designer/');
  await page.locator('.react-flow__node[data-id="done"]').waitFor();
  await page.getByLabel('新建（模板）').selectOption('elderly-health-band');
  await page.locator('.react-flow__node[data-id="call"]').waitFor();
  await page.locator('.react-flow__node[data-id="call"]').click();
  await page.locator('.zz-properties[data-step="call"]').waitFor();
  await shoot(page, 'designer-template.png');

  // 2. the same template with a new, unconnected step: the checker's error in the diagnostics
  await page.locator('.zz-palette__item[data-kind="notify"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.react-flow__node[data-id="notify"]').waitFor();
  await page.locator('.zz-diagnostic--error').first().waitFor();
  await page.locator('.zz-diagnostics').scrollIntoViewIfNeeded();
  await shoot(page, 'designer-diagnostics.png');
  await page.context().close();

  // 2b. the simulation panel: the health band started by the duty officer, the fast clock
  //     past the call's 5-minute SLA (no answer), seen as the grid worker who must visit
  page = await open('/designer/');
  await page.locator('.react-flow__node[data-id="done"]').waitFor();
  await page.getByLabel('新建（模板）').selectOption('elderly-health-band');
  await page.locator('.react-flow__node[data-id="call"]').waitFor();
  // the app finds the server that serves it and signs in with a demo token: Deploy appears
  await page.getByRole('button', { name: '连接本服务器' }).click();
  await page.getByLabel('部署身份（演示）').selectOption('qj-sj-duty');
  await page.locator('[data-testid="deploy"]').waitFor();
  await page.getByRole('button', { name: '模拟运行' }).click();
  await page.locator('#zz-field-sim-start-alarmType').fill('fall');
  await page.locator('#zz-field-sim-start-alarmType').press('Enter');
  await page.locator('[data-testid="sim-start"]').click();
  await page.locator('.zz-step[data-active="true"][data-step="call"]').waitFor();
  await page.locator('[data-testid="sim-next-deadline"]').click();
  await page.locator('.zz-step[data-active="true"][data-step="visit"]').waitFor();
  await page.locator('#zz-sim-member').selectOption('qj-sj-c1-g1-worker');
  await page.locator('[data-task="visit"]').waitFor();
  await shoot(page, 'designer-simulation.png');
  await page.context().close();

  // 3. the portal example: two reports from a grid worker (through the API, as in
  //    docs/server.md), then the page signed in as the duty officer with the board filled
  await report('河道有漂浮垃圾', 'riverPollution');
  await report('人行道井盖破损', 'roadFacilities');
  page = await open('/portal/');
  await page.locator('#login-status').filter({ hasText: '已登录：网格员' }).waitFor();
  await page.locator('zz-report-form [part~="submit"]').waitFor();
  await shoot(page, 'portal-report.png');
  await page.locator('#member').selectOption('qj-sj-duty');
  await page.locator('#login-status').filter({ hasText: '已登录：值班员' }).waitFor();
  await page.locator('zz-dispatch-board [part~="card"]').first().waitFor();
  await page.locator('#board').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('board')?.scrollIntoView());
  await shoot(page, 'portal.png');
  await page.context().close();
} finally {
  await browser.close();
  await server.close();
  rmSync(data, { recursive: true, force: true });
}

let failed = problems.length > 0;
for (const p of problems) console.error(p);
for (const { file, bytes } of written) {
  const kb = (bytes / 1024).toFixed(1);
  const tooBig = bytes > MAX_BYTES;
  if (tooBig) failed = true;
  console.log(`${tooBig ? 'TOO BIG ' : ''}${file.slice(root.length)}  ${kb} KB`);
}
process.exit(failed ? 1 : 0);
