import * as z from 'zod/mini';
import { binaryOperators, type ExprNode } from './ExprNode.js';
import { exprFunctions } from './exprFunctions.js';
import { isFieldSegment } from './exprKeywords.js';
import { exprLimits } from './exprLimits.js';
import { isForbiddenName } from './forbiddenNames.js';
import { measureExprNode } from './measureExprNode.js';

const segment = z.string().check(
  z.refine((s: string) => !isForbiddenName(s), {
    error: 'forbidden name',
    params: { code: 'expr.forbiddenName' },
  }),
  z.refine(isFieldSegment, { error: 'not an identifier, or a reserved word' }),
);

const functionNames = Object.keys(exprFunctions) as (keyof typeof exprFunctions)[];

const node: z.ZodMiniType<ExprNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('literal'),
      value: z.union([
        z.string().check(z.maxLength(exprLimits.maxStringLength)),
        z.number(),
        z.boolean(),
        z.null(),
      ]),
    }),
    z.strictObject({ kind: z.literal('array'), items: z.array(node) }),
    z.strictObject({
      kind: z.literal('field'),
      path: z.array(segment).check(z.minLength(1), z.maxLength(exprLimits.maxPathLength)),
    }),
    z
      .strictObject({ kind: z.literal('call'), name: z.enum(functionNames), args: z.array(node) })
      .check(
        z.refine((c) => c.args.length === exprFunctions[c.name].arity, {
          error: 'wrong number of arguments',
          path: ['args'],
        }),
      ),
    z.strictObject({ kind: z.literal('unary'), op: z.enum(['not', '-']), operand: node }),
    z.strictObject({
      kind: z.literal('binary'),
      op: z.enum(binaryOperators),
      left: node,
      right: node,
    }),
  ]),
);

/**
 * zod/mini schema of an {@link ExprNode} imported from JSON. It rejects unknown kinds,
 * operators, functions and keys, a wrong number of arguments, non-finite numbers, path
 * segments that are not identifiers or are `__proto__`/`constructor`/`prototype`, and an
 * AST deeper or larger than {@link exprLimits} (checked iteratively first, so a deep or
 * cyclic value cannot overflow the stack). A valid AST prints to a source that parses back
 * to it.
 *
 * @example
 * ```ts
 * import { exprNodeSchema } from '@zhizhi/core/expr';
 * exprNodeSchema.safeParse({ kind: 'field', path: ['household', 'floor'] }).success; // true
 * exprNodeSchema.safeParse({ kind: 'field', path: ['__proto__'] }).success; // false
 * ```
 */
export const exprNodeSchema = z.pipe(
  z.unknown().check(
    z.superRefine((value, ctx) => {
      const size = measureExprNode(value);
      if (size === 'ok') return;
      const code = size === 'tooDeep' ? 'expr.tooDeep' : 'expr.tooLarge';
      const max = size === 'tooDeep' ? exprLimits.maxDepth : exprLimits.maxNodes;
      ctx.addIssue({
        code: 'custom',
        message: `${size === 'tooDeep' ? 'deeper' : 'larger'} than ${max}`,
        params: { code },
        input: value,
      });
    }),
  ),
  node,
);
