import type { AuditEntry } from '../audit/auditEntry.js';
import { caseError } from '../errors/CaseError.js';
import { nextSlaTimer } from '../sla/slaTimer.js';
import type { CaseRecord, PersistedCase } from './caseRecord.js';
import type { Engine, EngineResult } from './Engine.js';
import { StoreConflict } from './Store.js';

/**
 * Loads a case exported by this runtime's own store (trusted: another process of the same
 * deployment, a store migration) without verifying its hash chain or replaying its trail —
 * only that record and trail agree at their head (version, last hash, last time, status).
 * For anything from outside (a backup, a file, a request), use `restoreCase`, which checks the
 * shape, the whole chain and replays every entry.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
 * import { loadCase } from '@zhizhi/core/persist';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const source = new Engine({ directory: new Directory(sampleOrg) });
 * const target = new Engine({ directory: new Directory(sampleOrg) });
 * const exported = await source.persist('river-1');
 * if (exported) await loadCase(target, exported);
 * ```
 */
export async function loadCase(engine: Engine, persisted: PersistedCase): Promise<EngineResult> {
  const { record, audit } = persisted;
  const last = audit[audit.length - 1] as AuditEntry | undefined;
  if (
    record?.kind !== 'case' ||
    !last ||
    record.version !== audit.length ||
    record.lastHash !== last.hash ||
    record.updatedAt !== last.at ||
    record.status !== last.to
  ) {
    const path = 'record';
    return {
      ok: false,
      error: caseError('restore.invalid', { path, rule: 'agrees with its trail' }, [path]),
    };
  }
  return importCase(engine, record, audit);
}

/**
 * Commits a case that was checked (trusted, or verified and replayed) into an Engine's store
 * with its trail, and its next SLA timer recomputed under this Engine's policy: the one way
 * `loadCase` and `restoreCase` write.
 *
 * @internal
 */
export async function importCase(
  engine: Engine,
  record: CaseRecord,
  audit: AuditEntry[],
): Promise<EngineResult> {
  const timer = nextSlaTimer(engine.slaPolicy, record.status, record.context);
  let seq: number;
  try {
    seq = await engine.store.commit({
      record,
      expectedVersion: 0,
      entries: audit,
      timers: timer ? [timer] : [],
      notifications: [],
    });
  } catch (error) {
    if (!(error instanceof StoreConflict)) throw error;
    return { ok: false, error: caseError('case.exists', { caseId: record.id }) };
  }
  return { ok: true, record, entry: audit.at(-1) as AuditEntry, notifications: [], seq };
}
