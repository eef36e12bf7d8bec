/**
 * A scenario of `n` task steps in a chain (`s0 → s1 → … → end`), each done by the grid worker
 * of `qj-sj-c1-g1` of the sample org, and the events file that walks it from START to the end:
 * the input of `bench/simulate.bench.ts`.
 *
 * @example
 * ```ts
 * import { chainScenario } from './chainScenario.js';
 * const { doc, events } = chainScenario(3); // 3 tasks + end, START + 3 TASK_COMPLETE lines
 * ```
 */
export function chainScenario(n: number): { doc: Record<string, unknown>; events: string } {
  const steps: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    steps.push({
      id: `s${i}`,
      kind: 'task',
      assignee: { role: 'gridWorker' },
      outcomes: [{ id: 'done', to: i + 1 < n ? `s${i + 1}` : 'end' }],
    });
  }
  steps.push({ id: 'end', kind: 'end', outcome: 'resolved' });
  const doc = {
    format: 'zhizhi.scenario/1',
    id: 'chain',
    version: '1.0.0',
    name: { zh: '链式场景', en: 'Chain' },
    triggers: [{ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: 's0' }],
    fields: [],
    participants: { roles: ['gridWorker', 'dutyOfficer'] },
    steps,
  };
  const lines = [
    JSON.stringify({
      type: 'START',
      trigger: 'manual',
      actor: 'qj-sj-duty',
      gridId: 'qj-sj-c1-g1',
    }),
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        type: 'TASK_COMPLETE',
        actor: 'qj-sj-c1-g1-worker',
        step: `s${i}`,
        outcome: 'done',
      }),
    );
  }
  return { doc, events: `${lines.join('\n')}\n` };
}
