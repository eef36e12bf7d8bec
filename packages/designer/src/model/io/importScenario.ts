import { parseJsonStrict } from '@zhizhi/core/json';
import type { Diagnostic } from '@zhizhi/core/scenario';
import { checkDraft } from '../check/checkDraft.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * What importing a scenario file gives: the document to edit (when the text is a JSON object
 * with a `steps` list the canvas can show, even if broken), the checker's diagnostics (or the
 * strict JSON reader's, with line and column), and the text itself, kept so that exporting
 * the document untouched gives back the very same bytes.
 *
 * @example
 * ```ts
 * import type { ImportedScenario } from '@zhizhi/designer/model';
 * const errors = (i: ImportedScenario) => i.diagnostics.filter((d) => d.severity === 'error');
 * ```
 */
export interface ImportedScenario {
  doc: ScenarioDraft | null;
  diagnostics: Diagnostic[];
  source: string;
}

/**
 * Imports a scenario document from its text: read strictly (`parseJsonStrict`: repeated and
 * `__proto__` keys are errors with their line), then checked with core's checker. A broken
 * document still opens, with its diagnostics, as long as it is an object with a list of steps.
 *
 * @example
 * ```ts
 * import { importScenario } from '@zhizhi/designer/model';
 * const { doc, diagnostics } = importScenario(await file.text());
 * if (!doc) console.log(diagnostics.map((d) => d.message.zh));
 * ```
 */
export function importScenario(text: string): ImportedScenario {
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) {
    return { doc: null, source: text, diagnostics: parsed.diagnostics };
  }
  const value = parsed.value as { steps?: unknown } | null;
  const openable =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray(value.steps) &&
    value.steps.every(
      (s: unknown) =>
        typeof s === 'object' &&
        s !== null &&
        !Array.isArray(s) &&
        typeof (s as { id?: unknown }).id === 'string',
    );
  const diagnostics = checkDraft(value as ScenarioDraft).diagnostics;
  return { doc: openable ? (value as ScenarioDraft) : null, diagnostics, source: text };
}
