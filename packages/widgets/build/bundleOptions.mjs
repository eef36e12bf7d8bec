// Options the build (rollup.config.mjs) and the bundle-size test share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The element entries: every src/elements/zz-*.ts, by tag (e.g. `zz-case-list`). */
export function elementNames(dir = 'src/elements') {
  return readdirSync(dir)
    .filter((f) => /^zz-[a-z-]+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

/** Drops warnings about dependencies' own code (zod's comments and cycles); keeps ours. */
export function onwarn(warning, warn) {
  const where = warning.id ?? warning.ids?.[0] ?? warning.cycle?.[0] ?? '';
  if (/node_modules/.test(where)) return;
  warn(warning);
}

/**
 * Honour `"sideEffects": false` of the package a module belongs to, for every file of it:
 * @rollup/plugin-node-resolve applies it to a package's entry but not to the files that entry
 * imports relatively, so an unused zod schema of @zhizhi/core (a call at module level) stayed
 * in the bundle. A dependency's `"sideEffects": [globs]` (ECharts: only `lib/chart/*.js`,
 * `lib/component/*.js`… register themselves) is honoured too: without it every chart of
 * `echarts/charts` stayed in the dashboard's chart chunk (~320 KB gzip instead of ~1/3).
 */
const sideEffectsCache = new Map();
export function moduleSideEffects(id) {
  if (id.startsWith('\0')) return true;
  let dir = dirname(id);
  const seen = [];
  for (;;) {
    if (sideEffectsCache.has(dir)) break;
    seen.push(dir);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, 'utf8'));
      if (json.name) {
        sideEffectsCache.set(dir, sideEffectsOf(dir, json.sideEffects));
        break;
      }
    }
    const up = dirname(dir);
    if (up === dir) {
      sideEffectsCache.set(dir, true);
      break;
    }
    dir = up;
  }
  const value = sideEffectsCache.get(dir);
  for (const d of seen) sideEffectsCache.set(d, value);
  return typeof value === 'function' ? value(id) : value;
}

/** A package's `sideEffects`: a boolean, or (for a dependency's glob list) a test of the file. */
function sideEffectsOf(dir, field) {
  if (field === false) return false;
  if (!Array.isArray(field) || !/node_modules/.test(dir)) return true;
  const patterns = field.map((glob) => {
    const g = glob.replace(/^\.\//, '');
    const body = (g.includes('/') ? g : `**/${g}`)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '@@')
      .replace(/\*\*/g, '.*')
      .replace(/\*/g, '[^/]*')
      .replace(/@@/g, '(?:.*/)?');
    return new RegExp(`^${body}$`);
  });
  return (id) => {
    const rel = relative(dir, id).split(sep).join('/');
    return patterns.some((re) => re.test(rel));
  };
}

/**
 * The dashboard's chart chunk (src/charts/zzCharts.ts, ECharts), as its `import()` names it:
 * outside every classic script, where that `import('./zz-charts.js')` stays a dynamic import.
 */
export const isChartChunk = (id) => /[\\/]charts[\\/]zzCharts(\.ts|\.js)?$/.test(id);

/**
 * A rollup plugin that writes `"production"` for `process.env.NODE_ENV` in dependencies
 * (ECharts and zrender test it for their dev warnings): in a browser without a bundler `process`
 * does not exist, and the chart chunk threw a ReferenceError on its first dev check. Those
 * modules lose their source-map lines (no one maps into a dependency's minified code).
 */
export function nodeEnvProduction() {
  return {
    name: 'node-env-production',
    transform(code, id) {
      if (!/node_modules/.test(id) || !code.includes('process.env.NODE_ENV')) return null;
      return {
        code: code.replaceAll('process.env.NODE_ENV', '"production"'),
        map: { mappings: '' },
      };
    },
  };
}

/** Rollup's tree-shaking with {@link moduleSideEffects}. */
export const treeshake = { moduleSideEffects };

/**
 * How @rollup/plugin-node-resolve resolves: browser fields and the `production` condition
 * always (without it, NODE_ENV=test — as under vitest — would pick Lit's dev build).
 */
export const resolveOptions = { browser: true, exportConditions: ['production'] };
