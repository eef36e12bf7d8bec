import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { alertCatalog } from './alertCatalog.js';
import { MAX_EPOCH_MS } from './sensorReadingSchema.js';

function bad(path: (string | number)[], rule: string): Diagnostic {
  return makeDiagnostic(alertCatalog, 'reading.invalid', path, { path: path.join('.'), rule });
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= max;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isBetween(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && v >= min && v <= max;
}

function checkLocation(loc: unknown): Diagnostic | null {
  if (typeof loc !== 'object' || loc === null || Array.isArray(loc)) {
    return bad(['location'], 'an object { lat, lng, address? }');
  }
  const { lat, lng, address } = loc as Record<string, unknown>;
  if (!isBetween(lat, -90, 90)) return bad(['location', 'lat'], 'a number from -90 to 90');
  if (!isBetween(lng, -180, 180)) return bad(['location', 'lng'], 'a number from -180 to 180');
  if (address !== undefined && (typeof address !== 'string' || address.length > 256)) {
    return bad(['location', 'address'], 'a string of at most 256 characters');
  }
  return null;
}

const NO_DIAGNOSTICS: Diagnostic[] = [];

/**
 * Checks untrusted input against {@link sensorReadingSchema} without allocating when it is
 * valid (the normalizer's hot path): `[]` for a valid reading, else the first problem
 * (`reading.invalid`, naming the path). Never throws.
 *
 * @example
 * ```ts
 * import { checkReading } from '@zhizhi/core/alert';
 * checkReading({ deviceId: 'd1', seq: 1, deviceTime: 0, type: 'smoke', level: 4 })[0]?.path; // ['level']
 * ```
 */
export function checkReading(input: unknown): Diagnostic[] {
  const problem = firstReadingProblem(input);
  return problem ? [problem] : NO_DIAGNOSTICS;
}

/**
 * The first problem of a reading, or `null` (what {@link checkReading} wraps).
 *
 * @internal
 */
export function firstReadingProblem(input: unknown): Diagnostic | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return bad([], 'an object');
  }
  const r = input as Record<string, unknown>;
  if (!isText(r.deviceId, 128)) return bad(['deviceId'], 'a string of 1 to 128 characters');
  if (!isCount(r.seq)) return bad(['seq'], 'a non-negative safe integer');
  if (!isCount(r.deviceTime) || r.deviceTime > MAX_EPOCH_MS) {
    return bad(['deviceTime'], 'epoch milliseconds (an integer from 0 to MAX_EPOCH_MS)');
  }
  if (!isText(r.type, 64)) return bad(['type'], 'a string of 1 to 64 characters');
  const level = r.level;
  if (level !== 0 && level !== 1 && level !== 2 && level !== 3) {
    return bad(['level'], '0 (normal), 1, 2 or 3');
  }
  if (r.value !== undefined && !Number.isFinite(r.value)) return bad(['value'], 'a finite number');
  if (r.location !== undefined) {
    const d = checkLocation(r.location);
    if (d) return d;
  }
  if (r.townId !== undefined && !isText(r.townId, 128)) {
    return bad(['townId'], 'a string of 1 to 128 characters');
  }
  if (r.gridId !== undefined && !isText(r.gridId, 128)) {
    return bad(['gridId'], 'a string of 1 to 128 characters');
  }
  return null;
}
