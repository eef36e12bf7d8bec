/**
 * What every masked personal value becomes (a scenario's `pii` field, a reporter's name):
 * one fixed string, so that a reader sees that something is there, not what.
 *
 * @example
 * ```ts
 * import { PII_MASK } from '@zhizhi/core/privacy';
 * PII_MASK; // '***'
 * ```
 */
export const PII_MASK = '***';
