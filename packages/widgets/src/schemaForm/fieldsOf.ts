/**
 * One input of a form built from a JSON Schema: its dotted `path` in the payload, what kind of
 * control it needs, whether it is required, and its limits.
 *
 * @example
 * ```ts
 * import type { SchemaField } from '@zhizhi/widgets';
 * const f: SchemaField = { path: 'reason', name: 'reason', kind: 'textarea', required: true, maxLength: 2000 };
 * ```
 */
export interface SchemaField {
  path: string;
  name: string;
  kind:
    | 'text'
    | 'textarea'
    | 'integer'
    | 'number'
    | 'datetime'
    | 'boolean'
    | 'enum'
    | 'lines'
    | 'object'
    | 'list';
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  options?: string[];
  /** The fields of an object, or of each item of a list of objects. */
  children?: SchemaField[];
}

type Json = Record<string, unknown>;

/** Properties the widget fills itself: the event type and the member acting. */
const FILLED = new Set(['type', 'by']);

/**
 * The inputs of a form for a JSON Schema object (the payload schema `Client.actions` returns):
 * one per property except `type` and `by`, in the schema's order. Strings longer than 200
 * characters get a text area, integers named `…At` a date-time input, string arrays one line per
 * item, object arrays a repeatable group. Unsupported shapes fall back to a text input.
 *
 * @example
 * ```ts
 * import { fieldsOf } from '@zhizhi/widgets';
 * fieldsOf({ type: 'object', properties: { type: { const: 'REJECT' }, by: { type: 'string' },
 *   reason: { type: 'string', maxLength: 2000 } }, required: ['type', 'by', 'reason'] });
 * // [{ path: 'reason', name: 'reason', kind: 'textarea', required: true, maxLength: 2000 }]
 * ```
 */
export function fieldsOf(schema: Json, prefix = ''): SchemaField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const out: SchemaField[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (prefix === '' && FILLED.has(name)) continue;
    if (!isObject(raw)) continue;
    out.push(fieldOf(raw, name, prefix ? `${prefix}.${name}` : name, required.has(name)));
  }
  return out;
}

function fieldOf(s: Json, name: string, path: string, required: boolean): SchemaField {
  const base = { path, name, required };
  const limits = {
    ...num(s, 'minLength'),
    ...num(s, 'maxLength'),
    ...num(s, 'minimum'),
    ...num(s, 'maximum'),
    ...num(s, 'minItems'),
    ...num(s, 'maxItems'),
  };
  if (Array.isArray(s.enum))
    return { ...base, ...limits, kind: 'enum', options: s.enum.map(String) };
  switch (s.type) {
    case 'object':
      return { ...base, kind: 'object', children: fieldsOf(s, path) };
    case 'array': {
      const item = isObject(s.items) ? s.items : {};
      if (item.type === 'object')
        return { ...base, ...limits, kind: 'list', children: fieldsOf(item, '') };
      return { ...base, ...limits, ...num(item, 'maxLength'), kind: 'lines' };
    }
    case 'integer':
      return { ...base, ...limits, kind: /At$/.test(name) ? 'datetime' : 'integer' };
    case 'number':
      return { ...base, ...limits, kind: 'number' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    default: {
      const long = typeof s.maxLength !== 'number' || s.maxLength > 200;
      return { ...base, ...limits, kind: long ? 'textarea' : 'text' };
    }
  }
}

function num(s: Json, key: string): Record<string, number> {
  const v = s[key];
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 2 ** 53 - 1
    ? { [key]: v }
    : {};
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
