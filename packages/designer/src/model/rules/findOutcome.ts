import { type Refusal, refuse } from '../commands/Refusal.js';
import { outcomesOf, type StepOutcome } from '../graph/outcomesOf.js';
import { stepIndex } from '../graph/stepIndex.js';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';

/**
 * The step `from` and its port `outcome`, or the refusals saying which is missing.
 *
 * @internal
 * @example
 * ```ts
 * const found = findOutcome(doc, 'call', 'outcomes.noAnswer');
 * if ('refusals' in found) console.log(found.refusals);
 * ```
 */
export function findOutcome(
  doc: ScenarioDraft,
  from: string,
  outcome: string,
): { step: DraftStep; index: number; port: StepOutcome } | { refusals: Refusal[] } {
  const index = stepIndex(doc).get(from);
  const step = index === undefined ? undefined : doc.steps[index];
  if (index === undefined || !step) {
    return { refusals: [refuse('designer.unknownStep', ['from'], { id: String(from) })] };
  }
  const port = outcomesOf(step).find((o) => o.outcome === outcome);
  if (!port) {
    return {
      refusals: [
        refuse('designer.unknownOutcome', ['outcome'], { id: from, outcome: String(outcome) }),
      ],
    };
  }
  return { step, index, port };
}
