import type { Change } from '../history/Change.js';

/** A valid step layout: finite `x` and `y`, and perhaps `pinned` (a boolean), nothing else. */
const isPoint = (v: unknown) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as { x?: unknown; y?: unknown; pinned?: unknown };
  const keys = Object.keys(l);
  const pinned = keys.includes('pinned');
  return (
    keys.length === (pinned ? 3 : 2) &&
    Number.isFinite(l.x) &&
    Number.isFinite(l.y) &&
    (!pinned || typeof l.pinned === 'boolean')
  );
};

/**
 * Whether the checker must run again after these changes (an edit, an undo or a redo): not
 * when they only put steps at other positions (`steps.<i>.layout` set to a point, pinned or
 * not, or removed) —
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
