import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const distApp = join(root, 'dist-app');
/** The policy a strict government portal serves the designer under. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  await build({ configFile: join(root, 'app/vite.config.ts'), logLevel: 'silent' });
  // the server's part: dist-app/ at /designer/, every response under the strict policy
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/designer/')) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(url.pathname.slice('/designer/'.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(distApp, rel));
      res.writeHead(200, {
        'content-type': types[extname(rel)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-security-policy': CSP }).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/designer/`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** A fresh page that records every CSP violation and page error. */
async function openApp(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(base);
  return { page, problems };
}

describe('the built standalone app (dist-app/ at /designer/, strict CSP)', () => {
  it('given the policy script-src self; style-src self, when the app opens and a template is chosen, then the canvas draws with zero violations', async () => {
    const { page, problems } = await openApp();
    await page.locator('.react-flow__node[data-id="done"]').waitFor();
    await page.getByLabel('新建（模板）').selectOption('elderly-health-band');
    await page.locator('.react-flow__node[data-id="call"]').waitFor();
    expect(await page.locator('.react-flow__node[data-id="call"]').textContent()).toContain(
      '电话联系老人',
    );
    // React Flow's own styles arrive as a file: its nodes are positioned (not unstyled)
    const position = await page
      .locator('.react-flow__node[data-id="call"]')
      .evaluate((e) => getComputedStyle(e).position);
    expect(position).toBe('absolute');
    expect(await page.locator('style').count()).toBe(0);
    expect(problems).toEqual([]);
    // the watch is live: an inline style element would be reported
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'p { color: red }';
      document.head.append(s);
    });
    await expect.poll(() => problems.filter((p) => p.startsWith('csp: style-src')).length).toBe(1);
    await page.context().close();
  });

  it('given an edit, when the page reloads, then the draft and its undo history come back from localStorage', async () => {
    const { page, problems } = await openApp();
    await page.locator('.react-flow__node[data-id="done"]').waitFor();
    await page.locator('.zz-palette__item[data-kind="notify"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.react-flow__node[data-id="notify"]').waitFor();
    await page.reload();
    await page.locator('.react-flow__node[data-id="notify"]').waitFor();
    const undo = page.getByRole('button', { name: '撤销' });
    expect(await undo.isEnabled()).toBe(true);
    await undo.click();
    await page.locator('.react-flow__node[data-id="notify"]').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('given a scenario file, when it is imported and exported untouched, then the download is byte-identical; a broken file is refused with its diagnostics', async () => {
    const text = await readFile(
      join(root, 'node_modules/@zhizhi/core/scenarios/smoke-alarm.json'),
      'utf8',
    );
    const { page, problems } = await openApp();
    await page.locator('.react-flow__node[data-id="done"]').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'smoke-alarm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByRole('heading', { name: /智能烟感/ }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出场景 JSON' }).click();
    const file = await (await download).path();
    expect(await readFile(file, 'utf8')).toBe(text);
    const machine = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出状态机 JSON' }).click();
    const m = JSON.parse(await readFile(await (await machine).path(), 'utf8'));
    // core's compiled machine: the scenario's id and its steps as states
    expect(m.scenario).toMatchObject({ id: 'smoke-alarm' });
    expect(JSON.stringify(m.states)).toContain(`"${JSON.parse(text).steps[0].id}"`);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"steps": [1,'),
    });
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('文件无法打开');
    // the open document is unchanged
    await page.getByRole('heading', { name: /智能烟感/ }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
