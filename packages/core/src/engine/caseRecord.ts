import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseContext } from '../case/caseContext.js';
import type { NotificationIntent } from '../case/caseNotifications.js';
import type { CaseStatus } from '../case/caseStatus.js';
import type { Handoff } from '../runtime/Handoff.js';
import type { ScenarioContext } from '../scenario/run/scenarioContext.js';
import type { Timer } from './Timer.js';

/**
 * One case as the store keeps it: a plain row, not a live actor. `version` counts the applied
 * events (the report is version 1); `lastHash` is the head of its audit chain; `slaDueAt` is
 * when its running SLA clock falls due (for "overdue" queries).
 *
 * @example
 * ```ts
 * import type { CaseRecord } from '@zhizhi/core';
 * const isOpen = (r: CaseRecord) => r.status !== 'closed';
 * ```
 */
export interface CaseRecord {
  readonly kind: 'case';
  readonly id: string;
  readonly townId: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly context: CaseContext;
  readonly slaDueAt: number | null;
  readonly lastHash: string;
  readonly updatedAt: number;
}

/**
 * One running (or finished) scenario instance as the store keeps it, beside cases: `status` is
 * the machine's state value as a string (JSON for parallel states), `slaDueAt` its earliest
 * running timer, `scenario` the document it runs.
 *
 * @example
 * ```ts
 * import type { ScenarioRecord } from '@zhizhi/core';
 * const done = (r: ScenarioRecord) => r.context.outcome !== null;
 * ```
 */
export interface ScenarioRecord {
  readonly kind: 'scenario';
  readonly id: string;
  readonly townId: string;
  readonly scenario: { readonly id: string; readonly version: string };
  readonly status: string;
  readonly version: number;
  readonly context: ScenarioContext;
  readonly slaDueAt: number | null;
  readonly lastHash: string;
  readonly updatedAt: number;
}

/**
 * Anything a `Store` (`@zhizhi/core/runtime`) keeps: a case or a scenario instance.
 *
 * @example
 * ```ts
 * import type { InstanceRecord } from '@zhizhi/core';
 * const isCase = (r: InstanceRecord) => r.kind === 'case';
 * ```
 */
export type InstanceRecord = CaseRecord | ScenarioRecord;

/**
 * An outbound notification in the outbox, written in the same commit as the transition that
 * caused it, for a server to deliver later.
 *
 * @example
 * ```ts
 * import type { Notification } from '@zhizhi/core';
 * const pending = (n: Notification) => n.deliveredAt === null;
 * ```
 */
export interface Notification extends Omit<NotificationIntent, 'topic'> {
  /** The event that caused it (a case event, `REPORT`, or a scenario step action such as `zz.notify`). */
  topic: string;
  /** Channels asked for by a scenario step; cases leave delivery channels to the server. */
  channels?: string[];
  /** Field values a scenario step chose to send (already filtered by the scenario's pii rule). */
  fields?: Record<string, unknown>;
  id: string;
  caseId: string;
  townId: string;
  /** The audit entry that caused it. */
  seq: number;
  at: number;
  title: string;
  deliveredAt: number | null;
}

/**
 * One atomic write: the new record (whose version must follow `expectedVersion`; 0 creates),
 * the audit entries to append, the instance's complete set of timers (replacing the old set),
 * the notifications and hand-offs to add to the outbox, and the hand-off this commit carries
 * out (`delivers`: the store refuses the commit if that hand-off was already delivered).
 *
 * @example
 * ```ts
 * import type { Commit } from '@zhizhi/core';
 * const isCreate = (c: Commit) => c.expectedVersion === 0;
 * ```
 */
export interface Commit {
  record: InstanceRecord;
  expectedVersion: number;
  entries: AuditEntry[];
  timers: Timer[];
  notifications: Notification[];
  handoffs?: Handoff[];
  delivers?: string;
}

/**
 * A deployed scenario definition as the store keeps it: the document (plain JSON, checked
 * before it was stored) under its id and version, and when and by whom it was deployed.
 * Deploying v2 leaves instances running on v1 on v1.
 *
 * @example
 * ```ts
 * import type { DefinitionRecord } from '@zhizhi/core';
 * const key = (d: DefinitionRecord) => `${d.id}@${d.version}`;
 * ```
 */
export interface DefinitionRecord {
  id: string;
  version: string;
  doc: unknown;
  deployedAt: number;
  deployedBy: string;
}

/**
 * A case exported with everything needed to resume it elsewhere: its record, its full audit
 * trail and its timers. Plain JSON.
 *
 * @example
 * ```ts
 * import type { PersistedCase } from '@zhizhi/core';
 * const json = (p: PersistedCase) => JSON.stringify(p);
 * ```
 */
export interface PersistedCase {
  record: CaseRecord;
  audit: AuditEntry[];
  timers: Timer[];
}
