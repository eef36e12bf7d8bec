import { stepIndex } from '../graph/stepIndex.js';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';

/** The clipboard format's name and version. */
export const CLIPBOARD_FORMAT = 'zhizhi.designer.clipboard/1';

/**
 * Steps copied from a scenario, as plain JSON (it can go through the system clipboard to
 * another scenario, another tab, another designer).
 *
 * @example
 * ```ts
 * import type { Clipboard } from '@zhizhi/designer/model';
 * const count = (c: Clipboard) => c.steps.length;
 * ```
 */
export interface Clipboard {
  format: typeof CLIPBOARD_FORMAT;
  /** The scenario the steps were copied from. */
  from: string;
  steps: DraftStep[];
}

/**
 * Copies the steps with the given ids (in document order; unknown ids are skipped).
 *
 * @example
 * ```ts
 * import { copySteps } from '@zhizhi/designer/model';
 * // copySteps(doc, ['call', 'visit']).steps.map((s) => s.id) → ['call', 'visit']
 * ```
 */
export function copySteps(doc: ScenarioDraft, ids: readonly string[]): Clipboard {
  const index = stepIndex(doc);
  const chosen = [...new Set(ids)]
    .map((id) => index.get(id))
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b);
  return {
    format: CLIPBOARD_FORMAT,
    from: doc.id,
    steps: chosen.map((i) => structuredClone(doc.steps[i] as DraftStep)),
  };
}
