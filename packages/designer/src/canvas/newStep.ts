import type { Lang } from '@zhizhi/core';
import { labels } from '@zhizhi/core/labels';
import type { DraftStep, StepKind } from '../model/index.js';

/**
 * A fresh, half-filled step of `kind` as the palette drops it: labelled with the kind's
 * name, with the fields the kind needs preset where there is a sensible default and its
 * transitions left open (the checker reports them until they are connected).
 *
 * @example
 * ```ts
 * import { newStep } from '@zhizhi/designer';
 * newStep('task', 'task-2'); // { id: 'task-2', kind: 'task', label: { zh: '任务', en: 'Task' }, assignee: { role: 'gridWorker' }, outcomes: [{ id: 'done', … }] }
 * ```
 */
export function newStep(kind: StepKind, id: string, _lang: Lang = 'zh-CN'): DraftStep {
  const [zh, en] = labels.stepKind[kind];
  const base: DraftStep = { id, kind, label: { zh, en } };
  switch (kind) {
    case 'task':
      return {
        ...base,
        assignee: { role: 'gridWorker' },
        outcomes: [{ id: 'done', label: { zh: '完成', en: 'Done' } }],
      };
    case 'dispatch':
      return { ...base, lead: { kind: 'post', id: '' } };
    case 'notify':
      return { ...base, to: [], channels: ['app'] };
    case 'decision':
      return { ...base, branches: [{ when: '' }] };
    case 'parallel':
      return { ...base, branches: [], join: 'all' };
    case 'wait':
      return { ...base, for: { duration: 'PT1H' } };
    case 'escalate':
      return { ...base, to: 'town' };
    case 'campaign':
      return {
        ...base,
        targets: { kind: 'households' },
        task: { label: { zh: '走访', en: 'Visit' }, assignee: { role: 'gridWorker' } },
        complete: { coverage: 0.9 },
      };
    case 'end':
      return { ...base, outcome: 'resolved' };
  }
}
