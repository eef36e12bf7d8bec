import { scenarioJsonSchema } from '@zhizhi/core/scenario';
import type { StepKind } from '../model/index.js';

/** A JSON Schema node, as far as the property panel reads it. */
export interface JsonSchema {
  type?: string;
  /** The field's name as shown (a scenario field's label); else the key's name. */
  title?: string;
  const?: unknown;
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
}

let byKind: Map<string, JsonSchema> | undefined;

/**
 * The JSON Schema of one step kind, taken from core's scenario JSON Schema
 * (`scenarioJsonSchema`) — the property panel builds its form from it.
 *
 * @example
 * ```ts
 * import { stepJsonSchema } from '@zhizhi/designer';
 * Object.keys(stepJsonSchema('end')?.properties ?? {}); // ['id', 'label', 'layout', 'kind', 'outcome']
 * ```
 */
export function stepJsonSchema(kind: StepKind): JsonSchema | undefined {
  if (!byKind) {
    byKind = new Map();
    const steps = scenarioJsonSchema().properties.steps as { items?: JsonSchema };
    for (const s of steps.items?.oneOf ?? steps.items?.anyOf ?? []) {
      const k = s.properties?.kind?.const;
      if (typeof k === 'string') byKind.set(k, s);
    }
  }
  return byKind.get(kind);
}

/**
 * A value that fits `schema`, to start a new list item or optional object from: required
 * properties filled, the first choice of an enum or union.
 *
 * @example
 * ```ts
 * import { defaultFor } from '@zhizhi/designer';
 * defaultFor({ type: 'object', properties: { within: { type: 'string' } }, required: ['within'] }); // { within: '' }
 * ```
 */
export function defaultFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.[0]) return defaultFor(union[0]);
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = defaultFor(schema.properties?.[k]);
      return out;
    }
    case 'array':
      return [];
    case 'number':
    case 'integer':
      return schema.maximum ?? schema.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}
