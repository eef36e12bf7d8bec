import type { SchemaField } from './fieldsOf.js';

/**
 * The values of a schema form: text by dotted path (`lead.kind`, `coHandlers.0.id`), `true`/
 * `false` for check boxes, and the number of items of each list under `path#`.
 *
 * @example
 * ```ts
 * import type { FormValues } from '@zhizhi/widgets';
 * const v: FormValues = new Map([['reason', '重复上报']]);
 * ```
 */
export type FormValues = Map<string, string | boolean>;

/**
 * The payload a schema form's values make: empty optional inputs are left out, numbers and
 * date-times become numbers (date-times as epoch ms), lines become string arrays. The runtime
 * validates the result; this only shapes it.
 *
 * @example
 * ```ts
 * import { fieldsOf, payloadOf } from '@zhizhi/widgets';
 * // payloadOf(fieldsOf(schema), new Map([['reason', '重复']])) → { reason: '重复' }
 * ```
 */
export function payloadOf(
  fields: readonly SchemaField[],
  values: FormValues,
  prefix = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.name}` : f.path;
    const v = fieldValue(f, path, values);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

function fieldValue(f: SchemaField, path: string, values: FormValues): unknown {
  const raw = values.get(path);
  const text = typeof raw === 'string' ? raw.trim() : '';
  switch (f.kind) {
    case 'boolean':
      return raw === true ? true : f.required ? false : undefined;
    case 'object': {
      const o = payloadOf(f.children ?? [], values, path);
      return Object.keys(o).length > 0 || f.required ? o : undefined;
    }
    case 'list': {
      const n = Number(values.get(`${path}#`) ?? (f.required ? 1 : 0));
      const items = Array.from({ length: n }, (_, i) =>
        payloadOf(f.children ?? [], values, `${path}.${i}`),
      ).filter((o) => Object.keys(o).length > 0);
      return items.length > 0 || f.required ? items : undefined;
    }
    case 'lines': {
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return lines.length > 0 || f.required ? lines : undefined;
    }
    case 'integer':
    case 'number':
      return text === '' ? undefined : Number(text);
    case 'datetime': {
      if (text === '') return undefined;
      const ms = new Date(text).getTime();
      return Number.isNaN(ms) ? text : ms;
    }
    default:
      return text === '' ? undefined : text;
  }
}
