import { type Refusal, refuse } from '../commands/Refusal.js';
import { stepIndex } from '../graph/stepIndex.js';
import { stepRegionKeys } from '../graph/stepRegionKeys.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { findOutcome } from './findOutcome.js';

/** Step kinds that pass on at once (wait for nothing): a loop straight back is an instant loop. */
const instant = new Set(['notify', 'decision', 'escalate', 'parallel']);

const where = (region: string) =>
  region === '' ? 'the top level' : `branch ${region.replace('/', ' → ')}`;
const whereZh = (region: string) => (region === '' ? '顶层' : `分支 ${region.replace('/', ' → ')}`);

/**
 * Whether outcome `outcome` of step `from` may lead to `to` (a step id or `@join`). The canvas
 * offers a connection only where this is empty, and the `connect` command refuses the same.
 *
 * Refused: an unknown step or outcome; a target that is not a step of the scenario; `@join`
 * from outside a parallel branch (or from a branch's start port); a transition crossing a
 * branch border — the target must be in the same region as `from` (the branch's own region
 * for a parallel step's branch port), unless nothing leads to it yet (a fresh step joins the
 * region it is connected from); a step that waits for nothing leading straight back to itself.
 *
 * @example
 * ```ts
 * import { canConnect } from '@zhizhi/designer/model';
 * canConnect(doc, 'triage', 'otherwise', '@join')[0]?.code; // 'designer.joinOutsideBranch'
 * ```
 */
export function canConnect(
  doc: ScenarioDraft,
  from: string,
  outcome: string,
  to: string,
): Refusal[] {
  const found = findOutcome(doc, from, outcome);
  if ('refusals' in found) return found.refusals;
  const regions = stepRegionKeys(doc);
  const isBranchPort = found.step.kind === 'parallel' && outcome.startsWith('branches.');
  const fromRegion = isBranchPort
    ? `${from}/${outcome.slice('branches.'.length)}`
    : regions.region(from);
  if (to === '@join') {
    return fromRegion === '' || isBranchPort ? [refuse('designer.joinOutsideBranch', ['to'])] : [];
  }
  if (typeof to !== 'string' || !stepIndex(doc).has(to)) {
    return [refuse('designer.unknownTarget', ['to'], { to: String(to).slice(0, 80) })];
  }
  if (to === from && instant.has(found.step.kind)) {
    return [refuse('designer.selfLoop', ['to'], { kind: found.step.kind })];
  }
  const toRegion = regions.region(to);
  // reconnecting the same edge, or joining a fresh step to this region, never crosses a border
  if (toRegion !== fromRegion && found.port.to !== to && !regions.isFree(to)) {
    return [
      refuse('designer.crossesBranch', ['to'], {
        from,
        to,
        fromRegion: where(fromRegion),
        toRegion: where(toRegion),
        fromRegionZh: whereZh(fromRegion),
        toRegionZh: whereZh(toRegion),
      }),
    ];
  }
  return [];
}

/**
 * Whether outcome `outcome` of step `from` may be disconnected (left leading nowhere, as a
 * half-filled step). Refused: an unknown step or outcome, an outcome not connected, and a
 * parallel step's branch start (remove the branch instead).
 *
 * @example
 * ```ts
 * import { canDisconnect } from '@zhizhi/designer/model';
 * canDisconnect(doc, 'handle', 'branches.fire')[0]?.code; // 'designer.branchStart'
 * ```
 */
export function canDisconnect(doc: ScenarioDraft, from: string, outcome: string): Refusal[] {
  const found = findOutcome(doc, from, outcome);
  if ('refusals' in found) return found.refusals;
  if (found.step.kind === 'parallel' && outcome.startsWith('branches.')) {
    return [refuse('designer.branchStart', ['outcome'])];
  }
  if (found.port.to === undefined) {
    return [refuse('designer.notConnected', ['outcome'], { outcome })];
  }
  return [];
}
