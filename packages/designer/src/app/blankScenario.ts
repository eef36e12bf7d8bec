import type { ScenarioDraft } from '../model/index.js';

/**
 * A new, nearly empty scenario to build from scratch: a manual trigger and one end step (a
 * document needs at least one step), named in zh-CN and English.
 *
 * @example
 * ```ts
 * import { blankScenario } from '@zhizhi/designer';
 * blankScenario().steps.map((s) => s.id); // ['done']
 * ```
 */
export function blankScenario(): ScenarioDraft {
  return {
    format: 'zhizhi.scenario/1',
    id: 'new-scenario',
    version: '0.1.0',
    name: { zh: '新场景', en: 'New scenario' },
    triggers: [{ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: 'done' }],
    fields: [],
    participants: { roles: ['dutyOfficer'] },
    steps: [
      {
        id: 'done',
        kind: 'end',
        outcome: 'resolved',
        label: { zh: '办结', en: 'Done' },
        layout: { x: 480, y: 0 },
      },
    ],
  };
}
