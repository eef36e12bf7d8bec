/**
 * The hash that starts every case's chain (the `prevHash` of entry 1).
 *
 * @example
 * ```ts
 * import { GENESIS_HASH } from '@zhizhi/core';
 * GENESIS_HASH.length; // 64
 * ```
 */
export const GENESIS_HASH = '0'.repeat(64);

export type { AuditEntry } from './auditEntrySchema.js';
