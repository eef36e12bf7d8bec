import type { ScenarioDraft } from '../../src/model/index.js';

/** A scenario with one end step and a manual trigger: the smallest a document may be. */
export const blankScenario = (): ScenarioDraft => ({
  format: 'zhizhi.scenario/1',
  id: 'blank',
  version: '0.1.0',
  name: { zh: '新场景', en: 'New scenario' },
  triggers: [{ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: 'done' }],
  fields: [],
  participants: { roles: ['dutyOfficer'] },
  steps: [{ id: 'done', kind: 'end', outcome: 'resolved', layout: { x: 320, y: 0 } }],
});

/** A notify step whose `next` is not connected yet, then an end step. */
export const openScenario = (): ScenarioDraft => {
  const doc = blankScenario();
  doc.triggers[0] = { ...doc.triggers[0], start: 'tell' } as ScenarioDraft['triggers'][number];
  doc.participants = { roles: ['dutyOfficer', 'gridWorker'] };
  doc.steps.unshift({
    id: 'tell',
    kind: 'notify',
    label: { zh: '通知网格员', en: 'Tell the grid worker' },
    to: [{ kind: 'role', id: 'gridWorker' }],
    channels: ['app'],
    layout: { x: 0, y: 0 },
  });
  return doc;
};
