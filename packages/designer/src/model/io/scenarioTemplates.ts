import { builtInScenarios } from '@zhizhi/core/sample';
import type { ScenarioDraft } from '../ScenarioDraft.js';

/**
 * The templates a new scenario can start from: the five built-in scenarios shipped by
 * `@zhizhi/core` (each a fresh copy to edit), with their names in zh-CN and English.
 *
 * @example
 * ```ts
 * import { scenarioTemplates } from '@zhizhi/designer/model';
 * scenarioTemplates().map((t) => t.name.zh); // ['电气火灾智防', '智能烟感火情处置', …]
 * ```
 */
export function scenarioTemplates(): {
  id: string;
  name: { zh: string; en: string };
  doc: ScenarioDraft;
}[] {
  return builtInScenarios.map((s) => ({
    id: s.id,
    name: { zh: s.name.zh, en: s.name.en },
    doc: structuredClone(s) as unknown as ScenarioDraft,
  }));
}
