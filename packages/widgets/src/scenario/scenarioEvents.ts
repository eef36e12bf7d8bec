import type { ScenarioRecord } from '@zhizhi/core';

/**
 * `zz-scenario-started` (from `zz-scenario`): the viewer started a scenario instance.
 *
 * @example
 * ```ts
 * el.addEventListener('zz-scenario-started', (e) => console.log(e.detail.instanceId));
 * ```
 */
export interface ZzScenarioStartedDetail {
  scenario: string;
  instanceId: string;
  record: ScenarioRecord;
}

/**
 * `zz-task-done` (from `zz-scenario`): the runtime accepted the viewer's task completion;
 * `record` is the instance after it.
 *
 * @example
 * ```ts
 * el.addEventListener('zz-task-done', (e) => console.log(e.detail.step, e.detail.outcome));
 * ```
 */
export interface ZzTaskDoneDetail {
  instanceId: string;
  step: string;
  outcome: string;
  record: ScenarioRecord;
}

declare global {
  interface HTMLElementEventMap {
    'zz-scenario-started': CustomEvent<ZzScenarioStartedDetail>;
    'zz-task-done': CustomEvent<ZzTaskDoneDetail>;
  }
}
