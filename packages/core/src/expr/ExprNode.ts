import type { ExprFunctionName } from './exprFunctions.js';

/**
 * The binary operators, as they appear in an AST (`&&`/`||` are parsed to `and`/`or`).
 *
 * @example
 * ```ts
 * import { binaryOperators } from '@zhizhi/core/expr';
 * binaryOperators.includes('not in'); // true
 * ```
 */
export const binaryOperators = [
  'or',
  'and',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not in',
  'contains',
  '+',
  '-',
  '*',
  '/',
  '%',
] as const;

/**
 * A binary operator of the expression language.
 *
 * @example
 * ```ts
 * import type { BinaryOperator } from '@zhizhi/core/expr';
 * const op: BinaryOperator = '>=';
 * ```
 */
export type BinaryOperator = (typeof binaryOperators)[number];

/**
 * A unary operator: boolean `not` (also written `!`) and arithmetic negation `-`.
 *
 * @example
 * ```ts
 * import type { UnaryOperator } from '@zhizhi/core/expr';
 * const op: UnaryOperator = 'not';
 * ```
 */
export type UnaryOperator = 'not' | '-';

/**
 * A literal value: a finite number, a string, a boolean or `null`.
 *
 * @example
 * ```ts
 * import type { LiteralNode } from '@zhizhi/core/expr';
 * const n: LiteralNode = { kind: 'literal', value: 120 };
 * ```
 */
export interface LiteralNode {
  kind: 'literal';
  value: string | number | boolean | null;
}

/**
 * An array literal such as `["leakage", "overTemperature"]`.
 *
 * @example
 * ```ts
 * import type { ArrayNode } from '@zhizhi/core/expr';
 * const a: ArrayNode = { kind: 'array', items: [{ kind: 'literal', value: 'fire' }] };
 * ```
 */
export interface ArrayNode {
  kind: 'array';
  items: ExprNode[];
}

/**
 * A field of the data, by name or dotted path: `household.floor` is
 * `{ kind: 'field', path: ['household', 'floor'] }`.
 *
 * @example
 * ```ts
 * import type { FieldNode } from '@zhizhi/core/expr';
 * const f: FieldNode = { kind: 'field', path: ['household', 'floor'] };
 * ```
 */
export interface FieldNode {
  kind: 'field';
  path: string[];
}

/**
 * A call of a whitelisted function (see {@link exprFunctions}).
 *
 * @example
 * ```ts
 * import type { CallNode } from '@zhizhi/core/expr';
 * const c: CallNode = { kind: 'call', name: 'minutesSince', args: [{ kind: 'field', path: ['alarmAt'] }] };
 * ```
 */
export interface CallNode {
  kind: 'call';
  name: ExprFunctionName;
  args: ExprNode[];
}

/**
 * A unary operation: `not answered`, `-x`.
 *
 * @example
 * ```ts
 * import type { UnaryNode } from '@zhizhi/core/expr';
 * const u: UnaryNode = { kind: 'unary', op: 'not', operand: { kind: 'field', path: ['answered'] } };
 * ```
 */
export interface UnaryNode {
  kind: 'unary';
  op: UnaryOperator;
  operand: ExprNode;
}

/**
 * A binary operation: boolean, comparison, membership or arithmetic.
 *
 * @example
 * ```ts
 * import type { BinaryNode } from '@zhizhi/core/expr';
 * const b: BinaryNode = {
 *   kind: 'binary',
 *   op: '>',
 *   left: { kind: 'field', path: ['heartRate'] },
 *   right: { kind: 'literal', value: 120 },
 * };
 * ```
 */
export interface BinaryNode {
  kind: 'binary';
  op: BinaryOperator;
  left: ExprNode;
  right: ExprNode;
}

/**
 * The AST of an expression: plain JSON, a union discriminated on `kind`. It carries no
 * source offsets, so printing and re-parsing an AST gives an equal AST.
 *
 * @example
 * ```ts
 * import { parseExpression, type ExprNode } from '@zhizhi/core/expr';
 * const r = parseExpression('heartRate > 120');
 * const ast: ExprNode | undefined = r.ok ? r.value : undefined;
 * ```
 */
export type ExprNode = LiteralNode | ArrayNode | FieldNode | CallNode | UnaryNode | BinaryNode;
