import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ScenarioDraft } from '../../src/model/index.js';

const require = createRequire(import.meta.url);

/** The ids of core's five built-in scenarios. */
export const builtInIds = [
  'anti-fraud-outreach',
  'elderly-health-band',
  'electrical-fire',
  'smoke-alarm',
  'standard-case-flow',
] as const;

/** A built-in scenario file's exact text, as shipped by @zhizhi/core. */
export function builtInText(id: string, ext = 'json'): string {
  return readFileSync(require.resolve(`@zhizhi/core/scenarios/${id}.${ext}`), 'utf8');
}

/** A built-in scenario, parsed. */
export function builtIn(id: string): ScenarioDraft {
  return JSON.parse(builtInText(id)) as ScenarioDraft;
}
