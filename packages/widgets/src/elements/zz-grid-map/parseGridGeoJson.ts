import type { LocalizedText } from '@zhizhi/core';
import type { Diagnostic } from '@zhizhi/core/scenario';

/** A position: longitude, latitude (degrees), as GeoJSON orders them. */
export type LngLat = readonly [number, number];

/**
 * One grid of a map: its id (`properties.gridId`), its name when the feature gives one, and its
 * polygons (each a list of rings, the first the outer boundary).
 *
 * @example
 * ```ts
 * import type { GridShape } from '@zhizhi/widgets/elements/zz-grid-map';
 * const rings = (g: GridShape) => g.polygons.reduce((n, p) => n + p.length, 0);
 * ```
 */
export interface GridShape {
  gridId: string;
  name: LocalizedText | undefined;
  polygons: LngLat[][][];
}

/**
 * What {@link parseGridGeoJson} gives: the grids and their bounds, or why the input was refused.
 *
 * @example
 * ```ts
 * import type { GridGeoJsonResult } from '@zhizhi/widgets/elements/zz-grid-map';
 * const count = (r: GridGeoJsonResult) => (r.ok ? r.value.grids.length : 0);
 * ```
 */
export type GridGeoJsonResult =
  | {
      ok: true;
      value: {
        grids: GridShape[];
        bounds: { west: number; south: number; east: number; north: number };
      };
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** Limits: beyond them the input is refused, so that drawing never hangs the page. */
export const GRID_GEOJSON_LIMITS = {
  features: 5_000,
  positions: 200_000,
  ringsPerPolygon: 64,
  polygonsPerFeature: 256,
  idLength: 128,
  nameLength: 200,
} as const;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const messages = {
  'geojson.type': { zh: '应为 {expected}', en: 'must be {expected}' },
  'geojson.geometry': {
    zh: '只支持 Polygon 和 MultiPolygon，得到 {got}',
    en: 'only Polygon and MultiPolygon are supported, got {got}',
  },
  'geojson.gridId': {
    zh: '缺少 properties.gridId（1–{max} 个字符）',
    en: 'properties.gridId is missing (1–{max} characters)',
  },
  'geojson.position': {
    zh: '坐标应为 [经度, 纬度] 的有限数（经度 −180…180，纬度 −90…90）',
    en: 'a position must be [longitude, latitude], finite (longitude −180…180, latitude −90…90)',
  },
  'geojson.ring': {
    zh: '环至少需要 4 个坐标且首尾相同',
    en: 'a ring needs at least 4 positions, the first equal to the last',
  },
  'geojson.tooLarge': { zh: '超过上限：{what} 最多 {max}', en: 'too large: at most {max} {what}' },
  'geojson.forbiddenKey': { zh: '不允许的键 {key}', en: 'key {key} is not allowed' },
  'geojson.duplicate': { zh: '网格 {gridId} 重复', en: 'grid {gridId} appears twice' },
  'geojson.empty': { zh: '没有任何网格', en: 'no grid in it' },
} as const;

type Code = keyof typeof messages;
type Path = (string | number)[];

class Refused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}

function refuse(code: Code, path: Path, params: Record<string, string | number> = {}): never {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  const m = messages[code];
  throw new Refused({ code, path, severity: 'error', message: { zh: fill(m.zh), en: fill(m.en) } });
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** An object's own value at `key`, refusing `__proto__`, `constructor` and `prototype` keys. */
function own(o: Record<string, unknown>, path: Path): (key: string) => unknown {
  for (const k of Object.keys(o))
    if (FORBIDDEN.has(k)) refuse('geojson.forbiddenKey', [...path, k], { key: k });
  return (key) => (Object.hasOwn(o, key) ? o[key] : undefined);
}

/**
 * Checks GeoJSON (an object, or its JSON text) as the grids of `zz-grid-map`: a
 * FeatureCollection (or one Feature) of Polygon/MultiPolygon features whose
 * `properties.gridId` names the grid (`properties.name` / `nameEn` its names). Anything else —
 * other geometry types, NaN or out-of-range coordinates, `__proto__`/`constructor`/`prototype`
 * keys, more than {@link GRID_GEOJSON_LIMITS} — is refused with a diagnostic naming the path
 * and the rule. It reads each value once and stops at the first problem: it never hangs.
 *
 * @example
 * ```ts
 * import { parseGridGeoJson } from '@zhizhi/widgets/elements/zz-grid-map';
 * const r = parseGridGeoJson({ type: 'FeatureCollection', features: [] });
 * if (!r.ok) console.warn(r.diagnostics[0]?.message.en); // 'no grid in it'
 * ```
 */
export function parseGridGeoJson(input: unknown): GridGeoJsonResult {
  try {
    return { ok: true, value: parse(typeof input === 'string' ? parseText(input) : input) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, diagnostics: [e.diagnostic] };
    throw e;
  }
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse('geojson.type', [], { expected: 'JSON' });
  }
}

function parse(root: unknown) {
  if (!isObject(root)) refuse('geojson.type', [], { expected: 'FeatureCollection' });
  const get = own(root, []);
  let features: unknown[];
  let base: Path;
  if (get('type') === 'FeatureCollection') {
    const list = get('features');
    if (!Array.isArray(list)) refuse('geojson.type', ['features'], { expected: 'an array' });
    if (list.length > GRID_GEOJSON_LIMITS.features)
      refuse('geojson.tooLarge', ['features'], {
        what: 'features',
        max: GRID_GEOJSON_LIMITS.features,
      });
    features = list;
    base = ['features'];
  } else if (get('type') === 'Feature') {
    features = [root];
    base = [];
  } else {
    return refuse('geojson.type', ['type'], { expected: 'FeatureCollection | Feature' });
  }
  const budget = { positions: 0 };
  const bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const grids: GridShape[] = [];
  const seen = new Set<string>();
  features.forEach((f, i) => {
    const path = base.length ? [...base, i] : [];
    const grid = parseFeature(f, path, budget, bounds);
    if (seen.has(grid.gridId))
      refuse('geojson.duplicate', [...path, 'properties', 'gridId'], { gridId: grid.gridId });
    seen.add(grid.gridId);
    grids.push(grid);
  });
  if (grids.length === 0) refuse('geojson.empty', base);
  return { grids, bounds };
}

function parseFeature(
  f: unknown,
  path: Path,
  budget: { positions: number },
  bounds: { west: number; south: number; east: number; north: number },
): GridShape {
  if (!isObject(f)) refuse('geojson.type', path, { expected: 'Feature' });
  const get = own(f, path);
  if (get('type') !== 'Feature') refuse('geojson.type', [...path, 'type'], { expected: 'Feature' });
  const props = get('properties');
  if (!isObject(props))
    refuse('geojson.gridId', [...path, 'properties'], { max: GRID_GEOJSON_LIMITS.idLength });
  const p = own(props, [...path, 'properties']);
  const gridId = p('gridId');
  if (
    typeof gridId !== 'string' ||
    gridId.length === 0 ||
    gridId.length > GRID_GEOJSON_LIMITS.idLength
  )
    refuse('geojson.gridId', [...path, 'properties', 'gridId'], {
      max: GRID_GEOJSON_LIMITS.idLength,
    });
  const text = (v: unknown) =>
    typeof v === 'string' && v.length > 0 ? v.slice(0, GRID_GEOJSON_LIMITS.nameLength) : undefined;
  const zh = text(p('name'));
  const en = text(p('nameEn')) ?? zh;
  const geometry = get('geometry');
  const gpath = [...path, 'geometry'];
  if (!isObject(geometry)) return refuse('geojson.geometry', gpath, { got: String(geometry) });
  const g = own(geometry, gpath);
  const type = g('type');
  const coords = g('coordinates');
  let polygons: unknown[];
  if (type === 'Polygon') polygons = [coords];
  else if (type === 'MultiPolygon') {
    if (!Array.isArray(coords))
      refuse('geojson.type', [...gpath, 'coordinates'], { expected: 'an array' });
    if (coords.length > GRID_GEOJSON_LIMITS.polygonsPerFeature)
      refuse('geojson.tooLarge', [...gpath, 'coordinates'], {
        what: 'polygons',
        max: GRID_GEOJSON_LIMITS.polygonsPerFeature,
      });
    polygons = coords;
  } else return refuse('geojson.geometry', [...gpath, 'type'], { got: String(type).slice(0, 40) });
  const out = polygons.map((poly, pi) => {
    const ppath = type === 'Polygon' ? [...gpath, 'coordinates'] : [...gpath, 'coordinates', pi];
    if (!Array.isArray(poly) || poly.length === 0)
      refuse('geojson.type', ppath, { expected: 'an array of rings' });
    if (poly.length > GRID_GEOJSON_LIMITS.ringsPerPolygon)
      refuse('geojson.tooLarge', ppath, {
        what: 'rings',
        max: GRID_GEOJSON_LIMITS.ringsPerPolygon,
      });
    return poly.map((ring, ri) => parseRing(ring, [...ppath, ri], budget, bounds));
  });
  return { gridId, name: zh && en ? { zh, en } : undefined, polygons: out };
}

function parseRing(
  ring: unknown,
  path: Path,
  budget: { positions: number },
  bounds: { west: number; south: number; east: number; north: number },
): LngLat[] {
  if (!Array.isArray(ring)) return refuse('geojson.ring', path);
  // checked before reading: a ring of millions of positions is refused without a walk
  budget.positions += ring.length;
  if (budget.positions > GRID_GEOJSON_LIMITS.positions)
    refuse('geojson.tooLarge', path, { what: 'positions', max: GRID_GEOJSON_LIMITS.positions });
  if (ring.length < 4) refuse('geojson.ring', path);
  const out: LngLat[] = [];
  for (let i = 0; i < ring.length; i++) {
    const pos = ring[i];
    const lng = Array.isArray(pos) ? pos[0] : undefined;
    const lat = Array.isArray(pos) ? pos[1] : undefined;
    if (
      typeof lng !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lng) ||
      !Number.isFinite(lat) ||
      Math.abs(lng) > 180 ||
      Math.abs(lat) > 90
    )
      refuse('geojson.position', [...path, i]);
    out.push([lng, lat]);
    if (lng < bounds.west) bounds.west = lng;
    if (lng > bounds.east) bounds.east = lng;
    if (lat < bounds.south) bounds.south = lat;
    if (lat > bounds.north) bounds.north = lat;
  }
  const a = out[0] as LngLat;
  const b = out[out.length - 1] as LngLat;
  if (a[0] !== b[0] || a[1] !== b[1]) refuse('geojson.ring', path);
  return out;
}
