/**
 * What a running scenario instance knows: the trigger that started it, its data (field
 * values), the lists its campaigns fan out over, campaign coverage, its running timers (step →
 * due time, owned durably by the host), when the steps the latest command passed through were
 * entered (with the last entry of every step a duration KPI measures), the cases its
 * dispatch steps opened, its outcome, and the last time it was stepped. Plain JSON.
 *
 * @example
 * ```ts
 * import type { ScenarioContext } from '@zhizhi/core/scenario';
 * const covered = (c: ScenarioContext, step: string) => c.campaigns[step]?.done.length ?? 0;
 * ```
 */
export interface ScenarioContext {
  trigger: string | null;
  townId: string;
  gridId: string | null;
  data: Record<string, unknown>;
  lists: Record<string, string[]>;
  campaigns: Record<string, { total: number; done: string[] }>;
  timers: Record<string, number>;
  entered: Record<string, number>;
  cases: Record<string, string>;
  outcome: string | null;
  /** The sensor alert that started the instance, if one did (its later rises re-route). */
  alertId: string | null;
  startedAt: number;
  now: number;
}

/**
 * The input that starts an instance.
 *
 * @example
 * ```ts
 * import type { ScenarioInput } from '@zhizhi/core/scenario';
 * const input: ScenarioInput = { trigger: 'band', townId: 'qj-sj', at: Date.now(), data: { heartRate: 150 } };
 * ```
 */
export interface ScenarioInput {
  trigger: string;
  townId: string;
  gridId?: string | null;
  at: number;
  data?: Record<string, unknown>;
  lists?: Record<string, string[]>;
  alertId?: string | null;
}

/**
 * Events a scenario instance accepts. Hosts stamp `at` (epoch ms) and `by` (member id).
 *
 * @example
 * ```ts
 * import type { ScenarioEvent } from '@zhizhi/core/scenario';
 * const done: ScenarioEvent = { type: 'TASK_COMPLETE', step: 'call', outcome: 'answered', by: 'w1', at: 0 };
 * ```
 */
export type ScenarioEvent =
  | {
      type: 'TASK_COMPLETE';
      step: string;
      outcome: string;
      by: string;
      at: number;
      data?: Record<string, unknown>;
    }
  | { type: 'TIMEOUT'; step: string; by: string; at: number }
  | { type: 'SIGNAL'; name: string; by: string; at: number; data?: Record<string, unknown> }
  | { type: 'CASE_ACKNOWLEDGED'; step: string; caseId: string; by: string; at: number }
  | {
      type: 'CHECK_IN';
      step: string;
      target: string;
      by: string;
      at: number;
      data?: Record<string, unknown>;
    }
  | { type: 'BRANCH_DONE'; step: string; at?: number }
  | { type: 'EVENT'; name: string; by: string; at: number; data?: Record<string, unknown> };
