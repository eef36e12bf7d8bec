import type { Directory, Org } from '@zhizhi/core';
import { useEffect, useReducer, useRef } from 'react';
import { checkDraft, type DraftCheck } from '../model/check/checkDraft.js';
import type { ScenarioDraft } from '../model/ScenarioDraft.js';
import {
  type Checker,
  type CheckResult,
  createChecker,
  WORKER_CHECK_STEPS,
} from './createChecker.js';

/**
 * What {@link useDraftCheck} gives the designer.
 *
 * @example
 * ```ts
 * import type { DesignerCheck } from '@zhizhi/designer';
 * const blocked = (c: DesignerCheck) => c.checking || !c.check.exportable;
 * ```
 */
export interface DesignerCheck {
  /** The findings shown: of the current document, or while `checking`, of the one before (or none). */
  check: DraftCheck;
  /** True while the current document is being checked in the worker. */
  checking: boolean;
  /** Where the findings shown were made. */
  where: CheckResult['where'];
}

/** The findings of a document not checked yet: none known, not exportable. */
const unknown: DraftCheck = { diagnostics: [], errors: [], warnings: [], exportable: false };

interface Target {
  doc: ScenarioDraft;
  org: Org | undefined;
}

/**
 * The checker on every edit, as `<ScenarioDesigner>` runs it: a document under
 * {@link WORKER_CHECK_STEPS} steps is checked during render, as before; a larger one is checked
 * by {@link createChecker} in a Web Worker (on the main thread, after the render, where there
 * is none), `checking` being true until the answer for the latest revision arrives. Meanwhile
 * the findings shown are those of the same scenario before the edit, or none (not exportable)
 * for a document just opened. An edit that only moved steps (`layoutOnly`) is not re-checked.
 *
 * @example
 * ```tsx
 * import { useDraftCheck } from '@zhizhi/designer';
 * function Badge({ doc, layoutOnly }) {
 *   const { check, checking } = useDraftCheck(doc, undefined, undefined, layoutOnly);
 *   return <span>{checking ? '…' : check.errors.length}</span>;
 * }
 * ```
 */
export function useDraftCheck(
  doc: ScenarioDraft,
  org: Org | undefined,
  directory: Directory | undefined,
  layoutOnly: boolean,
  minSteps = WORKER_CHECK_STEPS,
): DesignerCheck {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // the document whose findings stand for `doc`: itself, or after moves only, an earlier one
  const seen = useRef<ScenarioDraft | null>(null);
  const target = useRef<Target | null>(null);
  const shown = useRef<{ target: Target; check: DraftCheck; where: CheckResult['where'] } | null>(
    null,
  );
  if (seen.current !== doc || target.current?.org !== org) {
    const keep = target.current && target.current.org === org && layoutOnly;
    if (!keep) target.current = { doc, org };
    seen.current = doc;
  }
  const t = target.current as Target;
  const requested = useRef<Target | null>(null);
  const checker = useRef<Checker | null>(null);
  let prev = shown.current;
  if (prev?.target !== t && t.doc.steps.length < minSteps) {
    prev = { target: t, check: checkDraft(t.doc, directory), where: 'main' };
    shown.current = prev;
  }
  const checking = prev?.target !== t;
  // while checking: the findings of the same scenario before the edit, never another's
  const stale = prev && prev.target.doc.id === t.doc.id ? prev : null;
  useEffect(() => {
    if (!checking) return;
    if (!checker.current) {
      checker.current = createChecker({
        minSteps,
        onResult: (r) => {
          if (!requested.current) return;
          shown.current = { target: requested.current, check: r.check, where: r.where };
          rerender();
        },
      });
    }
    requested.current = t;
    checker.current.update(t.doc, t.org);
  }, [t, checking, minSteps]);
  useEffect(
    () => () => {
      checker.current?.destroy();
      checker.current = null;
    },
    [],
  );
  return stale
    ? { check: stale.check, checking, where: stale.where }
    : { check: unknown, checking, where: 'worker' };
}
