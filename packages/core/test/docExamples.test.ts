import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Examples that are not compiled rot: every `ts` block of the guides in `docs/*.md` (not
 * `docs/decisions/` nor `docs/api/`) and every TSDoc `@example` under `src/` (recursively) is
 * written to a scratch folder (`node_modules/.doc-examples`) as its own module and
 * type-checked with one tsc run (about 5 s for ~470 modules).
 *
 * - Every entry of the `exports` map of `package.json` (`@zhizhi/core`, `@zhizhi/core/scenario`,
 *   …) is mapped to its source file, so an example imports what a user imports.
 * - An internal example that imports its neighbours relatively (`./checkGraph.js`) is kept: the
 *   specifier is rewritten to the absolute path of the source folder, so it is checked too.
 * - Each module is named after where the example lives, `src/engine/engine.ts.example-2.ts` (the
 *   third `@example` of that file) or `docs/runtime.md.block-0.ts` (the first `ts` block), and
 *   starts with a comment giving the source line; each error of tsc's output also names the line
 *   of the source or guide it comes from (`[packages/core/src/alert/toCap.ts:136]`).
 * - A block that is deliberately not TypeScript is fenced `sh`, `json`, `text`…, not `ts`.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const repo = join(root, '..', '..');
const scratch = join(root, 'node_modules', '.doc-examples');

const guides = readdirSync(join(repo, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  code: string;
  line: number;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function blocksOfMarkdown(text: string): Example[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => ({
    code: m[1] as string,
    line: lineOf(text, m.index) + 1,
  }));
}

function examplesOfSource(text: string): Example[] {
  return [...text.matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m) => ({
    code: (m[1] as string)
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n'),
    line: lineOf(text, m.index) + 2,
  }));
}

/** `./foo.js` and `../bar.js` of an example in `folder` become absolute paths into `src`. */
function anchorRelativeImports(code: string, folder: string): string {
  return code.replace(
    /((?:from|import)\s*\(?\s*')(\.\.?\/[^']*)'/g,
    (_, head: string, specifier: string) => `${head}${join(root, folder, specifier)}'`,
  );
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types?: string }>;
};
const entries: Record<string, string> = Object.fromEntries(
  Object.entries(pkg.exports).flatMap(([key, target]) => {
    const types = typeof target === 'string' ? undefined : target.types;
    if (types === undefined) return [];
    const source = types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts');
    return [[`@zhizhi/core${key.slice(1)}`, source]];
  }),
);

describe('documentation examples', () => {
  it('given every guide and every TSDoc example of the sources, when each is compiled as its own module, then tsc reports no error', () => {
    rmSync(scratch, { recursive: true, force: true });
    const files: string[] = [];
    const origins = new Map<string, { file: string; line: number }>();
    const write = (name: string, file: string, line: number, code: string) => {
      mkdirSync(dirname(join(scratch, name)), { recursive: true });
      writeFileSync(join(scratch, name), `// ${file}:${line}\n${code}\nexport {};\n`);
      files.push(name);
      origins.set(name, { file, line });
    };
    for (const guide of guides) {
      for (const [i, block] of blocksOfMarkdown(
        readFileSync(join(repo, guide), 'utf8'),
      ).entries()) {
        write(`${guide}.block-${i}.ts`, guide, block.line, block.code);
      }
    }
    for (const file of sourceFiles('src')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [i, example] of examplesOfSource(text).entries()) {
        write(
          `${file}.example-${i}.ts`,
          `packages/core/${file}`,
          example.line,
          anchorRelativeImports(example.code, dirname(file)),
        );
      }
    }
    expect(Object.keys(entries)).toHaveLength(15);
    expect(files.length).toBeGreaterThan(400);
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
          types: ['node'],
          paths,
        },
        files,
      }),
    );
    let output = '';
    try {
      execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.', '--pretty', 'false'], {
        cwd: scratch,
        encoding: 'utf8',
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // `src/x.ts.example-2.ts(4,7): error …` also names the line of the example in its source.
    const located = output.replace(
      /^(\S+\.ts)\((\d+),\d+\)/gm,
      (at, name: string, line: string) => {
        const origin = origins.get(name);
        return origin === undefined
          ? at
          : `${at} [${origin.file}:${origin.line + Number(line) - 2}]`;
      },
    );
    expect(located).toBe('');
  }, 120_000);
});
