import { useCallback, useRef, useState } from 'react';
import {
  type Command,
  createDraft,
  type Draft,
  executeAll,
  type HistoryEntry,
  needsRecheck,
  type Refusal,
  redo as redoDraft,
  type ScenarioDraft,
  undo as undoDraft,
} from '../model/index.js';

/**
 * What {@link useDesignerDraft} gives the canvas and the panels.
 *
 * @example
 * ```ts
 * import type { DesignerDraft } from '@zhizhi/designer';
 * const canUndo = (d: DesignerDraft) => d.draft.done.length > 0;
 * ```
 */
export interface DesignerDraft {
  draft: Draft;
  /** True when the last edit, undo or redo only moved steps (the checker's findings stand). */
  layoutOnly: boolean;
  /** Does the commands as one gesture (all or none); returns the refusals (empty when done). */
  run(commands: readonly Command[], group?: string): Refusal[];
  undo(): void;
  redo(): void;
}

/**
 * The draft behind a controlled `<ScenarioDesigner value onChange>`: every edit goes through
 * the model's `execute` (one undo stack), and `onChange` hears the new document and draft.
 * A `value` that is not the document this hook last reported starts a new history.
 *
 * @example
 * ```tsx
 * import { useDesignerDraft } from '@zhizhi/designer';
 * function Editor({ doc, setDoc }) {
 *   const { run, undo } = useDesignerDraft(doc, (next) => setDoc(next));
 *   return <button onClick={undo}>撤销</button>;
 * }
 * ```
 */
export function useDesignerDraft(
  value: ScenarioDraft,
  onChange?: (doc: ScenarioDraft, draft: Draft) => void,
  initial?: Draft,
): DesignerDraft {
  const [state, setState] = useState(() => ({
    draft: initial && initial.doc === value ? initial : createDraft(value),
    layoutOnly: false,
  }));
  const ref = useRef(state.draft);
  const reported = useRef(value);
  let current = state;
  if (value !== state.draft.doc && value !== reported.current) {
    current = { draft: createDraft(value), layoutOnly: false };
    reported.current = value;
    ref.current = current.draft;
    setState(current);
  }
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const commit = useCallback((next: Draft, changed: HistoryEntry | undefined) => {
    if (next === ref.current) return;
    ref.current = next;
    reported.current = next.doc;
    setState({ draft: next, layoutOnly: changed !== undefined && !needsRecheck(changed.changes) });
    changeRef.current?.(next.doc, next);
  }, []);
  const run = useCallback(
    (commands: readonly Command[], group?: string) => {
      // one gesture, one undo step, all or none: the model's executeAll
      const r = executeAll(ref.current, commands, group === undefined ? {} : { group });
      if (!r.ok) return r.refusals;
      commit(r.draft, r.draft.done[r.draft.done.length - 1]);
      return [];
    },
    [commit],
  );
  const undo = useCallback(() => {
    const d = ref.current;
    commit(undoDraft(d), d.done[d.done.length - 1]);
  }, [commit]);
  const redo = useCallback(() => {
    const d = ref.current;
    commit(redoDraft(d), d.undone[d.undone.length - 1]);
  }, [commit]);
  return { draft: current.draft, layoutOnly: current.layoutOnly, run, undo, redo };
}
