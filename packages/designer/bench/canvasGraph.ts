import type { DraftStep, ScenarioDraft } from '../src/model/index.js';

/**
 * A generated scenario of `n` steps on a grid (50 columns, 240 × 120 apart) with about 1.2
 * transitions per step: a chain of notify steps, every fifth a decision with a second branch
 * jumping ahead, and an end step last. For the canvas benchmark.
 */
export function canvasGraph(n: number): ScenarioDraft {
  const id = (i: number) => `s${i}`;
  const steps: DraftStep[] = [];
  for (let i = 0; i < n - 1; i++) {
    const layout = { x: (i % 50) * 240, y: Math.floor(i / 50) * 120 };
    const next = id(i + 1);
    if (i % 5 === 4) {
      steps.push({
        id: id(i),
        kind: 'decision',
        label: { zh: `判断 ${i}`, en: `Decision ${i}` },
        branches: [{ when: 'level > 1', to: id(Math.min(n - 1, i + 7)) }],
        otherwise: next,
        layout,
      });
    } else {
      steps.push({
        id: id(i),
        kind: 'notify',
        label: { zh: `通知 ${i}`, en: `Notify ${i}` },
        to: [{ kind: 'role', id: 'gridWorker' }],
        channels: ['app'],
        next,
        layout,
      });
    }
  }
  const last = n - 1;
  steps.push({
    id: id(last),
    kind: 'end',
    outcome: 'resolved',
    layout: { x: (last % 50) * 240, y: Math.floor(last / 50) * 120 },
  });
  return {
    format: 'zhizhi.scenario/1',
    id: `bench-${n}`,
    version: '1.0.0',
    name: { zh: `基准 ${n}`, en: `Bench ${n}` },
    triggers: [{ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: id(0) }],
    fields: [{ id: 'level', type: 'number', label: { zh: '级别', en: 'Level' } }],
    participants: { roles: ['dutyOfficer', 'gridWorker'] },
    steps,
  };
}
