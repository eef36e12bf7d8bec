import type { AuditEntry } from '../audit/auditEntry.js';
import type { InstanceRecord, Notification } from '../engine/caseRecord.js';
import type { Clock } from '../engine/clock.js';
import type { Store } from '../engine/Store.js';
import type { Timer } from '../engine/Timer.js';
import type { ZhizhiError } from '../errors/ZhizhiError.js';
import type { Directory } from '../org/Directory.js';
import type { Role } from '../org/roles.js';
import type { Handoff } from './Handoff.js';

/**
 * What the runtime lends an instance kind while it decides: the org directory, the clock, the
 * store (for reads), and the runtime's id generator.
 *
 * @example
 * ```ts
 * import type { KindHost } from '@zhizhi/core/runtime';
 * const now = (host: KindHost) => host.clock.now();
 * ```
 */
export interface KindHost {
  readonly directory: Directory;
  readonly clock: Clock;
  readonly store: Store;
  newId(): string;
}

/**
 * What a step of an instance will write, once the runtime has sealed its audit entry: the new
 * record (version and `lastHash` from the entry), the instance's complete set of timers, the
 * notifications and the hand-offs to other instances — all in one commit.
 *
 * @example
 * ```ts
 * import type { CaseRecord } from '@zhizhi/core';
 * import type { Sealed } from '@zhizhi/core/runtime';
 * const count = (s: Sealed<CaseRecord>) => s.notifications.length + (s.handoffs?.length ?? 0);
 * ```
 */
export interface Sealed<R extends InstanceRecord> {
  record: R;
  timers: Timer[];
  notifications: Notification[];
  handoffs?: Handoff[];
}

/**
 * An accepted step of an instance, before it is committed: who did what, when, from and to
 * which status, with the audit note and data, and how to build the commit from the sealed
 * audit entry.
 *
 * @example
 * ```ts
 * import type { Proposal } from '@zhizhi/core/runtime';
 * const what = (p: Proposal) => `${p.actor.id} ${p.event} → ${p.to}`;
 * ```
 */
export interface Proposal<R extends InstanceRecord = InstanceRecord> {
  id: string;
  previous: R | undefined;
  actor: { id: string; role: Role };
  event: string;
  at: number;
  to: string;
  note: string | null;
  data: Record<string, unknown> | null;
  seal(entry: AuditEntry): Sealed<R>;
}

/**
 * A kind's answer: a step to commit, or a typed refusal (nothing changes).
 *
 * @example
 * ```ts
 * import type { Decision } from '@zhizhi/core/runtime';
 * const refused = (d: Decision) => !d.ok;
 * ```
 */
export type Decision<R extends InstanceRecord = InstanceRecord> =
  | { ok: true; proposal: Proposal<R> }
  | { ok: false; error: ZhizhiError };

/**
 * One kind of instance the runtime hosts (a case, a scenario instance, later others), the way
 * XState's `createActor` runs any actor logic: the kind parses, authorises and steps; the
 * runtime seals the audit entry, commits record + trail + timers + outbox + hand-offs at once,
 * gives the change its sequence number and tells subscribers. A kind never writes the store.
 *
 * @example
 * ```ts
 * import { createCaseKind, Directory } from '@zhizhi/core';
 * import { createRuntime, MemoryStore } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const directory = new Directory(sampleOrg);
 * const runtime = createRuntime({ directory, store: new MemoryStore(), kinds: [createCaseKind({ directory })] });
 * ```
 */
export interface InstanceKind<R extends InstanceRecord = InstanceRecord> {
  readonly kind: R['kind'];
  /** The timers of this kind's instances (`sla` for cases, `step` for scenario instances). */
  readonly timerKind: 'sla' | 'step';
  /** A client's command that creates an instance (`trusted` only from in-process hosts). */
  create(host: KindHost, input: unknown, trusted?: Record<string, unknown>): Promise<Decision<R>>;
  /** A client's command to an instance (`trusted` only from in-process hosts). */
  command(
    host: KindHost,
    record: R,
    input: unknown,
    trusted?: Record<string, unknown>,
  ): Promise<Decision<R>>;
  /** A due timer of one of this kind's instances. */
  timer(host: KindHost, record: R, timer: Timer): Promise<Decision<R>>;
  /** A hand-off addressed to this kind; `record` is undefined when it opens a new instance. */
  handoff(host: KindHost, record: R | undefined, handoff: Handoff): Promise<Decision<R>>;
  /** The refusal for an id this kind does not have. */
  notFound(id: string): ZhizhiError;
  /** The refusal for a lost race (`actual` is the stored version). */
  conflict(id: string, expected: number, actual: number): ZhizhiError;
  /** The refusal for creating an id that exists. */
  exists(id: string): ZhizhiError;
}
