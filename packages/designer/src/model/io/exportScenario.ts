import type { ScenarioDraft } from '../ScenarioDraft.js';
import { formatScenario } from './formatScenario.js';

const sameJson = (text: string, doc: ScenarioDraft): boolean => {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(doc);
  } catch {
    return false;
  }
};

/**
 * The text of the document to save or download. With the `source` it was imported from, a
 * document that is still the same (untouched, or edited and undone back) exports as exactly
 * that text, byte for byte; otherwise it is written by {@link formatScenario}.
 *
 * @example
 * ```ts
 * import { exportScenario, importScenario } from '@zhizhi/designer/model';
 * const imported = importScenario(text);
 * exportScenario(imported.doc!, { source: imported.source }) === text; // true
 * ```
 */
export function exportScenario(doc: ScenarioDraft, options: { source?: string } = {}): string {
  if (options.source !== undefined && sameJson(options.source, doc)) return options.source;
  return formatScenario(doc);
}
