import type { Scenario, ScenarioStep } from '../../src/scenario/document/scenarioSchema.js';

const t = (zh: string, en: string) => ({ zh, en });

/** One block of 11 steps using every step kind; `exit` is where the block leads. */
function block(b: number, exit: string): ScenarioStep[] {
  const id = (name: string) => `b${b}${name}`;
  return [
    {
      id: id('task'),
      kind: 'task',
      assignee: { role: 'gridWorker' },
      form: ['note', 'level'],
      outcomes: [
        { id: 'ok', to: id('route') },
        { id: 'escalate', to: id('esc') },
      ],
      sla: { within: 'PT1H', onTimeout: id('esc') },
      layout: { x: b * 200, y: 0 },
    },
    {
      id: id('route'),
      kind: 'decision',
      branches: [
        { when: `level >= ${b % 5} and not (note == "")`, to: id('notify') },
        { when: 'tags contains "urgent" or length(tags) > 3', to: id('dispatch') },
      ],
      otherwise: id('esc'),
    },
    {
      id: id('notify'),
      kind: 'notify',
      to: [
        { kind: 'post', id: 'qj-sj-xfgl' },
        { kind: 'role', id: 'gridWorker' },
      ],
      channels: ['app', 'sms'],
      fields: ['note', 'phone'],
      next: id('dispatch'),
    },
    {
      id: id('dispatch'),
      kind: 'dispatch',
      lead: { kind: 'department', id: 'qj-cgj' },
      coHandlers: [{ kind: 'post', id: 'qj-sj-xfgl' }],
      next: id('par'),
      sla: { within: 'PT4H', onTimeout: id('esc') },
    },
    { id: id('esc'), kind: 'escalate', to: 'town', next: id('par') },
    {
      id: id('par'),
      kind: 'parallel',
      branches: [
        { id: 'x', start: id('x1') },
        { id: 'y', start: id('y1') },
      ],
      join: b % 2 === 0 ? 'all' : 'any',
      next: id('wait'),
    },
    {
      id: id('x1'),
      kind: 'task',
      assignee: { post: 'qj-sj-xfgl' },
      outcomes: [{ id: 'done', to: '@join' }],
      sla: { within: 'PT2H', onTimeout: '@join' },
    },
    { id: id('y1'), kind: 'wait', for: { signal: 'report' }, next: id('y2') },
    {
      id: id('y2'),
      kind: 'notify',
      to: [{ kind: 'role', id: 'dutyOfficer' }],
      channels: ['app'],
      next: '@join',
    },
    {
      id: id('wait'),
      kind: 'wait',
      for: { duration: 'PT2H' },
      next: id('campaign'),
      sla: { within: 'PT1H', onTimeout: id('campaign') },
    },
    {
      id: id('campaign'),
      kind: 'campaign',
      targets: { kind: 'households' },
      task: { label: t('入户', 'Visit'), assignee: { role: 'gridWorker' }, form: ['note'] },
      complete: { coverage: 0.8 },
      next: exit,
      sla: { within: 'P1D', onTimeout: exit },
    },
  ];
}

/**
 * A valid scenario of exactly `n` steps (n ≥ 2): blocks of 11 steps using every step kind
 * (tasks with SLAs, decisions with conditions, notify, dispatch, escalate, a parallel step
 * with two branches, waits, a campaign), a chain of notify steps to fill up, and an end.
 */
export function generateScenario(n: number): Scenario {
  const blocks = Math.max(0, Math.floor((n - 1) / 11));
  const fillers = n - 1 - blocks * 11;
  const firstFiller = fillers > 0 ? 'fill0' : 'end';
  const steps: ScenarioStep[] = [];
  for (let b = 0; b < blocks; b++)
    steps.push(...block(b, b + 1 < blocks ? `b${b + 1}task` : firstFiller));
  for (let f = 0; f < fillers; f++) {
    steps.push({
      id: `fill${f}`,
      kind: 'notify',
      to: [{ kind: 'role', id: 'gridWorker' }],
      channels: ['app'],
      next: f + 1 < fillers ? `fill${f + 1}` : 'end',
    });
  }
  steps.push({ id: 'end', kind: 'end', outcome: 'resolved' });
  const start = blocks > 0 ? 'b0task' : firstFiller;
  return {
    format: 'zhizhi.scenario/1',
    id: 'generated',
    version: '1.0.0',
    name: t('生成的场景', 'Generated scenario'),
    triggers: [
      { id: 'report', kind: 'report', fields: ['note', 'level', 'phone'], start },
      { id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start },
    ],
    fields: [
      { id: 'level', type: 'number', label: t('等级', 'Level') },
      { id: 'tags', type: 'string[]', label: t('标签', 'Tags') },
      { id: 'note', type: 'string', label: t('备注', 'Note') },
      { id: 'phone', type: 'string', label: t('电话', 'Phone'), pii: true },
    ],
    participants: {
      roles: ['gridWorker', 'dutyOfficer'],
      posts: ['qj-sj-xfgl'],
      departments: ['qj-cgj'],
    },
    steps,
    kpis: [
      {
        id: 'total',
        kind: 'duration',
        label: t('总用时', 'Total time'),
        from: '@start',
        to: 'end',
      },
      ...(blocks > 0
        ? [
            {
              id: 'coverage',
              kind: 'coverage' as const,
              label: t('覆盖率', 'Coverage'),
              campaign: 'b0campaign',
            },
            {
              id: 'lastBlock',
              kind: 'duration' as const,
              label: t('末段', 'Last block'),
              from: 'b0task',
              to: `b${blocks - 1}campaign`,
            },
          ]
        : []),
      { id: 'resolved', kind: 'count', label: t('办结', 'Resolved'), outcome: 'resolved' },
    ],
  };
}
