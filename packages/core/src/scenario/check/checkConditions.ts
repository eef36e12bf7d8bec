import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { FieldType } from '../../expr/FieldType.js';
import { parseExpression } from '../../expr/parseExpression.js';
import { typeCheckExpression } from '../../expr/typeCheckExpression.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/** Quoted in messages: long conditions are cut, so that a message stays readable. */
function excerpt(source: string): string {
  if (source.length <= 80) return source;
  let out = '';
  let count = 0;
  for (const ch of source) {
    if (++count > 79) break;
    out += ch;
  }
  return `${out}…`;
}

function messages(diagnostics: readonly Diagnostic[]): { detail: string; detailZh: string } {
  return {
    detail: diagnostics.map((d) => d.message.en).join('; '),
    detailZh: diagnostics.map((d) => d.message.zh).join('；'),
  };
}

/**
 * The declared type of each scenario field, as {@link typeCheckExpression} wants it (a record
 * without a prototype, so a field named like an `Object.prototype` member is just a field).
 *
 * @internal
 * @example
 * ```ts
 * import { conditionFieldTypes } from './checkConditions.js';
 * conditionFieldTypes([{ id: 'age', type: 'number' }]).age; // 'number'
 * ```
 */
export function conditionFieldTypes(
  fields: readonly { id: string; type: FieldType }[],
): Record<string, FieldType> {
  const types: Record<string, FieldType> = Object.create(null);
  for (const f of fields) if (!Object.hasOwn(types, f.id)) types[f.id] = f.type;
  return types;
}

/**
 * Checks the `when` of every decision branch: it must parse (`scenario.conditionSyntax`,
 * carrying the expression language's messages) and be a well-typed boolean over the declared
 * fields (`scenario.conditionType`: an unknown field, an operator on the wrong types, or a
 * result that is not a boolean). Deciding on a personal-data field is allowed: a decision reads
 * the value, it does not show it to anyone.
 *
 * @internal
 * @example
 * ```ts
 * import { checkConditions } from './checkConditions.js';
 * import { createCheckContext } from './checkContext.js';
 * // a branch { when: 'heartRate > "high"', to: 'alarm' } with heartRate a number
 * // checkConditions(createCheckContext(doc))[0]?.code; // 'scenario.conditionType'
 * ```
 */
export function checkConditions(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  let types: Record<string, FieldType> | undefined;
  ctx.doc.steps.forEach((step, i) => {
    if (step.kind !== 'decision' || ctx.broken[i]) return;
    step.branches.forEach((b, j) => {
      const path = ['steps', i, 'branches', j, 'when'];
      const parsed = parseExpression(b.when);
      if (!parsed.ok) {
        out.push(
          scenarioDiagnostic('scenario.conditionSyntax', path, {
            when: excerpt(b.when),
            ...messages(parsed.diagnostics),
          }),
        );
        return;
      }
      types ??= conditionFieldTypes(ctx.doc.fields);
      const problems = typeCheckExpression(parsed.value, types);
      if (problems.length > 0) {
        out.push(
          scenarioDiagnostic('scenario.conditionType', path, {
            when: excerpt(b.when),
            ...messages(problems),
          }),
        );
      }
    });
  });
  return out;
}
