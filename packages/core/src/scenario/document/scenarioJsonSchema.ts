import * as z from 'zod/mini';
import { scenarioSchema } from './scenarioSchema.js';

/**
 * The scenario document format as a JSON Schema (draft 2020-12), generated from
 * {@link scenarioSchema}, for editors (autocompletion, inline errors) and docs. The package
 * ships it as `@zhizhi/core/scenario.schema.json`; a test keeps that file equal to this output.
 * The schema checks shape only: graph rules (reachability, dead ends, timeouts, references,
 * conditions, personal data) need `validateScenario`.
 *
 * @example
 * ```ts
 * import { scenarioJsonSchema } from '@zhizhi/core/scenario';
 * scenarioJsonSchema().properties.format; // { type: 'string', const: 'zhizhi.scenario/1' }
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> & {
  properties: Record<string, unknown>;
} {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    $schema: schema.$schema,
    $id: 'https://zhizhi.dev/schema/scenario-1.json',
    title: 'zhizhi scenario (一件事场景) — zhizhi.scenario/1',
    ...schema,
  } as Record<string, unknown> & { properties: Record<string, unknown> };
}
