import type { LocalizedText, ScenarioRecord } from '@zhizhi/core';

/**
 * One alert as `zz-alert-feed` shows it: the scenario instance a sensor alert started, its
 * level (1 most severe), type and place, the cases its dispatch steps opened, which of them
 * the viewer may acknowledge (签收) now, and whether it has been acknowledged.
 *
 * @example
 * ```ts
 * import type { AlertItem } from '@zhizhi/widgets';
 * const urgent = (a: AlertItem) => a.level === 1 && !a.acknowledged;
 * ```
 */
export interface AlertItem {
  record: ScenarioRecord;
  level: 1 | 2 | 3;
  type: string;
  location: string | undefined;
  /** The scenario's name (from its definition), when known. */
  name: LocalizedText | undefined;
  caseIds: string[];
  /** Cases the viewer may send ACKNOWLEDGE to now. */
  ackable: string[];
  /** A dispatched case was acknowledged, or the viewer marked the alert seen. */
  acknowledged: boolean;
}

/**
 * The level of an instance a sensor alert started (`context.data.level`, 1–3), or
 * `undefined` for an instance no alert started.
 *
 * @example
 * ```ts
 * import { alertLevelOf } from '@zhizhi/widgets';
 * // alertLevelOf(instance) === 1 for a level-1 leakage warning
 * ```
 */
export function alertLevelOf(record: ScenarioRecord): 1 | 2 | 3 | undefined {
  if (record.context.alertId === null) return undefined;
  const level = Number(record.context.data.level);
  return level === 1 || level === 2 || level === 3 ? level : 3;
}
