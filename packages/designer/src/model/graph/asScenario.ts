import type { Scenario } from '@zhizhi/core/scenario';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * The draft seen as a scenario by core's graph helpers (`stepRegions`), which read only ids
 * and transitions and skip a transition that is not there yet.
 *
 * @internal
 * @example
 * ```ts
 * stepRegions(asScenario(doc)).regionOf.get('inspect');
 * ```
 */
export const asScenario = (doc: ScenarioDraft): Scenario => doc as unknown as Scenario;
