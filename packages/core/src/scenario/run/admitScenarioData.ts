import type { ZhizhiError } from '../../errors/ZhizhiError.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { runError } from './runError.js';

/**
 * Checks data sent to a scenario instance (a start, a task form, a check-in, a signal or an
 * event): every key must be a declared field among `allowed`, and every value must have the
 * field's type (strings up to 4,000 characters, finite numbers, booleans, ISO dates, arrays of
 * up to 1,000 items). Returns the checked copy, or a `run.unknownField` / `run.fieldType` refusal.
 * Own keys are read as given, so `__proto__` (as `JSON.parse` makes it) and `constructor` are
 * refused alike: no field has such an id. (The host's schemas refuse them earlier still, as
 * `run.payload` at `data.<key>`.)
 *
 * @example
 * ```ts
 * import { admitScenarioData } from '@zhizhi/core/scenario';
 * // admitScenarioData(doc, 'visit', { condition: '跌倒' }, ['condition']).ok === true
 * ```
 */
export function admitScenarioData(
  doc: Scenario,
  step: string | null,
  data: Record<string, unknown>,
  allowed: readonly string[],
): { ok: true; value: Record<string, unknown> } | { ok: false; error: ZhizhiError } {
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(data)) {
    const field = doc.fields.find((f) => f.id === key);
    if (!field || !allowed.includes(key)) {
      return runError('run.unknownField', { step: step ?? 'start', field: key.slice(0, 64) }, [
        'data',
        key.slice(0, 64),
      ]);
    }
    const t = field.type;
    const ok =
      t === 'string'
        ? typeof v === 'string' && v.length <= 4000
        : t === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : t === 'boolean'
            ? typeof v === 'boolean'
            : t === 'date'
              ? typeof v === 'string' && !Number.isNaN(Date.parse(v))
              : t === 'string[]'
                ? Array.isArray(v) && v.length <= 1000 && v.every((x) => typeof x === 'string')
                : Array.isArray(v) &&
                  v.length <= 1000 &&
                  v.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!ok) return runError('run.fieldType', { field: key, type: t }, ['data', key]);
    value[key] = v;
  }
  return { ok: true, value };
}
