import { ID_PATTERN, MAX_PARALLEL_DEPTH, MAX_STEPS, stepRegions } from '@zhizhi/core/scenario';
import type { BranchRef, Point } from '../commands/Command.js';
import { type Refusal, refuse } from '../commands/Refusal.js';
import { asScenario } from '../graph/asScenario.js';
import { stepIndex } from '../graph/stepIndex.js';
import type { ScenarioDraft, StepKind } from '../ScenarioDraft.js';

/** The nine step kinds, in palette order. */
export const stepKinds: readonly StepKind[] = [
  'task',
  'dispatch',
  'notify',
  'decision',
  'parallel',
  'wait',
  'escalate',
  'campaign',
  'end',
];

/** How many parallel steps enclose a branch (1 for a top-level parallel's branch). */
function depthOf(doc: ScenarioDraft, parallel: string): number {
  const { regionOf } = stepRegions(asScenario(doc));
  let depth = 1;
  let at = regionOf.get(parallel);
  const seen = new Set<string>();
  while (at && !seen.has(at.parallel)) {
    seen.add(at.parallel);
    depth += 1;
    at = regionOf.get(at.parallel);
  }
  return depth;
}

/**
 * Whether a step of `kind` may be dropped at `position`, at the top level or into `parent`
 * (a branch of a parallel step). The palette greys out what this refuses, drag-and-drop does
 * not drop there, and the `addStep` command refuses the same. Empty: allowed.
 *
 * Refused: an unknown kind, a position that is not two finite numbers, a full scenario
 * (`MAX_STEPS`), an unknown parallel step or branch, an end step inside a branch (a branch
 * finishes at `@join`), a parallel step nested deeper than `MAX_PARALLEL_DEPTH`.
 *
 * @example
 * ```ts
 * import { canDrop } from '@zhizhi/designer/model';
 * canDrop(doc, 'end', { position: { x: 0, y: 0 }, parent: { parallel: 'handle', branch: 'fire' } })[0]?.code;
 * // 'designer.endInBranch'
 * ```
 */
export function canDrop(
  doc: ScenarioDraft,
  kind: string,
  where: { position?: Point; parent?: BranchRef } = {},
): Refusal[] {
  const out: Refusal[] = [];
  if (!stepKinds.includes(kind as StepKind))
    out.push(refuse('designer.unknownKind', ['kind'], { kind }));
  const p = where.position;
  if (p !== undefined && !(Number.isFinite(p?.x) && Number.isFinite(p?.y))) {
    out.push(refuse('designer.badPosition', ['position']));
  }
  if (doc.steps.length >= MAX_STEPS) {
    out.push(refuse('designer.tooManySteps', ['steps'], { max: MAX_STEPS }));
  }
  const parent = where.parent;
  if (parent) {
    const i = stepIndex(doc).get(parent.parallel);
    const par = i === undefined ? undefined : doc.steps[i];
    if (!par)
      out.push(refuse('designer.unknownStep', ['parent', 'parallel'], { id: parent.parallel }));
    else if (par.kind !== 'parallel') {
      out.push(refuse('designer.notParallel', ['parent', 'parallel'], { id: parent.parallel }));
    } else {
      const branches = Array.isArray(par.branches) ? par.branches : [];
      const has = branches.some(
        (b) => typeof b === 'object' && b !== null && !Array.isArray(b) && b.id === parent.branch,
      );
      if (!has) out.push(refuse('designer.unknownBranch', ['parent', 'branch'], parent as never));
      if (kind === 'end') out.push(refuse('designer.endInBranch', ['kind']));
      if (kind === 'parallel' && depthOf(doc, parent.parallel) + 1 > MAX_PARALLEL_DEPTH) {
        out.push(refuse('designer.tooDeep', ['kind'], { max: MAX_PARALLEL_DEPTH }));
      }
    }
  }
  return out;
}

/**
 * Whether `id` may name a new step: it follows the id rule and no step has it yet.
 *
 * @example
 * ```ts
 * import { canUseId } from '@zhizhi/designer/model';
 * canUseId(doc, 'constructor')[0]?.code; // 'designer.badId'
 * ```
 */
export function canUseId(
  doc: ScenarioDraft,
  id: unknown,
  path: (string | number)[] = ['id'],
): Refusal[] {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    return [refuse('designer.badId', path, { id: String(id).slice(0, 80) })];
  }
  if (stepIndex(doc).has(id)) return [refuse('designer.duplicateId', path, { id })];
  return [];
}
