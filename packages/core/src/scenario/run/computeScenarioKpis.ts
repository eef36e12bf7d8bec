import type { AuditEntry } from '../../audit/auditEntry.js';
import type { ScenarioRecord } from '../../engine/caseRecord.js';
import { parseDuration } from '../../sla/parseDuration.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { activeSteps } from './activeSteps.js';

/**
 * The value of one scenario KPI over a set of instances.
 *
 * @example
 * ```ts
 * import type { ScenarioKpiValue } from '@zhizhi/core/scenario';
 * const met = (v: ScenarioKpiValue) => v.met;
 * ```
 */
export interface ScenarioKpiValue {
  id: string;
  kind: 'duration' | 'coverage' | 'count';
  label: { zh: string; en: string };
  /** Durations in ms (per instance that reached both ends), coverage ratios, or the count. */
  values: number[];
  /** Median duration, mean coverage, or the count. */
  value: number | null;
  target: number | null;
  /** Whether `value` meets `target` (durations at most, coverage at least); null without a target. */
  met: boolean | null;
}

const firstEntering = (trail: readonly AuditEntry[], step: string): number | null => {
  if (step === '@start') return trail[0]?.at ?? null;
  const e = trail.find((x) => activeSteps(x.to).includes(step));
  return e ? e.at : null;
};

/**
 * Computes a scenario's declared KPIs from its instances and their audit trails: `duration`
 * from the start (`@start`) or the first time a step was entered to the first time another
 * was, `coverage` of a campaign (done / total targets), `count` of instances that ended with
 * an outcome (or at all).
 *
 * @example
 * ```ts
 * import { computeScenarioKpis } from '@zhizhi/core/scenario';
 * // computeScenarioKpis(doc, [{ record, audit }]).find((k) => k.id === 'disposal')?.value
 * ```
 */
export function computeScenarioKpis(
  doc: Scenario,
  instances: readonly { record: ScenarioRecord; audit: readonly AuditEntry[] }[],
): ScenarioKpiValue[] {
  return (doc.kpis ?? []).map((kpi) => {
    const mine = instances.filter((i) => i.record.scenario.id === doc.id);
    let values: number[] = [];
    let target: number | null = null;
    if (kpi.kind === 'duration') {
      for (const { record, audit } of mine) {
        // transient steps (decision, notify, escalate) never rest, so they leave no audit
        // entry: fall back to when the instance last entered them
        const entered = (step: string) =>
          firstEntering(audit, step) ??
          (Object.hasOwn(record.context.entered, step)
            ? (record.context.entered[step] ?? null)
            : null);
        const from = entered(kpi.from);
        const to = entered(kpi.to);
        if (from !== null && to !== null && to >= from) values.push(to - from);
      }
      target = kpi.target ? parseDuration(kpi.target) : null;
    } else if (kpi.kind === 'coverage') {
      for (const { record } of mine) {
        const c = Object.hasOwn(record.context.campaigns, kpi.campaign)
          ? record.context.campaigns[kpi.campaign]
          : undefined;
        if (c && c.total > 0) values.push(c.done.length / c.total);
      }
      target = kpi.target ?? null;
    } else {
      values = [
        mine.filter((i) =>
          kpi.outcome
            ? i.record.context.outcome === kpi.outcome
            : i.record.context.outcome !== null,
        ).length,
      ];
    }
    const sorted = [...values].sort((a, b) => a - b);
    const value =
      kpi.kind === 'count'
        ? (values[0] ?? 0)
        : sorted.length === 0
          ? null
          : kpi.kind === 'duration'
            ? (sorted[Math.floor((sorted.length - 1) / 2)] as number)
            : sorted.reduce((s, v) => s + v, 0) / sorted.length;
    const met =
      target === null || value === null
        ? null
        : kpi.kind === 'duration'
          ? value <= target
          : value >= target;
    return { id: kpi.id, kind: kpi.kind, label: kpi.label, values, value, target, met };
  });
}
