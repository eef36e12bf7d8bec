import * as z from 'zod/mini';
import { type CaseEventType, caseEventSchemas } from '../case/caseEventSchemas.js';

const cache = new Map<CaseEventType, Record<string, unknown>>();

/**
 * The JSON Schema (draft 2020-12) of a case event's payload, built once per type from the same
 * zod schema the runtime validates with.
 *
 * @example
 * ```ts
 * import { caseEventJsonSchema } from '@zhizhi/core/client';
 * caseEventJsonSchema('REJECT').required; // ['type', 'by', 'reason']
 * ```
 */
export function caseEventJsonSchema(type: CaseEventType): Record<string, unknown> {
  let schema = cache.get(type);
  if (!schema) {
    schema = z.toJSONSchema(caseEventSchemas[type], {
      target: 'draft-2020-12',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    cache.set(type, schema);
  }
  return schema;
}
