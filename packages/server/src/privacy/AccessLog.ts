import { canonicalJson, GENESIS_HASH, type Role, sha256 } from '@zhizhi/core';

/**
 * One disclosure of personal data: who (member id and role, from the token and the org), when
 * (the server's clock), which record of which town, which fields, and why (the reason the
 * member gave, if any); chained per town by `prevHash` → `hash` (SHA-256 of the canonical
 * JSON of every other field), so an entry removed or changed later breaks the chain.
 */
export interface AccessEntry {
  seq: number;
  townId: string;
  at: number;
  actorId: string;
  role: Role;
  kind: 'case' | 'scenario';
  instanceId: string;
  fields: string[];
  reason: string | null;
  prevHash: string;
  hash: string;
}

/** What a caller gives to record a disclosure (the log numbers, chains and seals it). */
export type AccessInput = Omit<AccessEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * Where disclosures of personal data are recorded: on PostgreSQL/PGlite the `access_log`
 * table ({@link pgAccessLog}), else in memory ({@link memoryAccessLog}). `append` resolves
 * once the entry is durable; the server shows clear values only after that.
 */
export interface AccessLog {
  append(input: AccessInput): Promise<AccessEntry>;
  /** A town's entries in order (of one record if `instanceId` is given), at most `limit`. */
  list(townId: string, options?: { instanceId?: string; limit?: number }): Promise<AccessEntry[]>;
}

/** The entry after `prev` (or the town's first), numbered, chained and sealed. */
export function sealAccessEntry(input: AccessInput, prev: AccessEntry | undefined): AccessEntry {
  const unsealed = {
    ...input,
    seq: (prev?.seq ?? 0) + 1,
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: sha256(canonicalJson(unsealed)) };
}

/**
 * Whether consecutive entries of a town chain and hash as sealed (from the town's first entry
 * when the first given is seq 1, else from the given first's `prevHash`): `brokenAt` is the
 * 1-based position of the first entry that does not.
 *
 * @example
 * ```ts
 * import { verifyAccessLog } from '@zhizhi/server';
 * verifyAccessLog([]); // { ok: true, length: 0 }
 * ```
 */
export function verifyAccessLog(
  entries: readonly AccessEntry[],
): { ok: true; length: number } | { ok: false; length: number; brokenAt: number } {
  const first = entries[0];
  let prev: AccessEntry | undefined =
    first && first.seq > 1 ? { ...first, seq: first.seq - 1, hash: first.prevHash } : undefined;
  for (const [i, entry] of entries.entries()) {
    const { seq: _s, prevHash: _p, hash: _h, ...input } = entry;
    const expected = sealAccessEntry(input, prev);
    if (
      entry.seq !== expected.seq ||
      entry.prevHash !== expected.prevHash ||
      entry.hash !== expected.hash
    )
      return { ok: false, length: entries.length, brokenAt: i + 1 };
    prev = entry;
  }
  return { ok: true, length: entries.length };
}

/**
 * An access log in memory (for a server over a core `MemoryStore`: as durable as that store).
 *
 * @example
 * ```ts
 * import { memoryAccessLog } from '@zhizhi/server';
 * const log = memoryAccessLog();
 * ```
 */
export function memoryAccessLog(): AccessLog {
  const towns = new Map<string, AccessEntry[]>();
  return {
    async append(input) {
      const list = towns.get(input.townId) ?? [];
      const entry = sealAccessEntry(input, list.at(-1));
      list.push(entry);
      towns.set(input.townId, list);
      return entry;
    },
    async list(townId, options = {}) {
      return (towns.get(townId) ?? [])
        .filter((e) => options.instanceId === undefined || e.instanceId === options.instanceId)
        .slice(-(options.limit ?? 1000));
    },
  };
}
