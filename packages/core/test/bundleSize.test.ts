import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Budget of the main browser entry with xstate and zod/mini bundled in: 30 KB gzip (issues #2
 * and #6). It grew to 35,700 bytes while the one runtime (commit path, hand-offs, change feed,
 * indexed MemoryStore with packed trails) and the Engine facade lived in it; they moved to
 * `@zhizhi/core/runtime` (docs/decisions/0017-runtime-entry.md), and the main entry — the case
 * model, audit chain, org, SLA — is back within 30,000 bytes.
 */
const BUDGET = 30_000;

/**
 * The runtime entry: the Engine with everything it needs (Runtime, MemoryStore, the case kind);
 * 35,637 bytes as part of the main entry, 34,358 bytes on its own (2026-12-06).
 */
const RUNTIME_BUDGET = 35_500;

/**
 * What a consumer pays for one import through the published entry (the built `dist`, as a
 * bundler sees it after `npm install`), in gzip bytes: budgets with some headroom over what
 * was measured when the entries were split by concept (2026-12-05, figures in 0005); the checker
 * and the scenario runtime were raised the same day for the checks of issue #7 (instant loops,
 * alert paths, recipients, did-you-mean) and the runtime of 0012.
 */
const perImport: { entry: string; name: string; source: string; budget: number }[] = [
  { entry: '', name: 'createCaseMachine', source: 'index.ts', budget: BUDGET },
  { entry: '/runtime', name: 'Engine', source: 'runtime.ts', budget: RUNTIME_BUDGET },
  { entry: '/runtime', name: 'MemoryStore', source: 'runtime.ts', budget: 5_000 },
  { entry: '/expr', name: 'parseExpression', source: 'expr.ts', budget: 5_000 },
  { entry: '/expr', name: 'evaluateExpression', source: 'expr.ts', budget: 5_000 },
  { entry: '/alert', name: 'fromCap', source: 'alert.ts', budget: 13_000 },
  { entry: '/alert', name: 'readXml', source: 'alert.ts', budget: 4_000 },
  { entry: '/alert', name: 'createAlertNormalizer', source: 'alert.ts', budget: 14_000 },
  { entry: '/duty', name: 'assessByList', source: 'duty.ts', budget: 3_500 },
  { entry: '/scenario', name: 'validateScenario', source: 'scenario.ts', budget: 33_000 },
  { entry: '/scenario', name: 'ScenarioEngine', source: 'scenario.ts', budget: 62_000 },
  { entry: '/config', name: 'checkConfig', source: 'config.ts', budget: 11_000 },
  { entry: '/persist', name: 'restoreCase', source: 'persist.ts', budget: 32_000 },
  { entry: '/json', name: 'parseJsonStrict', source: 'json.ts', budget: 3_000 },
  { entry: '/privacy', name: 'maskCaseRecord', source: 'privacy.ts', budget: 2_000 },
  { entry: '/kpi', name: 'computeKpis', source: 'kpi/index.ts', budget: 3_000 },
  { entry: '/labels', name: 'label', source: 'labels.ts', budget: 3_000 },
  // the whole runtime in the page: cases, scenarios (checker, compiler), alerts, JSON Schemas
  // (86,000 until packed trails and the reporter's contact added ~1.2 KB: 86,115 B, 2026-12-05;
  // 87,000 until `kpis()` brought readKpis + computeKpis, ~0.3 KB: 87,296 B, issue #9)
  { entry: '/client', name: 'LocalClient', source: 'client.ts', budget: 88_500 },
];

const core = fileURLToPath(new URL('../', import.meta.url));
let consumer = '';

async function gzipSize(contents: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: consumer, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

beforeAll(() => {
  if (!existsSync(join(core, 'dist/index.js')))
    throw new Error('packages/core/dist is missing: run `pnpm build` before this test');
  // an app with @zhizhi/core installed: the package's exports map and dist, as npm would link it
  consumer = mkdtempSync(join(tmpdir(), 'zhizhi-bundle-'));
  mkdirSync(join(consumer, 'node_modules/@zhizhi'), { recursive: true });
  symlinkSync(core, join(consumer, 'node_modules/@zhizhi/core'), 'dir');
});

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('bundle size', () => {
  it('given the main entry bundled for browsers with its dependencies, then it stays within its gzip budget, from source and from dist', async () => {
    const fromSource = await gzipSize(`export * from '${core}src/index.ts';`);
    const fromDist = await gzipSize(`export * from '@zhizhi/core';`);
    const labels = await gzipSize(`export * from '@zhizhi/core/labels';`);
    const kpi = await gzipSize(`export * from '@zhizhi/core/kpi';`);
    console.log(
      `@zhizhi/core ${fromDist.gzip} B gzip from dist (${fromSource.gzip} B from source, ${fromDist.raw} B min), /labels ${labels.gzip} B, /kpi ${kpi.gzip} B; budget ${BUDGET} B`,
    );
    expect(fromSource.gzip).toBeLessThanOrEqual(BUDGET);
    expect(fromDist.gzip).toBeLessThanOrEqual(BUDGET);
    expect(labels.gzip).toBeLessThan(3000);
    expect(kpi.gzip).toBeLessThan(3000);
  });

  it('given a consumer that imports one function through a published entry, then it pays what the same import from source costs, within each budget', async () => {
    const rows: string[] = [];
    const over: string[] = [];
    for (const { entry, name, source, budget } of perImport) {
      const dist = await gzipSize(
        `import { ${name} } from '@zhizhi/core${entry}'; console.log(${name});`,
      );
      const src = await gzipSize(
        `import { ${name} } from '${core}src/${source}'; console.log(${name});`,
      );
      rows.push(
        `${`@zhizhi/core${entry}`.padEnd(20)} ${name.padEnd(22)} ${String(dist.gzip).padStart(6)} B dist  ${String(src.gzip).padStart(6)} B source  budget ${budget}`,
      );
      if (dist.gzip > budget)
        over.push(`${name} from @zhizhi/core${entry}: ${dist.gzip} > ${budget}`);
      // dist is one file per module, so it tree-shakes like source (a few bytes of difference)
      if (dist.gzip > src.gzip * 1.03 + 100)
        over.push(`${name} from @zhizhi/core${entry}: dist ${dist.gzip} B vs source ${src.gzip} B`);
    }
    console.log(
      `gzip bytes of one import, bundled for browsers with its dependencies:\n${rows.join('\n')}`,
    );
    expect(over).toEqual([]);
  });
});
