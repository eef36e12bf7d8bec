import type { Command } from '../commands/Command.js';
import type { Refusal } from '../commands/Refusal.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import type { Change } from './Change.js';

/**
 * One undo step: the command (the last one, for a group), its label, the drag or gesture
 * `group` it belongs to, and the changes it made, in order.
 *
 * @example
 * ```ts
 * import type { HistoryEntry } from '@zhizhi/designer/model';
 * const title = (e: HistoryEntry) => e.label.zh;
 * ```
 */
export interface HistoryEntry {
  command: Command;
  label: { zh: string; en: string };
  group?: string;
  changes: Change[];
}

/**
 * A scenario being edited: the document as it is now, the undo stack (`done`, oldest first)
 * and the redo stack (`undone`, the next redo last). Immutable: every edit returns a new draft,
 * sharing what did not change.
 *
 * @example
 * ```ts
 * import { createDraft } from '@zhizhi/designer/model';
 * // createDraft(doc).done.length → 0
 * ```
 */
export interface Draft {
  readonly doc: ScenarioDraft;
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
}

/**
 * What `execute` returns: the new draft, or the refusals (the draft unchanged).
 *
 * @example
 * ```ts
 * import type { ExecuteResult } from '@zhizhi/designer/model';
 * const why = (r: ExecuteResult) => (r.ok ? [] : r.refusals.map((x) => x.message.en));
 * ```
 */
export type ExecuteResult =
  | { ok: true; draft: Draft }
  | { ok: false; draft: Draft; refusals: Refusal[] };
