import { ID_PATTERN } from '@zhizhi/core/scenario';
import { type Refusal, refuse } from '../commands/Refusal.js';
import { stepIndex } from '../graph/stepIndex.js';
import { stepRegionKeys } from '../graph/stepRegionKeys.js';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';
import { canDrop, canUseId } from './canDrop.js';
import { isJson } from './isJson.js';

/** Most branches a parallel step has (the schema's limit). */
export const MAX_BRANCHES = 12;
/** Fewest branches a parallel step has. */
export const MIN_BRANCHES = 2;

/** The branches of a parallel step, or a refusal when `parallel` is not one. */
export function branchesOf(
  doc: ScenarioDraft,
  parallel: string,
): { index: number; branches: { id?: unknown; start?: unknown }[] } | Refusal[] {
  const index = stepIndex(doc).get(parallel);
  const step = index === undefined ? undefined : doc.steps[index];
  if (index === undefined || !step) {
    return [refuse('designer.unknownStep', ['parallel'], { id: String(parallel) })];
  }
  if (step.kind !== 'parallel')
    return [refuse('designer.notParallel', ['parallel'], { id: parallel })];
  const branches = Array.isArray(step.branches) ? (step.branches as { id?: unknown }[]) : [];
  return { index, branches };
}

/**
 * Whether parallel step `parallel` may get branch `branchId` starting at `start` (an existing
 * step nothing leads to yet, or a new step). Refused: not a parallel step, a branch id that is
 * invalid or taken, more than 12 branches, a start that is not a free step, and a new start
 * step that could not be dropped into the branch (see {@link canDrop}).
 *
 * @example
 * ```ts
 * import { canAddBranch } from '@zhizhi/designer/model';
 * canAddBranch(doc, 'handle', 'evacuate', { id: 'evacuate1', kind: 'task' }); // []
 * ```
 */
export function canAddBranch(
  doc: ScenarioDraft,
  parallel: string,
  branchId: string,
  start: string | DraftStep,
): Refusal[] {
  const found = branchesOf(doc, parallel);
  if (Array.isArray(found)) return found;
  const out: Refusal[] = [];
  if (typeof branchId !== 'string' || !ID_PATTERN.test(branchId)) {
    out.push(refuse('designer.badId', ['branch', 'id'], { id: String(branchId).slice(0, 80) }));
  } else if (found.branches.some((b) => b?.id === branchId)) {
    out.push(refuse('designer.duplicateId', ['branch', 'id'], { id: branchId }));
  }
  if (found.branches.length >= MAX_BRANCHES) {
    out.push(refuse('designer.branchCount', ['branch'], { min: MIN_BRANCHES, max: MAX_BRANCHES }));
  }
  if (typeof start === 'string') {
    if (!stepIndex(doc).has(start)) {
      out.push(refuse('designer.unknownTarget', ['start'], { to: start.slice(0, 80) }));
    } else {
      const regions = stepRegionKeys(doc);
      if (!regions.isFree(start) || start === parallel) {
        out.push(
          refuse('designer.crossesBranch', ['start'], {
            from: parallel,
            to: start,
            fromRegion: `branch ${parallel} → ${branchId}`,
            toRegion: regions.region(start) === '' ? 'the top level' : regions.region(start),
            fromRegionZh: `分支 ${parallel} → ${branchId}`,
            toRegionZh: regions.region(start) === '' ? '顶层' : regions.region(start),
          }),
        );
      }
    }
  } else if (typeof start !== 'object' || start === null || !isJson(start)) {
    out.push(refuse('designer.notJson', ['start']));
  } else {
    out.push(...canDrop(doc, String(start.kind), {}), ...canUseId(doc, start.id, ['start', 'id']));
    if (start.kind === 'end') out.push(refuse('designer.endInBranch', ['start', 'kind']));
    if (start.kind === 'parallel') {
      const deep = canDrop(doc, 'parallel', {
        parent: { parallel, branch: String((found.branches[0]?.id as string) ?? '') },
      });
      const tooDeep = deep.find((r) => r.code === 'designer.tooDeep');
      if (tooDeep) out.push({ ...tooDeep, path: ['start', 'kind'] });
    }
  }
  return out;
}

/**
 * Whether branch `branch` may be removed from parallel step `parallel` (its steps stay, free).
 * Refused: not a parallel step, an unknown branch, and a parallel step left with fewer than
 * two branches.
 *
 * @example
 * ```ts
 * import { canRemoveBranch } from '@zhizhi/designer/model';
 * canRemoveBranch(doc, 'handle', 'fire')[0]?.code; // 'designer.branchCount' with two branches
 * ```
 */
export function canRemoveBranch(doc: ScenarioDraft, parallel: string, branch: string): Refusal[] {
  const found = branchesOf(doc, parallel);
  if (Array.isArray(found)) return found;
  if (!found.branches.some((b) => b?.id === branch)) {
    return [refuse('designer.unknownBranch', ['branch'], { parallel, branch: String(branch) })];
  }
  if (found.branches.length <= MIN_BRANCHES) {
    return [refuse('designer.branchCount', ['branch'], { min: MIN_BRANCHES, max: MAX_BRANCHES })];
  }
  return [];
}
