import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

type Path = (string | number)[];

/**
 * Checks that every field a document names is declared in its `fields`: a task's or campaign
 * task's `form`, a notify step's `fields`, a sensor trigger's `fields[].field` and a report
 * trigger's `fields`. Reports `scenario.unknownField` at each unknown name. (Fields named in
 * conditions are checked with the condition, see {@link checkConditions}.)
 *
 * @internal
 * @example
 * ```ts
 * import { checkFieldRefs } from './checkFieldRefs.js';
 * import { createCheckContext } from './checkContext.js';
 * // a task with form: ['heartRate'] and no field heartRate
 * // checkFieldRefs(createCheckContext(doc))[0]?.path; // ['steps', 2, 'form', 0]
 * ```
 */
export function checkFieldRefs(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let suggest: ((name: string) => string | undefined) | undefined;
  const unknown = (field: string, path: Path) => {
    suggest ??= closestName(ctx.fields.keys());
    out.push(
      scenarioDiagnostic('scenario.unknownField', path, { field, ...didYouMean(suggest(field)) }),
    );
  };
  const check = (names: readonly string[] | undefined, at: Path) => {
    names?.forEach((field, j) => {
      if (!ctx.fields.has(field)) unknown(field, [...at, j]);
    });
  };
  ctx.doc.triggers.forEach((t, i) => {
    if (t.kind === 'report') check(t.fields, ['triggers', i, 'fields']);
    if (t.kind === 'sensor') {
      t.fields?.forEach((f, j) => {
        if (!ctx.fields.has(f.field)) unknown(f.field, ['triggers', i, 'fields', j, 'field']);
      });
    }
  });
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.broken[i]) return;
    if (step.kind === 'task') check(step.form, ['steps', i, 'form']);
    if (step.kind === 'campaign') check(step.task.form, ['steps', i, 'task', 'form']);
    if (step.kind === 'notify') check(step.fields, ['steps', i, 'fields']);
  });
  return out;
}
