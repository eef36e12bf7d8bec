import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Budget of the main browser entry with xstate and zod/mini bundled in: 30 KB gzip (issue #2),
 * raised to 34,000 bytes when the one runtime (commit path, hand-offs, change feed, indexed
 * MemoryStore) replaced the two engines — see docs/decisions/0012-one-runtime.md for why the
 * Engine stayed in the main entry rather than moving out.
 */
const BUDGET = 34 * 1000;

async function gzipSize(entry: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
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

describe('bundle size', () => {
  it('given the main entry bundled for browsers with its dependencies, then it stays within its gzip budget', async () => {
    const main = await gzipSize('index.ts');
    const labels = await gzipSize('labels.ts');
    const kpi = await gzipSize('kpi/index.ts');
    console.log(
      `@zhizhi/core ${main.gzip} B gzip (${main.raw} B min), /labels ${labels.gzip} B, /kpi ${kpi.gzip} B; budget ${BUDGET} B`,
    );
    expect(main.gzip).toBeLessThanOrEqual(BUDGET);
    expect(labels.gzip).toBeLessThan(3000);
    expect(kpi.gzip).toBeLessThan(3000);
  });
});
