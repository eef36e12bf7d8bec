import type { Directory } from '@zhizhi/core';
import { type Diagnostic, validateScenario } from '@zhizhi/core/scenario';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * What the checker says of a draft: every diagnostic (sorted by path; each carries the
 * `stepId` of the step it concerns, so the canvas can badge and focus it), split into errors
 * and warnings. `exportable` is true when there are no errors.
 *
 * @example
 * ```ts
 * import type { DraftCheck } from '@zhizhi/designer/model';
 * const badges = (c: DraftCheck) => new Set(c.errors.map((d) => d.stepId));
 * ```
 */
export interface DraftCheck {
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  exportable: boolean;
}

/**
 * Checks the edited document with core's checker (`validateScenario`), which goes on past
 * half-filled steps; with an org directory, posts, departments and grids are checked too.
 * Never throws.
 *
 * @example
 * ```ts
 * import { checkDraft } from '@zhizhi/designer/model';
 * const { errors } = checkDraft(draft.doc);
 * for (const e of errors) console.log(e.stepId, e.code, e.message.zh);
 * ```
 */
export function checkDraft(doc: ScenarioDraft, org?: Directory): DraftCheck {
  const diagnostics = validateScenario(doc, org);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  return { diagnostics, errors, warnings, exportable: errors.length === 0 };
}
