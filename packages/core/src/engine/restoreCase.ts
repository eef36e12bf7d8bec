import { caseError } from '../errors/CaseError.js';
import type { Engine, EngineResult } from './Engine.js';
import { importCase } from './loadCase.js';
import { replayCaseTrail, sameContext } from './replayCaseTrail.js';
import { restorePersistedCase } from './restorePersistedCase.js';

/**
 * Imports a persisted case (from `engine.persist`, another Engine or a backup) into an Engine's
 * store after checking it: shape (with the failing JSON path), statuses, the hash chain, and
 * that record and trail agree — the trail is replayed through the case machine and must give
 * exactly the record's status and context (so an edited context is refused). The record's times
 * follow from the trail: `updatedAt` must be the last entry's `at` (`restore.invalid` at
 * `record.updatedAt` otherwise), the entries must be in time order, and `slaDueAt` and the timers
 * are recomputed from the case under this Engine's SLA policy, not trusted from the input.
 * Refuses an id that already exists with `case.exists`. Lives in `@zhizhi/core/persist`, not the
 * main entry: import and backup tooling need it, widgets do not.
 *
 * @example
 * ```ts
 * import type { Engine } from '@zhizhi/core/runtime';
 * import { restoreCase } from '@zhizhi/core/persist';
 * declare const engineA: Engine; // the source, and an Engine with the same org and SLA policy
 * declare const engineB: Engine;
 * const saved = JSON.stringify(await engineA.persist('river-1'));
 * const result = await restoreCase(engineB, JSON.parse(saved));
 * result.ok && result.record.status; // the case's status, replayed from its trail
 * ```
 */
export async function restoreCase(engine: Engine, input: unknown): Promise<EngineResult> {
  const checked = restorePersistedCase(input, engine.slaPolicy);
  if (!checked.ok) return checked;
  const { audit } = checked.value;
  const replay = replayCaseTrail(
    engine.directory,
    engine.slaPolicy,
    checked.value.record.id,
    audit,
  );
  if (!replay.ok) return replay;
  if (
    replay.status !== checked.value.record.status ||
    !sameContext(replay.context, checked.value.record.context)
  ) {
    return {
      ok: false,
      error: caseError(
        'restore.invalid',
        { path: 'record.context', rule: 'equals the replayed trail' },
        ['record', 'context'],
      ),
    };
  }
  const record = { ...checked.value.record, context: replay.context };
  return importCase(engine, record, audit);
}
