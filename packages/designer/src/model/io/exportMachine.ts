import type { Directory } from '@zhizhi/core';
import { compileScenario, type MachineJson, type Scenario } from '@zhizhi/core/scenario';
import { checkDraft, type DraftCheck } from '../check/checkDraft.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * The compiled machine JSON of the document (core's `compileScenario`: an XState 5 config in
 * plain JSON, deterministic), or — while the checker reports errors — the check, and no
 * machine: export is refused until the document is right.
 *
 * @example
 * ```ts
 * import { exportMachine } from '@zhizhi/designer/model';
 * const r = exportMachine(draft.doc);
 * if (r.ok) download(JSON.stringify(r.machine, null, 2));
 * else showErrors(r.check.errors);
 * ```
 */
export function exportMachine(
  doc: ScenarioDraft,
  org?: Directory,
): { ok: true; machine: MachineJson } | { ok: false; check: DraftCheck } {
  const check = checkDraft(doc, org);
  if (!check.exportable) return { ok: false, check };
  return { ok: true, machine: compileScenario(doc as unknown as Scenario) };
}
