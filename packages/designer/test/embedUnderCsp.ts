// Serving an exported embed (snippet + <tag>.js) with the built widgets classic scripts and the
// page's own script (a LocalClient for the provider) under a strict CSP, and opening it in a
// Playwright browser context — shared by test/model/exportEmbed.test.ts and the end-to-end
// browser test (through the `openEmbedUnderCsp` browser command). Node only.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright';
import { build } from 'vite';

const require = createRequire(import.meta.url);

/** The policy every response is served under. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** The page's own script (a LocalClient for the provider) as one classic script. */
export async function pageScript(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./model/exportEmbed.page.ts', import.meta.url)),
        formats: ['iife'],
        name: 'EmbedPage',
        fileName: () => 'page.js',
      },
    },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  return result.output[0]?.code ?? '';
}

/** Serves `files` by path, every response under {@link CSP}. */
export async function serve(
  files: Record<string, string>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, {
      'content-type': `${type}; charset=utf-8`,
      'content-security-policy': CSP,
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * The files of a portal page holding an exported embed (`html` at `/`), the widgets' built
 * classic scripts under `/widgets/`, the element's script and the page's own script.
 */
export async function embedFiles(embed: {
  html: string;
  script: string;
  scriptUrl: string;
}): Promise<Record<string, string>> {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>embed</title></head>
<body>${embed.html}<script src="/page.js"></script></body></html>`;
  return {
    '/': html,
    '/widgets/zhizhi-widgets.js': readFileSync(
      require.resolve('@zhizhi/widgets/zhizhi-widgets.js'),
      'utf8',
    ),
    '/widgets/zhizhi-scenario.js': readFileSync(
      require.resolve('@zhizhi/widgets/zhizhi-scenario.js'),
      'utf8',
    ),
    [`/${embed.scriptUrl}`]: embed.script,
    '/page.js': await pageScript(),
    '/favicon.ico': '',
  };
}

/**
 * Opens an exported embed under the strict CSP in a new page of `context`: the page, the
 * console errors and warnings it logs (Chromium reports every CSP violation as one), and a
 * `close` that closes the page and the server.
 */
export async function openEmbed(
  context: BrowserContext,
  embed: { html: string; script: string; scriptUrl: string },
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const { url, server } = await serve(await embedFiles(embed));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return {
    page,
    problems,
    async close() {
      await page.close();
      server.close();
    },
  };
}

/** What {@link runEmbedUnderCsp} saw in the page. */
export interface EmbedRun {
  title: string;
  steps: string;
  entries: number;
  problems: string[];
}

/**
 * The `runEmbedUnderCsp` browser command (vitest runs it in Node with the test's Playwright
 * context): opens the exported embed under the strict CSP in a new page, clicks the element's
 * buttons named in `clicks` in order (each waited for), waits until the instance has ended,
 * and returns the element's title, its steps line, the number of timeline entries and the
 * console problems.
 */
export async function runEmbedUnderCsp(
  ctx: { context: BrowserContext },
  embed: { html: string; script: string; scriptUrl: string; tag: string },
  clicks: string[],
): Promise<EmbedRun> {
  const opened = await openEmbed(ctx.context, embed);
  try {
    const el = opened.page.locator(embed.tag);
    await el.locator('h2').waitFor({ timeout: 15_000 });
    for (const name of clicks)
      await el.getByRole('button', { name, exact: true }).click({ timeout: 15_000 });
    const steps = el.locator('[part="steps"]');
    await steps.filter({ hasText: '已结束' }).waitFor({ timeout: 15_000 });
    return {
      title: (await el.locator('h2').textContent()) ?? '',
      steps: (await steps.textContent()) ?? '',
      entries: await el.locator('ol li').count(),
      problems: opened.problems,
    };
  } finally {
    await opened.close();
  }
}
