import { alertSchema } from './alertSchema.js';

/**
 * One value a sensor trigger may copy out of an alert into a scenario field: its dotted path
 * and the type of the field it fits.
 *
 * @example
 * ```ts
 * import type { AlertFieldPath } from '@zhizhi/core/alert';
 * const address: AlertFieldPath = { path: 'location.address', type: 'string' };
 * ```
 */
export interface AlertFieldPath {
  path: string;
  type: 'string' | 'number';
}

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  values?: unknown[];
}

/** The scalar leaves of a zod schema, walked through objects, nullables and optionals. */
function leaves(def: Def, prefix: string, out: AlertFieldPath[]): void {
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        leaves(child._zod.def, prefix ? `${prefix}.${key}` : key, out);
      }
      return;
    case 'nullable':
    case 'optional':
      if (def.innerType) leaves(def.innerType._zod.def, prefix, out);
      return;
    case 'string':
      out.push({ path: prefix, type: 'string' });
      return;
    case 'number':
      out.push({ path: prefix, type: 'number' });
      return;
    case 'literal': {
      const t = typeof def.values?.[0];
      if (t === 'string' || t === 'number') out.push({ path: prefix, type: t });
      return;
    }
  }
}

function derive(): AlertFieldPath[] {
  const out: AlertFieldPath[] = [];
  leaves((alertSchema as unknown as { _zod: { def: Def } })._zod.def, '', out);
  return out;
}

/**
 * Every value a sensor trigger's `fields[].from` may name, derived from `alertSchema` (so it
 * never drifts from what an alert holds): `alertId`, `deviceId`, `type` (strings), `level`,
 * `peakLevel` (1–3), `raisedAt`, `updatedAt`, `clearedAt` (epoch ms), `value` (numbers),
 * `location.lat`, `location.lng` (numbers), `location.address`, `townId`, `gridId` (strings).
 * The value fits a scenario field of the same type (`string` or `number`); a value that is
 * absent or `null` in an alert is simply not copied. `validateScenario` refuses any other path
 * (`scenario.unknownAlertPath`) and a value of the wrong type for its field
 * (`scenario.alertFieldType`).
 *
 * @example
 * ```ts
 * import { alertFieldPaths } from '@zhizhi/core/alert';
 * alertFieldPaths.find((p) => p.path === 'location.address')?.type; // 'string'
 * ```
 */
export const alertFieldPaths: readonly AlertFieldPath[] = Object.freeze(derive());
