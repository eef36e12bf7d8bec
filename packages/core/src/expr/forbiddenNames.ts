/**
 * Names that are never read from data and never accepted as a field or path segment,
 * because they reach the JavaScript prototype chain.
 *
 * @example
 * ```ts
 * import { forbiddenNames } from '@zhizhi/core/expr';
 * forbiddenNames.includes('__proto__'); // true
 * ```
 */
export const forbiddenNames = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Whether `name` is one of the {@link forbiddenNames}.
 *
 * @example
 * ```ts
 * import { isForbiddenName } from '@zhizhi/core/expr';
 * isForbiddenName('constructor'); // true
 * isForbiddenName('floor'); // false
 * ```
 */
export function isForbiddenName(name: string): boolean {
  return name === '__proto__' || name === 'constructor' || name === 'prototype';
}
