import { builtInScenarios } from '@zhizhi/core/sample';
import type { ScenarioDraft } from '../../src/model/index.js';

/** A fresh copy of the built-in elderly health-band scenario, as the designer edits it. */
export const healthBand = (): ScenarioDraft =>
  structuredClone(
    builtInScenarios.find((s) => s.id === 'elderly-health-band'),
  ) as unknown as ScenarioDraft;
