import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import type { CheckContext } from './checkContext.js';
import { JOIN, UNKNOWN } from './checkGraph.js';
import type { BranchRegion } from './checkRegions.js';
import { UNREAD } from './salvageSteps.js';
import { ownerOf, scenarioDiagnostic } from './scenarioCatalog.js';

function where(r: BranchRegion | null): { en: string; zh: string } {
  if (r === null) return { en: 'at the top level', zh: '主流程' };
  return {
    en: `in branch \`${r.branch}\` of parallel step \`${r.parallel}\``,
    zh: `并行步骤 \`${r.parallel}\` 的分支 \`${r.branch}\``,
  };
}

const same = (a: BranchRegion | null, b: BranchRegion | null) =>
  a === b || (a !== null && b !== null && a.parallel === b.parallel && a.branch === b.branch);

function crosses(path: (string | number)[], detail: { en: string; zh: string }): Diagnostic {
  return scenarioDiagnostic('scenario.crossesBranch', path, {
    detail: detail.en,
    detailZh: detail.zh,
  });
}

/** The edges of one step: unknown targets, `@join` outside a branch, edges that cross a branch border. */
function checkStepEdges(
  ctx: CheckContext,
  i: number,
  out: Diagnostic[],
  suggest: (name: string) => string | undefined,
): void {
  const step = ctx.doc.steps[i];
  if (!step) return;
  const from = ctx.home[i] ?? null;
  const fromSettled = !ctx.duplicate[i] && !ctx.conflicts.has(step.id);
  for (const e of ctx.edges[i] ?? []) {
    if (e.target === UNKNOWN) {
      // an SLA's unknown timeout target is reported as scenario.slaWithoutTimeout; a
      // transition of a half-filled step that cannot be read is its scenario.schema
      if (!e.timeout && e.to !== UNREAD) {
        out.push(
          scenarioDiagnostic('scenario.unknownStep', e.path, {
            ...ownerOf(e.path, step.id),
            target: e.to,
            ...didYouMean(suggest(e.to)),
          }),
        );
      }
      continue;
    }
    if (!fromSettled) continue;
    if (e.target === JOIN) {
      if (from === null)
        out.push(scenarioDiagnostic('scenario.joinOutsideBranch', e.path, { step: step.id }));
      continue;
    }
    const target = ctx.doc.steps[e.target];
    if (!target || ctx.conflicts.has(target.id)) continue;
    const to = ctx.home[e.target] ?? null;
    if (e.branch !== null) {
      const own = { parallel: step.id, branch: e.branch };
      if (same(to, own)) continue;
      const w = where(to);
      out.push(
        crosses(e.path, {
          en: `Branch \`${e.branch}\` of parallel step \`${step.id}\` starts at \`${target.id}\`, which is ${w.en}`,
          zh: `并行步骤 \`${step.id}\` 的分支 \`${e.branch}\` 从 \`${target.id}\` 开始，但该步骤属于${w.zh}`,
        }),
      );
    } else if (!same(from, to)) {
      const a = where(from);
      const b = where(to);
      out.push(
        crosses(e.path, {
          en: `Step \`${step.id}\` (${a.en}) leads to \`${target.id}\` (${b.en})`,
          zh: `步骤 \`${step.id}\`（${a.zh}）通向 \`${target.id}\`（${b.zh}）`,
        }),
      );
    }
  }
}

/**
 * Checks where each transition leads. Reports `scenario.unknownStep` for a `to`, `next`,
 * `otherwise` or branch `start` (and a trigger's `start`) that names no step;
 * `scenario.joinOutsideBranch` for `@join` used by a step that is not inside a parallel branch;
 * `scenario.crossesBranch` for a branch step that leads out of its branch (to the top level or
 * another branch), a top-level step or trigger that leads into a branch, a branch whose start
 * belongs elsewhere, and a step reached from two branches (at the step itself). An SLA's
 * unknown `onTimeout` is left to {@link checkSla}.
 *
 * @internal
 * @example
 * ```ts
 * import { checkTransitions } from './checkTransitions.js';
 * import { createCheckContext } from './checkContext.js';
 * // checkTransitions(createCheckContext(doc)).map((d) => d.code); // ['scenario.unknownStep']
 * ```
 */
export function checkTransitions(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suggest = closestName(ctx.stepIndex.keys());
  ctx.doc.triggers.forEach((t, i) => {
    const path = ['triggers', i, 'start'];
    const target = ctx.stepIndex.get(t.start);
    if (target === undefined) {
      out.push(
        scenarioDiagnostic('scenario.unknownStep', path, {
          ...ownerOf(path, t.id),
          target: t.start,
          ...didYouMean(suggest(t.start)),
        }),
      );
      return;
    }
    const region = ctx.home[target] ?? null;
    if (region !== null && !ctx.conflicts.has(t.start)) {
      const w = where(region);
      out.push(
        crosses(path, {
          en: `Trigger \`${t.id}\` starts at \`${t.start}\`, which is ${w.en}`,
          zh: `触发条件 \`${t.id}\` 的起始步骤 \`${t.start}\` 属于${w.zh}`,
        }),
      );
    }
  });
  for (let i = 0; i < ctx.doc.steps.length; i++) checkStepEdges(ctx, i, out, suggest);
  for (const id of ctx.conflicts) {
    const i = ctx.stepIndex.get(id);
    if (i === undefined) continue;
    out.push(
      crosses(['steps', i], {
        en: `Step \`${id}\` is reached from more than one parallel branch`,
        zh: `步骤 \`${id}\` 被多个并行分支同时到达`,
      }),
    );
  }
  return out;
}
