import type { AuditEntry } from './auditEntry.js';
import { GENESIS_HASH } from './auditEntry.js';
import { sha256 } from './sha256.js';

/**
 * JSON with object keys sorted at every depth, so that equal data always hashes equally.
 *
 * @example
 * ```ts
 * import { canonicalJson } from '@zhizhi/core';
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The hash of an entry: SHA-256 over its fields in a fixed order, chained to `prevHash`.
 *
 * @example
 * ```ts
 * import { hashAuditEntry, GENESIS_HASH } from '@zhizhi/core';
 * hashAuditEntry({ seq: 1, at: 0, actorId: 'w1', role: 'gridWorker', event: 'REPORT', from: null,
 *   to: 'intake', note: null, data: null, prevHash: GENESIS_HASH }).length; // 64
 * ```
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const data = entry.data === null ? 'null' : canonicalJson(entry.data);
  return sha256(
    `${entry.prevHash}|${entry.seq}|${entry.at}|${JSON.stringify(entry.actorId)}|${entry.role}|${entry.event}|${entry.from}|${entry.to}|${JSON.stringify(entry.note)}|${data}`,
  );
}

/**
 * Seals a new entry onto a chain: sets `seq`, `prevHash` and `hash` from the previous entry.
 *
 * @example
 * ```ts
 * import { sealAuditEntry } from '@zhizhi/core';
 * const first = sealAuditEntry(undefined, { at: 0, actorId: 'w1', role: 'gridWorker', event: 'REPORT',
 *   from: null, to: 'intake', note: null, data: null });
 * first.seq; // 1
 * ```
 */
export function sealAuditEntry(
  previous: AuditEntry | undefined,
  entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>,
): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const { at, actorId, role, event, from, to, note, data } = entry;
  const hash = hashAuditEntry({ seq, at, actorId, role, event, from, to, note, data, prevHash });
  // A literal, not `{ ...unsealed, hash }`: a spread plus one more key costs ~4x the memory in
  // V8, and every resident case keeps its whole trail.
  return { seq, at, actorId, role, event, from, to, note, data, prevHash, hash };
}

/**
 * The result of {@link verifyAuditChain}: `ok`, or the first entry (1-based `seq`) that does
 * not match.
 *
 * @example
 * ```ts
 * import type { ChainVerdict } from '@zhizhi/core';
 * const show = (v: ChainVerdict) => (v.ok ? 'intact' : `broken at ${v.brokenAt}`);
 * ```
 */
export type ChainVerdict = { ok: true; length: number } | { ok: false; brokenAt: number };

/**
 * Recomputes a trail's hash chain: every entry numbered in order, linked to the one before,
 * and hashing to what it claims. Any edit, insertion, removal or reordering breaks it.
 *
 * @example
 * ```ts
 * import { verifyAuditChain } from '@zhizhi/core';
 * verifyAuditChain([]); // { ok: true, length: 0 }
 * ```
 */
export function verifyAuditChain(trail: readonly AuditEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < trail.length; i++) {
    const e = trail[i] as AuditEntry;
    if (e.seq !== i + 1 || e.prevHash !== prev || hashAuditEntry(e) !== e.hash) {
      return { ok: false, brokenAt: i + 1 };
    }
    prev = e.hash;
  }
  return { ok: true, length: trail.length };
}
