import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { ExprNode } from './ExprNode.js';
import { type ConditionResult, evaluateCondition } from './evaluateCondition.js';
import type { EvaluateOptions } from './evaluateExpression.js';
import type { FieldType } from './FieldType.js';
import { parseExpression } from './parseExpression.js';
import { typeCheckExpression } from './typeCheckExpression.js';

/**
 * A compiled condition: the frozen AST and an `evaluate` that interprets it. Nothing is
 * generated from the source; `evaluate` only reads `ast`.
 *
 * @example
 * ```ts
 * import { compileCondition, type Condition } from '@zhizhi/core/expr';
 * const r = compileCondition('level == 1');
 * const condition: Condition | undefined = r.ok ? r : undefined;
 * ```
 */
export interface Condition {
  readonly ast: ExprNode;
  evaluate(data: unknown, options?: EvaluateOptions): ConditionResult;
}

function deepFreeze(node: ExprNode): ExprNode {
  const stack: object[] = [node];
  while (stack.length > 0) {
    const value = stack.pop() as object;
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
    Object.freeze(value);
  }
  return node;
}

/**
 * The result of {@link compileCondition}: the {@link Condition} (with `ok: true`), or the
 * diagnostics.
 *
 * @example
 * ```ts
 * import { compileCondition, type CompileResult } from '@zhizhi/core/expr';
 * const r: CompileResult = compileCondition('not answered');
 * ```
 */
export type CompileResult =
  | ({ readonly ok: true } & Condition)
  | { readonly ok: false; diagnostics: Diagnostic[] };

/**
 * Parses a condition (and type-checks it when `fields` are given) and returns an object
 * that evaluates it as a condition ({@link evaluateCondition}): `{ ok, ast, evaluate(data) }`.
 * Never throws; a bad source gives the diagnostics of {@link parseExpression} or
 * {@link typeCheckExpression}.
 *
 * @example
 * ```ts
 * import { compileCondition } from '@zhizhi/core/expr';
 * const r = compileCondition('heartRate > 120 or heartRate < 40', { heartRate: 'number' });
 * if (r.ok) r.evaluate({ heartRate: 130 }); // { ok: true, value: true }
 * ```
 */
export function compileCondition(
  source: string,
  fields?: Record<string, FieldType>,
): CompileResult {
  const parsed = parseExpression(source);
  if (!parsed.ok) return parsed;
  if (fields !== undefined) {
    const diagnostics = typeCheckExpression(parsed.value, fields);
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  }
  const ast = deepFreeze(parsed.value);
  return Object.freeze({
    ok: true as const,
    ast,
    evaluate(data: unknown, options?: EvaluateOptions): ConditionResult {
      return evaluateCondition(ast, data, options);
    },
  });
}
