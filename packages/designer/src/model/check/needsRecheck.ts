import type { Change } from '../history/Change.js';

const isPoint = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  Object.keys(v).length === 2 &&
  Number.isFinite((v as { x?: unknown }).x) &&
  Number.isFinite((v as { y?: unknown }).y);

/**
 * Whether the checker must run again after these changes (an edit, an undo or a redo): not
 * when they only put steps at other positions (`steps.<i>.layout` set to a point, or removed) —
 * the checker's findings, paths included, cannot differ then, so a drag costs no re-check.
 *
 * @example
 * ```ts
 * import { needsRecheck } from '@zhizhi/designer/model';
 * const entry = draft.done.at(-1);
 * if (!entry || needsRecheck(entry.changes)) check = checkDraft(draft.doc);
 * ```
 */
export function needsRecheck(changes: readonly Change[]): boolean {
  return !changes.every(
    (c) =>
      c.op === 'set' &&
      c.path.length === 3 &&
      c.path[0] === 'steps' &&
      c.path[2] === 'layout' &&
      (c.before === undefined || isPoint(c.before)) &&
      (c.after === undefined || isPoint(c.after)),
  );
}
