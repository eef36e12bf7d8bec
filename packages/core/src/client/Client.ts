import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseEventType } from '../case/caseEventSchemas.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { CheckInQuery, CheckInRecord } from '../duty/CheckInRecord.js';
import type { CaseRecord, DefinitionRecord, ScenarioRecord } from '../engine/caseRecord.js';
import type { CaseQuery, Page } from '../engine/Store.js';
import type { ZhizhiError } from '../errors/ZhizhiError.js';
import type { Kpis } from '../kpi/computeKpis.js';
import type { KpiQuery } from '../kpi/readKpis.js';
import type { Change, ChangeFilter } from '../runtime/Change.js';
import type { RuntimeResult, Subscription } from '../runtime/Runtime.js';

/**
 * One event a member may send to a case now, with the JSON Schema of its payload (forms are
 * built from it).
 *
 * @example
 * ```ts
 * import type { CaseAction } from '@zhizhi/core/client';
 * const label = (a: CaseAction) => a.type;
 * ```
 */
export interface CaseAction {
  type: CaseEventType;
  schema: Record<string, unknown>;
}

/**
 * What deploying a scenario definition returns: the stored definition (`created: false` when
 * the same version was already deployed with the same content), or the checker's diagnostics.
 *
 * @example
 * ```ts
 * import type { DeployResult } from '@zhizhi/core/client';
 * const ok = (r: DeployResult) => (r.ok ? `${r.definition.id}@${r.definition.version}` : r.diagnostics.length);
 * ```
 */
export type DeployResult =
  | { ok: true; definition: DefinitionRecord; created: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * What a batch of sensor readings returns: how many were accepted by the alert normaliser, the
 * instances their alerts started or moved, and the readings refused (by index, with the reason).
 *
 * @example
 * ```ts
 * import type { ReadingsResult } from '@zhizhi/core/client';
 * const started = (r: ReadingsResult) => r.results.filter((x) => x.ok).length;
 * ```
 */
export interface ReadingsResult {
  accepted: number;
  refused: { index: number; code: string; message: { zh: string; en: string } }[];
  results: RuntimeResult<ScenarioRecord>[];
}

/**
 * What a check-in returns: the stored record (`created: false` when the same check-in — same
 * worker, duty, kind, time and household or place — was already stored, e.g. a retry), or why
 * it was refused.
 *
 * @example
 * ```ts
 * import type { CheckInResult } from '@zhizhi/core/client';
 * const text = (r: CheckInResult) => (r.ok ? r.record.id : r.error.message.en);
 * ```
 */
export type CheckInResult =
  | { ok: true; record: CheckInRecord; created: boolean }
  | { ok: false; error: ZhizhiError };

/**
 * The one client contract of zhizhi: commands in, reads out, and the change feed. `LocalClient`
 * runs the runtime in the page or process; `HttpClient` (`@zhizhi/client`) talks to the
 * server; both pass the same conformance suite (`@zhizhi/core/testing`). Every command names
 * its member in `by` (`reporterId` for a report); a server refuses a `by` that is not the
 * caller. Results never throw for bad input: they carry a {@link ZhizhiError}.
 *
 * @example
 * ```ts
 * import type { Client } from '@zhizhi/core/client';
 * async function acceptAll(client: Client, townId: string) {
 *   const page = await client.listCases({ townId, status: 'intake' });
 *   for (const c of page.items) await client.send(c.id, { type: 'ACCEPT', by: 'qj-sj-duty' }, { expectedVersion: c.version });
 * }
 * ```
 */
export interface Client {
  /** Opens a case. The same `idempotencyKey` from the same reporter opens it once. */
  report(input: unknown, options?: { idempotencyKey?: string }): Promise<RuntimeResult<CaseRecord>>;
  /** Sends an event to a case; `expectedVersion` refuses it if the case moved meanwhile. */
  send(
    caseId: string,
    command: unknown,
    options?: { expectedVersion?: number },
  ): Promise<RuntimeResult<CaseRecord>>;
  /** Starts a scenario instance. */
  start(input: unknown): Promise<RuntimeResult<ScenarioRecord>>;
  /** Sends a task completion, check-in, signal or event to a scenario instance. */
  command(
    instanceId: string,
    command: unknown,
    options?: { expectedVersion?: number },
  ): Promise<RuntimeResult<ScenarioRecord>>;
  /** Sensor readings, as the sensor member `by`: normalised into alerts that start scenarios. */
  readings(by: string, readings: unknown[]): Promise<ReadingsResult>;
  /** Checks and stores a scenario definition (a new version leaves running instances on theirs). */
  deploy(doc: unknown, by: string): Promise<DeployResult>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  getInstance(id: string): Promise<ScenarioRecord | undefined>;
  /** The audit trail of a case or instance, oldest first. */
  audit(id: string): Promise<AuditEntry[]>;
  /** Cases in creation order, a page at a time (pass the page's `cursor` for the next). */
  listCases(query?: Omit<CaseQuery, 'kind'>): Promise<Page<CaseRecord>>;
  /** Scenario instances in creation order, a page at a time. */
  listInstances(query?: Omit<CaseQuery, 'kind'>): Promise<Page<ScenarioRecord>>;
  /** The events `memberId` may send to the case now, each with its payload schema. */
  actions(caseId: string, memberId: string): Promise<CaseAction[]>;
  /** Every deployed definition, in deployment order. */
  definitions(): Promise<DefinitionRecord[]>;
  /** One definition (`version` omitted: the latest). */
  definition(id: string, version?: string): Promise<DefinitionRecord | undefined>;
  /** Committed changes after `seq`, in commit order. */
  changesSince(seq: number, filter?: ChangeFilter, limit?: number): Promise<Change[]>;
  /** Follows the feed from `since` (default: now); each change once, in order. */
  subscribe(
    listener: (change: Change) => void,
    options?: { since?: number; filter?: ChangeFilter },
  ): Promise<Subscription>;
  // ── KPIs ──
  /**
   * KPIs (`@zhizhi/core/kpi`) over the cases of `query` the caller may see: a town, a section,
   * the period reported in. `LocalClient` and the server compute them with the same `readKpis`.
   */
  kpis(query: KpiQuery): Promise<Kpis>;
  // ── check-ins (打卡) ──────────────────────────────────────────────────────────────────
  /**
   * Stores a check-in by the grid-crew member `by` (a server takes `by` from the token, never
   * from the input), checked by `checkInInputSchema` of `@zhizhi/core/duty`. Check-ins are not
   * in the change feed: read them again with {@link Client.listCheckIns}.
   */
  checkIn(by: string, input: unknown): Promise<CheckInResult>;
  /** Stored check-ins in the order stored, a page at a time (a server limits them to the caller's scope). */
  listCheckIns(query?: CheckInQuery): Promise<Page<CheckInRecord>>;
  // ── end of check-ins ───────────────────────────────────────────────────────────────────
  /** Releases what the client holds (streams, timers). */
  close(): Promise<void>;
}

export type { ZhizhiError };
