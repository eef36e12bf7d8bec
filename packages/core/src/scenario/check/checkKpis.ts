import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import { label } from '../../i18n/labels.js';
import type { CheckContext } from './checkContext.js';
import { JOIN, reachFrom } from './checkGraph.js';
import { ownerOf, scenarioDiagnostic } from './scenarioCatalog.js';

/** Where `@join` of step `i`'s branch leads: its parallel step's `next` (up through nested parallels). */
function afterJoin(ctx: CheckContext, i: number): number {
  let at = i;
  for (let guard = 0; guard <= ctx.doc.steps.length; guard++) {
    const region = ctx.home[at];
    if (!region) return -1;
    const p = ctx.stepIndex.get(region.parallel);
    if (p === undefined) return -1;
    const next = (ctx.edges[p] ?? []).find((e) => e.branch === null && !e.timeout);
    if (!next || next.target !== JOIN) return next?.target ?? -1;
    at = p;
  }
  return -1;
}

/** Every step's successors: all its transitions (branch entries and timeouts too), `@join` resolved. */
function successors(ctx: CheckContext): number[][] {
  return ctx.edges.map((edges, i) => {
    const out: number[] = [];
    for (const e of edges) out.push(e.target === JOIN ? afterJoin(ctx, i) : e.target);
    return out;
  });
}

/**
 * Checks the KPIs. Reports `scenario.unknownStep` for a `from`, `to` or `campaign` that names
 * no step (`from` may also be `@start`, the instance's start); `scenario.kpiNotCampaign` for a
 * `coverage` KPI whose `campaign` is another kind of step; and the warning
 * `scenario.kpiUnreachable` for a `duration` KPI whose `to` step cannot be reached after its
 * `from` step (following every transition, timeouts and parallel branches included), so that
 * it could never be measured.
 *
 * @internal
 * @example
 * ```ts
 * import { checkKpis } from './checkKpis.js';
 * import { createCheckContext } from './checkContext.js';
 * // { id: 'k', kind: 'coverage', campaign: 'notifyAll', … } where notifyAll is a notify step
 * // checkKpis(createCheckContext(doc))[0]?.code; // 'scenario.kpiNotCampaign'
 * ```
 */
export function checkKpis(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let next: number[][] | undefined;
  let suggest: ((name: string) => string | undefined) | undefined;
  const known = (kpi: string, id: string, path: (string | number)[]): number | undefined => {
    const i = ctx.stepIndex.get(id);
    if (i === undefined) {
      suggest ??= closestName(ctx.stepIndex.keys());
      out.push(
        scenarioDiagnostic('scenario.unknownStep', path, {
          ...ownerOf(path, kpi),
          target: id,
          ...didYouMean(suggest(id)),
        }),
      );
    }
    return i;
  };
  (ctx.doc.kpis ?? []).forEach((kpi, k) => {
    if (kpi.kind === 'coverage') {
      const i = known(kpi.id, kpi.campaign, ['kpis', k, 'campaign']);
      const step = i === undefined ? undefined : ctx.doc.steps[i];
      if (step && step.kind !== 'campaign' && i !== undefined && !ctx.broken[i]) {
        out.push(
          scenarioDiagnostic('scenario.kpiNotCampaign', ['kpis', k, 'campaign'], {
            kpi: kpi.id,
            step: step.id,
            kind: step.kind,
            kindZh: label('stepKind', step.kind, 'zh-CN'),
          }),
        );
      }
      return;
    }
    if (kpi.kind !== 'duration') return;
    const from = kpi.from === '@start' ? -1 : known(kpi.id, kpi.from, ['kpis', k, 'from']);
    const to = known(kpi.id, kpi.to, ['kpis', k, 'to']);
    if (from === undefined || to === undefined) return;
    next ??= successors(ctx);
    const succ = next;
    const starts =
      from === -1
        ? ctx.doc.triggers.map((t) => ctx.stepIndex.get(t.start) ?? -1)
        : (succ[from] ?? []);
    const reach = reachFrom(ctx.doc.steps.length, starts, (i) => succ[i] ?? []);
    if (reach[to] === 0 && !ctx.unread) {
      out.push(
        scenarioDiagnostic('scenario.kpiUnreachable', ['kpis', k, 'to'], {
          kpi: kpi.id,
          from: kpi.from,
          to: kpi.to,
        }),
      );
    }
  });
  return out;
}
