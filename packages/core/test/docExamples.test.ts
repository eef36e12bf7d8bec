import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Examples that are not compiled rot: every `ts` block of the guides below and every TSDoc
 * `@example` of the runtime, client and testing sources is written to a scratch folder as its
 * own module, with `@zhizhi/core/*` mapped to the sources, and type-checked with tsc.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const repo = join(root, '..', '..');
const scratch = join(root, 'node_modules', '.doc-examples');

const guides = ['docs/runtime.md'];
const sourceFolders = ['src/runtime', 'src/client', 'src/testing'];

function blocksOfMarkdown(text: string): string[] {
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

function examplesOfSource(text: string): string[] {
  return [...text.matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m) =>
    (m[1] as string)
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n'),
  );
}

const entries: Record<string, string> = {
  '@zhizhi/core': 'src/index.ts',
  '@zhizhi/core/client': 'src/client.ts',
  '@zhizhi/core/testing': 'src/testing.ts',
  '@zhizhi/core/scenario': 'src/scenario.ts',
  '@zhizhi/core/alert': 'src/alert.ts',
  '@zhizhi/core/sample': 'src/sample/index.ts',
  '@zhizhi/core/persist': 'src/persist.ts',
  '@zhizhi/core/config': 'src/config.ts',
  '@zhizhi/core/kpi': 'src/kpi/index.ts',
  '@zhizhi/core/labels': 'src/labels.ts',
};

describe('documentation examples', () => {
  it('given the runtime guide and the runtime, client and testing sources, when every example is compiled, then tsc reports no error', () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const files: string[] = [];
    for (const guide of guides) {
      for (const [i, block] of blocksOfMarkdown(
        readFileSync(join(repo, guide), 'utf8'),
      ).entries()) {
        const name = `${guide.replace(/\W/g, '_')}_${i}.ts`;
        writeFileSync(join(scratch, name), `${block}\nexport {};\n`);
        files.push(name);
      }
    }
    for (const folder of sourceFolders) {
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.ts'))) {
        const text = readFileSync(join(root, folder, file), 'utf8');
        for (const [i, block] of examplesOfSource(text).entries()) {
          const name = `${folder.replace(/\W/g, '_')}_${file.replace('.ts', '')}_${i}.ts`;
          writeFileSync(join(scratch, name), `${block}\nexport {};\n`);
          files.push(name);
        }
      }
    }
    expect(files.length).toBeGreaterThan(20);
    const paths = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [join(root, v)]]));
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          resolveJsonModule: true,
          types: [],
          paths,
        },
        files,
      }),
    );
    let output = '';
    try {
      execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', scratch], {
        encoding: 'utf8',
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);
});
