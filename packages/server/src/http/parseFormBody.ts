import { apiError, HttpError } from './errors.js';
import { findPoisonedKey } from './parseJsonBody.js';

/** Fields the GeoReport v2 POST sends as numbers. */
const NUMERIC = new Set(['lat', 'long']);

/**
 * The `application/x-www-form-urlencoded` body of Open311's `POST requests` (the spec's
 * encoding) as the object the JSON body would be: `lat` and `long` as numbers when they are
 * numbers (otherwise left as text, for the schema to refuse at their path), the spec's
 * `attribute[code]=value` as `code: value`. A key given twice, or a prototype-poisoning key,
 * is `400 request.invalid` at its path; nothing reaches the route.
 *
 * @example
 * ```ts
 * // service_code=riverPollution&lat=29.02&long=106.65&attribute[grid_id]=qj-sj-c1-g1
 * // → { service_code: 'riverPollution', lat: 29.02, long: 106.65, grid_id: 'qj-sj-c1-g1' }
 * ```
 */
export function parseFormBody(
  _req: unknown,
  body: string | Buffer,
  done: (err: Error | null, value?: unknown) => void,
): void {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const entries: [string, unknown][] = [];
  const seen = new Set<string>();
  for (const [raw, value] of new URLSearchParams(text)) {
    const attribute = /^attribute\[([^\]]{1,64})\]$/.exec(raw);
    const key = attribute?.[1] ?? raw;
    if (seen.has(key)) {
      const path = ['body', key];
      done(
        new HttpError(
          400,
          apiError('request.invalid', { path: path.join('.'), rule: 'given once' }, path),
        ),
      );
      return;
    }
    seen.add(key);
    const n = NUMERIC.has(key) && value.trim() !== '' ? Number(value) : Number.NaN;
    entries.push([key, Number.isFinite(n) ? n : value]);
  }
  // fromEntries defines own keys: `__proto__` stays a key, and is refused just below
  const value = Object.fromEntries(entries);
  const poisoned = findPoisonedKey(value);
  if (poisoned) {
    const path = ['body', ...poisoned];
    done(
      new HttpError(
        400,
        apiError('request.invalid', { path: path.join('.'), rule: 'no "__proto__" key' }, path),
      ),
    );
    return;
  }
  done(null, value);
}
