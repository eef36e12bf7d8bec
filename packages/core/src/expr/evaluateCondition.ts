import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { ExprNode } from './ExprNode.js';
import { type EvaluateOptions, evaluateExpression } from './evaluateExpression.js';
import { exprDiagnostic } from './exprCatalog.js';
import { printExpression } from './printExpression.js';

/**
 * The result of {@link evaluateCondition}: a boolean, or one diagnostic.
 *
 * @example
 * ```ts
 * import type { ConditionResult } from '@zhizhi/core/expr';
 * const passed = (r: ConditionResult) => r.ok && r.value;
 * ```
 */
export type ConditionResult = { ok: true; value: boolean } | { ok: false; error: Diagnostic };

/**
 * Evaluates an AST as a condition (a guard, a decision branch): like
 * {@link evaluateExpression}, but the result must be a boolean; `null` (e.g. a missing
 * boolean field) counts as `false`, any other value is an `expr.notBoolean` error.
 *
 * @example
 * ```ts
 * import { evaluateCondition, parseExpression } from '@zhizhi/core/expr';
 * const r = parseExpression('answered');
 * if (r.ok) evaluateCondition(r.value, {}); // { ok: true, value: false }
 * ```
 */
export function evaluateCondition(
  ast: ExprNode,
  data: unknown,
  options: EvaluateOptions = {},
): ConditionResult {
  const result = evaluateExpression(ast, data, options);
  if (!result.ok) return result;
  const value = result.value;
  if (value === true || value === false) return { ok: true, value };
  if (value === null) return { ok: true, value: false };
  const type = Array.isArray(value) ? 'array' : typeof value;
  return {
    ok: false,
    error: exprDiagnostic('expr.notBoolean', { expr: printExpression(ast), type }),
  };
}
