import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Parsed } from '../diagnostics/Parsed.js';
import { dutyIssueDiagnostics } from './dutyCatalog.js';
import { type GridDutyList, gridDutyListSchema } from './gridDutyListSchema.js';

/**
 * Checks a grid duty list imported from JSON (a town's edited "6+1" list) against
 * {@link gridDutyListSchema}, and reports every problem as a {@link Diagnostic} with its path
 * and a message in zh-CN and English. Unknown properties are dropped; never throws.
 *
 * @example
 * ```ts
 * import { parseGridDutyList } from '@zhizhi/core/duty';
 * const r = parseGridDutyList({ id: 'l', name: { zh: '清单', en: 'List' }, duties: [] });
 * if (!r.ok) r.diagnostics[0]?.path; // ['duties']
 * ```
 */
export function parseGridDutyList(value: unknown): Parsed<GridDutyList> {
  const parsed = gridDutyListSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, diagnostics: dutyIssueDiagnostics(parsed.error) };
}
