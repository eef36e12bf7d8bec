// The checker's worker as a library consumer gets it: a page importing `@zhizhi/designer`'s
// build (dist/, where createChecker's `new URL('./checkWorker.js', import.meta.url)` points at
// dist/checkWorker.js) is bundled with vite into a folder of its own, served under a strict
// CSP, and opened in Chromium: the bundler must have shipped the worker file and the check of a
// large document must come from it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
// inside the package, so that the consumer's bare imports resolve from its node_modules
const work = join(root, 'node_modules', '.check-worker-consumer');
const out = mkdtempSync(join(tmpdir(), 'designer-consumer-'));
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script>',
  );
  writeFileSync(
    join(work, 'main.ts'),
    `import { createChecker } from '@zhizhi/designer';
import { sampleOrg } from '@zhizhi/core/sample';
import { generateScenario } from '${join(root, '../core/test/support/generateScenario.ts')}';
const w = window as unknown as { result?: unknown };
const checker = createChecker({
  onResult: (r) => { w.result = { where: r.where, exportable: r.check.exportable, errors: r.check.errors.length }; },
});
checker.update(generateScenario(400) as never, sampleOrg);
`,
  );
  await build({
    root: work,
    configFile: false,
    logLevel: 'silent',
    // the consumer imports the package's build, as from npm
    resolve: { alias: { '@zhizhi/designer': join(root, 'dist/index.js') } },
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  server = createServer((req, res) => {
    const rel = normalize(new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'index.html');
    // the browser asks for one; the page has none
    if (rel === 'favicon.ico') return void res.writeHead(204).end();
    try {
      if (rel.startsWith('..')) throw new Error(rel);
      const body = readFileSync(join(out, rel));
      const type = extname(rel) === '.html' ? 'text/html' : 'text/javascript';
      res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(work, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe("the checker's worker in a consumer's bundle", () => {
  it("given a page bundled by vite from @zhizhi/designer's build, when it checks a 400-step document under a strict CSP, then the shipped worker answers with no violation", async () => {
    expect(readdirSync(join(out, 'assets')).some((f) => f.startsWith('checkWorker'))).toBe(true);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(base);
    await page.waitForFunction(() => (window as { result?: unknown }).result !== undefined);
    expect(await page.evaluate(() => (window as { result?: unknown }).result)).toEqual({
      where: 'worker',
      exportable: true,
      errors: 0,
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});
