/**
 * The limits of the expression language. A source longer than `maxSourceLength` UTF-16
 * code units, an AST deeper than `maxDepth` (parentheses count as a level while parsing)
 * or with more than `maxNodes` nodes is refused with a diagnostic. One evaluation may take
 * at most `maxSteps` steps (a node visited, an array element compared, a value walked by
 * `==`), so a huge data document cannot make it hang. `maxPathLength` caps the segments of
 * a dotted path and `maxStringLength` the length of a string literal in an imported AST.
 *
 * @example
 * ```ts
 * import { exprLimits } from '@zhizhi/core/expr';
 * exprLimits.maxSourceLength; // 2000
 * ```
 */
export const exprLimits = {
  maxSourceLength: 2000,
  maxDepth: 32,
  maxNodes: 256,
  maxPathLength: 32,
  maxStringLength: 2000,
  maxSteps: 1_000_000,
} as const;
