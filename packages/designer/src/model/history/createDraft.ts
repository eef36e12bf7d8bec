import type { ScenarioDraft } from '../ScenarioDraft.js';
import type { Draft } from './Draft.js';

/**
 * Starts editing a document, with an empty history.
 *
 * @example
 * ```ts
 * import { createDraft } from '@zhizhi/designer/model';
 * import smokeAlarm from '@zhizhi/core/scenarios/smoke-alarm.json' with { type: 'json' };
 * const draft = createDraft(smokeAlarm as never);
 * draft.done.length; // 0
 * ```
 */
export function createDraft(doc: ScenarioDraft): Draft {
  return { doc, done: [], undone: [] };
}
