import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const packages = readdirSync(new URL('packages/', root))
  .filter((d) => existsSync(new URL(`packages/${d}/package.json`, root)))
  .map((d) => `packages/${d}`);
const manifest = (dir: string) =>
  JSON.parse(read(`${dir}/package.json`)) as {
    name: string;
    dependencies: Record<string, string>;
    [key: string]: unknown;
  };
const names = new Set(packages.map((dir) => manifest(dir).name));

describe('changesets', () => {
  it('given every changeset, then it opens with front matter naming known packages and a bump', () => {
    const files = readdirSync(new URL('.changeset/', root)).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = read(`.changeset/${f}`);
      const m = /^---\n((?:.+\n)+?)---\n/.exec(text);
      expect(m, `${f} has no front matter`).not.toBeNull();
      for (const line of (m?.[1] ?? '').trim().split('\n')) {
        const release = /^['"]?(@zhizhi\/[a-z-]+)['"]?: (major|minor|patch)$/.exec(line);
        expect(release, `${f}: ${line}`).not.toBeNull();
        expect(names.has(release?.[1] ?? ''), `${f}: ${line}`).toBe(true);
      }
      expect(text.slice(m?.[0].length ?? 0).trim().length, `${f} has no summary`).toBeGreaterThan(
        0,
      );
    }
  });

  it("given the installed @changesets/cli, then it runs on Node 20 (no engines above the repository's)", () => {
    const cli = JSON.parse(read('node_modules/@changesets/cli/package.json')) as {
      engines?: { node?: string };
    };
    const wanted = cli.engines?.node;
    expect(
      wanted === undefined || /(^|\s|\|\|)\s*(>=\s*(1\d|20)\b|\^?20\b)/.test(wanted),
      wanted,
    ).toBe(true);
  });

  it('given each package, then it keeps a CHANGELOG.md', () => {
    for (const dir of packages)
      expect(existsSync(new URL(`${dir}/CHANGELOG.md`, root)), dir).toBe(true);
  });
});

describe('licence and package metadata', () => {
  it('given the repository, then LICENSE is the Apache-2.0 text, copied unchanged into each package', () => {
    const licence = read('LICENSE');
    expect(licence).toContain(
      'Apache License\n                           Version 2.0, January 2004',
    );
    expect(licence).toContain('END OF TERMS AND CONDITIONS');
    expect(licence).toContain('APPENDIX: How to apply the Apache License to your work.');
    for (const dir of packages) expect(read(`${dir}/LICENSE`), dir).toBe(licence);
  });

  it('given each package manifest, then it names the licence, engines, repository and ships LICENSE, README and CHANGELOG', () => {
    for (const dir of packages) {
      const m = manifest(dir);
      expect(m.license, dir).toBe('Apache-2.0');
      expect(m.engines, dir).toEqual({ node: '>=20.19' });
      expect(m.repository, dir).toMatchObject({ type: 'git', directory: dir });
      expect(m.files, dir).toEqual(
        expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md']),
      );
      expect(read(`${dir}/README.md`).length, dir).toBeGreaterThan(200);
    }
  });
});

describe('dependency ranges', () => {
  it('given core, then xstate and zod are caret ranges of the tested versions (an app with its own xstate 5 / zod 4 gets one copy)', () => {
    const m = manifest('packages/core');
    expect(m.dependencies).toEqual({ xstate: '^5.33.3', zod: '^4.6.7' });
  });

  it('given the CLI, then it depends on core by a caret range once published (workspace:^)', () => {
    const m = manifest('packages/cli');
    expect(m.dependencies['@zhizhi/core']).toBe('workspace:^');
  });
});
