/**
 * The functions a condition may call: a fixed whitelist, each with its arity. Nothing else
 * is callable.
 *
 * - `minutesSince(t)`, `hoursSince(t)`, `daysSince(t)`: time elapsed from the `date` `t`
 *   (epoch milliseconds or an ISO-8601 string with an offset) to the evaluation's `now`.
 * - `length(x)`: the length of a string (in Unicode code points) or of an array.
 *
 * @example
 * ```ts
 * import { exprFunctions } from '@zhizhi/core/expr';
 * exprFunctions.minutesSince.arity; // 1
 * ```
 */
export const exprFunctions = {
  minutesSince: { arity: 1 },
  hoursSince: { arity: 1 },
  daysSince: { arity: 1 },
  length: { arity: 1 },
} as const;

/**
 * The name of a whitelisted function.
 *
 * @example
 * ```ts
 * import type { ExprFunctionName } from '@zhizhi/core/expr';
 * const f: ExprFunctionName = 'minutesSince';
 * ```
 */
export type ExprFunctionName = keyof typeof exprFunctions;
