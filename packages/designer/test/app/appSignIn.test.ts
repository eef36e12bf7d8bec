// The standalone app against a real server (issue #10): `startServer` on an embedded PGlite
// folder in demo mode, serving the app's build at /designer/ under its own strict CSP, as
// `zhizhi start` does. In Chromium the app connects to its origin, signs in with a demo
// member's token and deploys; a large document is checked in the worker under that policy.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type StartedServer, startServer } from '@zhizhi/server';
import { type Browser, chromium, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
// core's generator of large scenarios (its benchmark's fixture)
import { generateScenario } from '../../../core/test/support/generateScenario.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'designer-app-server-'));
const appDir = join(work, 'app');
let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  // a build of its own (builtApp.test.ts builds dist-app/ at the same time)
  await build({
    configFile: join(root, 'app/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: appDir, emptyOutDir: true },
  });
  server = await startServer({
    port: 0,
    dataDir: join(work, 'data'),
    demo: true,
    log: () => {},
    tickMs: 0,
    lang: 'en',
    pages: [{ mount: '/designer', dir: appDir }],
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The app at the server's /designer/, recording every CSP violation, page error and console error. */
async function openApp(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const response = await page.goto(`${server.url}/designer/`);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await page.locator('.react-flow__node[data-id="done"]').waitFor();
  return { page, problems };
}

const deployedVersions = async (id: string) => {
  const r = await fetch(`${server.url}/api/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId: 'qj-sj-duty' }),
  });
  const { token } = (await r.json()) as { token: string };
  const list = await fetch(`${server.url}/api/scenarios`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await list.json()) as { items: { id: string; version: string }[] };
  return body.items.filter((d) => d.id === id).map((d) => d.version);
};

const importFile = (page: Page, name: string, text: string) =>
  page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });

describe('the standalone app against a real server (startServer on PGlite, demo mode)', () => {
  it('given the app served at /designer/, when it connects to its origin, signs in as a demo duty officer and deploys a new version, then the server lists that version', async () => {
    const { page, problems } = await openApp();
    // no server known yet: no Deploy button
    expect(await page.locator('[data-testid="deploy"]').count()).toBe(0);
    await page.getByRole('button', { name: '连接本服务器' }).click();
    const deployAs = page.getByLabel('部署身份（演示）');
    await deployAs.waitFor();
    // the org's members who may deploy are offered, and only they
    const offered = await deployAs
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toContain('qj-sj-duty');
    expect(offered).not.toContain('qj-sj-c1-g1-worker');
    await deployAs.selectOption('qj-sj-duty');
    await page.locator('[data-testid="deploy"]').waitFor();
    // the sign-in control is gone once signed in
    expect(await page.getByLabel('部署身份（演示）').count()).toBe(0);

    const band = JSON.parse(
      readFileSync(
        join(root, 'node_modules/@zhizhi/core/scenarios/elderly-health-band.json'),
        'utf8',
      ),
    );
    band.version = '1.2.0';
    band.steps.find((s: { id: string }) => s.id === 'call').sla.within = 'PT10M';
    await importFile(page, 'band-1.2.0.json', JSON.stringify(band, null, 2));
    await page.getByRole('heading', { name: /留守老人智能健康手环/ }).waitFor();
    expect(await deployedVersions('elderly-health-band')).toEqual(['1.0.0']);
    await page.locator('[data-testid="deploy"]').click();
    // the semantic diff against the deployed 1.0.0 comes from the server
    expect(await page.locator('[data-testid="deploy-diff"]').textContent()).toContain('call');
    await page.locator('[data-testid="deploy-confirm"]').click();
    await page.locator('[data-testid="deploy-done"]').waitFor();
    expect(await deployedVersions('elderly-health-band')).toEqual(['1.0.0', '1.2.0']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("given the server's strict CSP, when a 300-step document is edited, then the check runs in the worker with no violation", async () => {
    const { page, problems } = await openApp();
    await importFile(page, 'generated.json', JSON.stringify(generateScenario(300)));
    await page.getByRole('heading', { name: /生成的场景/ }).waitFor();
    const designer = page.locator('.zz-designer');
    await expect.poll(() => designer.getAttribute('data-check')).toBe('worker');
    expect(await page.locator('.zz-diagnostic--error').count()).toBe(0);
    await page.locator('.zz-palette__item[data-kind="task"]').click();
    await page.locator('.zz-diagnostic--error').first().waitFor();
    expect(await designer.getAttribute('data-check')).toBe('worker');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
