import type { SlaTimer } from '../sla/slaTimer.js';

/**
 * A durable timer of a scenario instance's step (an SLA or a wait): when due, the Engine hands
 * it to the scenario host, which sends `TIMEOUT {step}` to the instance.
 *
 * @example
 * ```ts
 * import type { StepTimer } from '@zhizhi/core';
 * const t: StepTimer = { id: 'i1:call:300000', caseId: 'i1', townId: 'qj-sj', step: 'call', dueAt: 300000 };
 * ```
 */
export interface StepTimer {
  id: string;
  /** The case or scenario instance the timer belongs to. */
  caseId: string;
  townId: string;
  step: string;
  dueAt: number;
}

/**
 * Any durable timer row in a store: an SLA timer of a case or a step timer of a scenario instance.
 *
 * @example
 * ```ts
 * import type { Timer } from '@zhizhi/core';
 * const isStep = (t: Timer) => 'step' in t;
 * ```
 */
export type Timer = SlaTimer | StepTimer;
