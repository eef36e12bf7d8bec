import { createRequire } from 'node:module';
import { builtInScenarios } from '@zhizhi/core/sample';

const require = createRequire(import.meta.url);

/** The ids of the built-in scenarios, as `--builtin` accepts them. */
export const builtinIds: readonly string[] = builtInScenarios.map((d) => d.id);

/**
 * The files of a built-in scenario as `@zhizhi/core` ships them (`@zhizhi/core/scenarios/<id>.json`
 * and its event script `<id>.events.jsonl`), found through core's `exports` map, so
 * `zhizhi simulate --builtin <id>` works from an installed package as well as in the repository.
 * `null` for an id that is not built in.
 *
 * @example
 * ```ts
 * import { builtinScenarioFiles } from './builtinScenario.js';
 * builtinScenarioFiles('electrical-fire')?.events; // '…/@zhizhi/core/scenarios/electrical-fire.events.jsonl'
 * ```
 */
export function builtinScenarioFiles(id: string): { scenario: string; events: string } | null {
  if (!builtinIds.includes(id)) return null;
  return {
    scenario: require.resolve(`@zhizhi/core/scenarios/${id}.json`),
    events: require.resolve(`@zhizhi/core/scenarios/${id}.events.jsonl`),
  };
}
