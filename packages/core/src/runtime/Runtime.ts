import { sealAuditEntry } from '../audit/auditChain.js';
import type { AuditEntry } from '../audit/auditEntry.js';
import type { InstanceRecord, Notification } from '../engine/caseRecord.js';
import { type Clock, systemClock } from '../engine/clock.js';
import { MemoryStore } from '../engine/MemoryStore.js';
import { type Store, StoreConflict } from '../engine/Store.js';
import type { Timer } from '../engine/Timer.js';
import { caseError } from '../errors/CaseError.js';
import type { ZhizhiError } from '../errors/ZhizhiError.js';
import type { Directory } from '../org/Directory.js';
import type { Change, ChangeFilter } from './Change.js';
import type { Handoff, HandoffFailure } from './Handoff.js';
import type { Decision, InstanceKind, KindHost, Proposal } from './InstanceKind.js';
import { newInstanceId } from './newInstanceId.js';

/**
 * What every runtime command returns: the instance after the change, the audit entry and
 * notifications it produced and the change's feed sequence number — or a typed error, and
 * nothing changed.
 *
 * @example
 * ```ts
 * import type { RuntimeResult } from '@zhizhi/core/runtime';
 * const where = (r: RuntimeResult) => (r.ok ? `${r.record.id} ${r.record.status} #${r.seq}` : r.error.code);
 * ```
 */
export type RuntimeResult<R extends InstanceRecord = InstanceRecord> =
  | { ok: true; record: R; entry: AuditEntry; notifications: Notification[]; seq: number }
  | { ok: false; error: ZhizhiError };

/**
 * What in-process listeners of {@link Runtime.onCommit} hear after every commit of this runtime.
 *
 * @example
 * ```ts
 * import type { Committed } from '@zhizhi/core/runtime';
 * const log = (c: Committed) => console.log(c.seq, c.record.kind, c.entry.event);
 * ```
 */
export interface Committed {
  seq: number;
  record: InstanceRecord;
  entry: AuditEntry;
  notifications: Notification[];
}

/**
 * Options of {@link createRuntime}.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { type RuntimeOptions } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const options: RuntimeOptions = { directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-03-02T09:00:00+08:00') };
 * ```
 */
export interface RuntimeOptions {
  directory: Directory;
  store?: Store;
  clock?: Clock;
  kinds?: InstanceKind<InstanceRecord>[];
  /** Ids of new instances (default: time-ordered random ids from `crypto.randomUUID`). */
  newId?: () => string;
  /** The name this process claims timers under. */
  claimant?: string;
  /** How long a claimed timer stays claimed if its firing does not commit (ms). Default 60 s. */
  timerLeaseMs?: number;
  /**
   * Deliver hand-offs right after the commit that asked them (default true). They stay in the
   * outbox either way: `drain` and `tick` deliver whatever is left, after a crash too.
   */
  deliverInline?: boolean;
  /**
   * How many instances' newest records the runtime keeps (those it read or committed most
   * recently): what {@link Runtime.recent} answers, and the only objects `send` takes as the
   * caller's `record`. Default 1,024; a server that steps from them to skip a read keeps more.
   */
  recentRecords?: number;
}

/**
 * A live subscription to the change feed.
 *
 * @example
 * ```ts
 * import type { Subscription } from '@zhizhi/core/runtime';
 * const stop = (s: Subscription) => s.close();
 * ```
 */
export interface Subscription {
  /** The sequence number of the last change delivered. */
  readonly last: number;
  close(): void;
}

type AnyKind = InstanceKind<InstanceRecord>;

/**
 * The one runtime under cases and scenario instances: every command, timer firing and hand-off
 * goes through one commit path — parse, authorise and step (the instance's kind), seal the
 * audit entry, commit record + trail + timers + notifications + hand-offs atomically, number
 * the change, tell subscribers. What one instance asks of another is delivered from the
 * outbox, once, even across a crash (`drain`, `tick`).
 *
 * @example
 * ```ts
 * import { createCaseKind, Directory, SimulatedClock } from '@zhizhi/core';
 * import { createRuntime } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const directory = new Directory(sampleOrg);
 * const runtime = createRuntime({ directory, clock: new SimulatedClock('2026-03-02T09:00:00+08:00'),
 *   kinds: [createCaseKind({ directory })] });
 * const r = await runtime.create('case', { gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker',
 *   category: 'riverPollution', severity: 'medium', title: '雨污混流' });
 * if (r.ok) await runtime.send('case', r.record.id, { type: 'ACCEPT', by: 'qj-sj-duty' });
 * ```
 */
export class Runtime {
  readonly directory: Directory;
  readonly store: Store;
  readonly clock: Clock;
  readonly #kinds = new Map<string, AnyKind>();
  /** What kinds are lent while they decide (for in-process hosts such as `ScenarioEngine`). */
  readonly host: KindHost;
  readonly #claimant: string;
  readonly #leaseMs: number;
  readonly #inline: boolean;
  readonly #hooks = new Set<(c: Committed) => void>();
  /**
   * The record this runtime last read from its store (`load`) or committed itself, by instance
   * id, for the `recentRecords` ids it issued most recently: the only objects `send` takes as
   * the caller's `record`. An object built from outside data — a parsed request body, a copy
   * with one field changed — is never the one kept, so it is never stepped from. A Map by id,
   * not a WeakSet of every record issued: adding to a WeakSet cost ~0.5–1 µs per commit (its
   * ephemeron table and the collector's work on it), a fiftieth of a whole `send`.
   */
  readonly #issued = new Map<string, InstanceRecord>();
  readonly #issuedMax: number;
  readonly #problems = new Set<(f: HandoffFailure, h: Handoff) => void>();
  readonly #subs = new Set<FeedSubscription>();
  #draining: Promise<{ delivered: number; failed: number }> | null = null;

  constructor(options: RuntimeOptions) {
    this.directory = options.directory;
    this.store = options.store ?? new MemoryStore();
    this.clock = options.clock ?? systemClock;
    const newId = options.newId ?? newInstanceId;
    this.host = { directory: this.directory, clock: this.clock, store: this.store, newId };
    this.#claimant = options.claimant ?? `runtime-${newInstanceId()}`;
    this.#leaseMs = options.timerLeaseMs ?? 60_000;
    this.#inline = options.deliverInline ?? true;
    this.#issuedMax = Math.max(0, options.recentRecords ?? 1024);
    for (const kind of options.kinds ?? []) this.addKind(kind);
  }

  /** Hosts one more kind of instance (a kind name may be added once). */
  addKind<R extends InstanceRecord>(kind: InstanceKind<R>): void {
    if (this.#kinds.has(kind.kind)) throw new Error(`Instance kind ${kind.kind} is already hosted`);
    this.#kinds.set(kind.kind, kind as unknown as AnyKind);
  }

  /** Whether a kind is hosted. */
  hosts(kind: string): boolean {
    return this.#kinds.has(kind);
  }

  /** Creates an instance of `kind` from a client's command (a report, a start). */
  async create<R extends InstanceRecord = InstanceRecord>(
    kind: string,
    input: unknown,
    trusted?: Record<string, unknown>,
  ): Promise<RuntimeResult<R>> {
    const k = this.#kinds.get(kind);
    if (!k) return unknownKind(kind);
    const decision = await k.create(this.host, input, trusted);
    return this.#commit(k, decision) as Promise<RuntimeResult<R>>;
  }

  /**
   * The instance as stored now (or `undefined`), read through the runtime so that `send` may be
   * given it back as `record` and skip reading it again.
   *
   * @example
   * ```ts
   * import type { Runtime } from '@zhizhi/core/runtime';
   * declare const runtime: Runtime;
   * const record = await runtime.load('c-1');
   * if (record) await runtime.send('case', record.id, { type: 'ACCEPT', by: 'qj-sj-duty' }, { record });
   * ```
   */
  async load(id: string): Promise<InstanceRecord | undefined> {
    const record = await this.store.load(id);
    if (record) this.#issue(record);
    return record;
  }

  /**
   * Sends a client's command to an instance; `expectedVersion` refuses it if the instance moved.
   * `record`: the instance as the caller has just read it through this runtime (`load`, or a
   * commit's result), which saves reading it again. Only the newest record the runtime issued
   * for that instance is taken (see `recentRecords`); any other object — a copy, a parsed body,
   * an older read — is ignored and the instance is read. Only a command applied on it stands
   * (its commit checks the version): if it is refused for any reason, it is sent again on a
   * fresh read, so the answer is what a fresh read would give.
   */
  async send<R extends InstanceRecord = InstanceRecord>(
    kind: string,
    id: string,
    input: unknown,
    options: {
      expectedVersion?: number;
      trusted?: Record<string, unknown>;
      record?: InstanceRecord;
    } = {},
  ): Promise<RuntimeResult<R>> {
    const k = this.#kinds.get(kind);
    if (!k) return unknownKind(kind);
    if (options.record !== undefined && this.#issued.get(id) === options.record) {
      const result = await this.#sendTo(k, id, options.record, input, options);
      if (result.ok) return result as RuntimeResult<R>;
    }
    // read through `load`, so that the fresh record is the one kept (a stale one is not tried again)
    const record = await this.load(id);
    return this.#sendTo(k, id, record, input, options) as Promise<RuntimeResult<R>>;
  }

  async #sendTo(
    k: AnyKind,
    id: string,
    record: InstanceRecord | undefined,
    input: unknown,
    options: { expectedVersion?: number; trusted?: Record<string, unknown> },
  ): Promise<RuntimeResult> {
    if (!record || record.kind !== k.kind) return { ok: false, error: k.notFound(id) };
    if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
      return { ok: false, error: k.conflict(id, options.expectedVersion, record.version) };
    }
    return this.#commit(k, await k.command(this.host, record, input, options.trusted));
  }

  /**
   * The newest record of an instance this runtime read or committed, if it still keeps it (see
   * `recentRecords`), without reading the store. It may be stale — another process may have
   * moved the instance since — so it is for `send`'s `record` (whose commit checks the version,
   * and which sends again on a fresh read if the command does not stand), not for an answer.
   *
   * @example
   * ```ts
   * import type { Runtime } from '@zhizhi/core/runtime';
   * declare const runtime: Runtime;
   * const record = runtime.recent('c-1'); // no read
   * await runtime.send('case', 'c-1', { type: 'ACCEPT', by: 'qj-sj-duty' }, { record });
   * ```
   */
  recent(id: string): InstanceRecord | undefined {
    return this.#issued.get(id);
  }

  /** Keeps `record` as the one issued for its id (the id issued least recently is forgotten). */
  #issue(record: InstanceRecord): void {
    const issued = this.#issued;
    const known = issued.get(record.id);
    if (known !== undefined) {
      if (known.version > record.version) return; // a read answered after a newer commit
      issued.delete(record.id); // issued again: the most recent goes last
    } else if (issued.size >= this.#issuedMax) {
      if (this.#issuedMax === 0) return;
      issued.delete(issued.keys().next().value as string);
    }
    issued.set(record.id, record);
  }

  async #commit(kind: AnyKind, decision: Decision, delivers?: Handoff): Promise<RuntimeResult> {
    if (!decision.ok) return decision;
    const p: Proposal = decision.proposal;
    const previous = p.previous;
    const entry = sealAuditEntry(
      previous ? ({ seq: previous.version, hash: previous.lastHash } as AuditEntry) : undefined,
      {
        at: p.at,
        actorId: p.actor.id,
        role: p.actor.role,
        event: p.event,
        from: previous?.status ?? null,
        to: p.to,
        note: p.note,
        data: p.data,
      },
    );
    const sealed = p.seal(entry);
    let seq: number;
    try {
      seq = await this.store.commit({
        record: sealed.record,
        expectedVersion: previous?.version ?? 0,
        entries: [entry],
        timers: sealed.timers,
        notifications: sealed.notifications,
        handoffs: sealed.handoffs,
        delivers: delivers?.id,
      });
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      if (error.actual === -1 && delivers) {
        return { ok: false, error: caseError('handoff.delivered', { handoffId: delivers.id }) };
      }
      return {
        ok: false,
        error: previous
          ? kind.conflict(p.id, error.expected, error.actual)
          : kind.exists(sealed.record.id),
      };
    }
    if (this.#hooks.size > 0) {
      const committed: Committed = {
        seq,
        record: sealed.record,
        entry,
        notifications: sealed.notifications,
      };
      for (const hook of this.#hooks) hook(committed);
    }
    if (this.#subs.size > 0) await this.#pump();
    if (this.#inline && !this.#draining && (sealed.handoffs?.length ?? 0) > 0) {
      // delivered now if possible (a running drain picks them up itself); a failure leaves
      // them in the outbox for the next drain or tick
      await this.drain().catch(() => undefined);
    }
    this.#issue(sealed.record);
    return { ok: true, record: sealed.record, entry, notifications: sealed.notifications, seq };
  }

  /**
   * Delivers the hand-offs waiting in the outbox, oldest first, each once: the commit that
   * carries one out names it, and the store refuses a second such commit. A hand-off its target
   * refuses is recorded as failed (see `store.handoffFailures()`), not retried for ever.
   */
  drain(): Promise<{ delivered: number; failed: number }> {
    // one drain at a time per runtime; a nested call joins the running one
    this.#draining ??= this.#drainAll().finally(() => {
      this.#draining = null;
    });
    return this.#draining;
  }

  async #drainAll(): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    let failed = 0;
    for (let round = 0; round < 10_000; round++) {
      const batch = await this.store.pendingHandoffs(100);
      if (batch.length === 0) break;
      for (const h of batch) {
        const outcome = await this.deliver(h);
        if (outcome === 'delivered') delivered += 1;
        else if (outcome === 'failed') failed += 1;
      }
    }
    return { delivered, failed };
  }

  /** Delivers one hand-off (idempotent: a delivered one is skipped). */
  async deliver(h: Handoff): Promise<'delivered' | 'failed' | 'skipped'> {
    const kind = this.#kinds.get(h.to.kind);
    if (!kind) return 'skipped';
    const record = await this.store.load(h.to.id);
    const target = record?.kind === h.to.kind ? record : undefined;
    const decision = await kind.handoff(this.host, target, h);
    const result = await this.#commit(kind, decision, h);
    if (result.ok) return 'delivered';
    if (result.error.code === 'handoff.delivered') return 'skipped';
    // a lost race on the target: leave it for the next drain
    if (result.error.code.endsWith('conflict')) return 'skipped';
    const failure: HandoffFailure = {
      handoffId: h.id,
      at: this.clock.now(),
      error: { code: result.error.code, message: result.error.message },
    };
    if (!(await this.store.failHandoff(failure))) return 'skipped';
    for (const listener of this.#problems) listener(failure, h);
    return 'failed';
  }

  /**
   * Fires every timer due at the clock's time, earliest first, each once (claimed in the store
   * first) through its instance's kind, then delivers the hand-offs left in the outbox. A timer
   * that was due while nothing ran fires on the first tick after.
   */
  async tick(): Promise<{ fired: number; results: RuntimeResult[] }> {
    const results: RuntimeResult[] = [];
    const timerKinds = new Set([...this.#kinds.values()].map((k) => k.timerKind));
    for (let round = 0; round < 1000; round++) {
      const now = this.clock.now();
      let progressed = false;
      for (const timerKind of timerKinds) {
        const due = await this.store.dueTimers(now, 100, timerKind);
        for (const timer of due) {
          if (!(await this.store.claimTimer(timer.id, this.#claimant, now, now + this.#leaseMs)))
            continue;
          progressed = true;
          const result = await this.#fire(timer);
          if (result) results.push(result);
        }
      }
      if (!progressed) break;
    }
    await this.drain();
    return { fired: results.filter((r) => r.ok).length, results };
  }

  async #fire(timer: Timer): Promise<RuntimeResult | undefined> {
    const record = await this.store.load(timer.caseId);
    const kind = record && this.#kinds.get(record.kind);
    if (!record || !kind) return undefined;
    return this.#commit(kind, await kind.timer(this.host, record, timer));
  }

  /** Committed changes after `seq`, in commit order (see {@link Store.changesSince}). */
  changesSince(seq: number, filter?: ChangeFilter, limit?: number): Promise<Change[]> {
    return this.store.changesSince(seq, filter, limit);
  }

  /**
   * Follows the change feed from `since` (default: from now on): the listener gets every
   * committed change after it that passes the filter, once, in order — read from the store's
   * feed, so commits of other runtimes on the same store arrive with the next `poll()`.
   */
  async subscribe(
    listener: (change: Change) => void,
    options: { since?: number; filter?: ChangeFilter } = {},
  ): Promise<Subscription> {
    const sub = new FeedSubscription(
      this,
      listener,
      options.since ?? (await this.store.lastSeq()),
      options.filter,
    );
    this.#subs.add(sub);
    await sub.pump();
    return sub;
  }

  /** Reads the feed for every subscription now (for changes committed by other processes). */
  async poll(): Promise<void> {
    await this.#pump();
  }

  /** @internal */
  unsubscribe(sub: FeedSubscription): void {
    this.#subs.delete(sub);
  }

  async #pump(): Promise<void> {
    for (const sub of this.#subs) await sub.pump();
  }

  /** Calls `listener` when a hand-off's target refuses it; returns the unsubscribe function. */
  onHandoffFailed(listener: (failure: HandoffFailure, handoff: Handoff) => void): () => void {
    this.#problems.add(listener);
    return () => this.#problems.delete(listener);
  }

  /**
   * Calls `hook` synchronously after every commit this runtime makes (in-process only: use
   * {@link Runtime.subscribe} to follow every process's commits). Returns the unsubscribe function.
   */
  onCommit(hook: (committed: Committed) => void): () => void {
    this.#hooks.add(hook);
    return () => this.#hooks.delete(hook);
  }
}

class FeedSubscription implements Subscription {
  #last: number;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(
    readonly runtime: Runtime,
    readonly listener: (change: Change) => void,
    since: number,
    readonly filter: ChangeFilter | undefined,
  ) {
    this.#last = since;
  }

  get last(): number {
    return this.#last;
  }

  pump(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        for (;;) {
          if (this.#closed) return;
          const batch = await this.runtime.store.changesSince(this.#last, this.filter, 500);
          for (const change of batch) {
            if (this.#closed || change.seq <= this.#last) continue;
            this.#last = change.seq;
            this.listener(change);
          }
          if (batch.length < 500) break;
        }
      } while (this.#again);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  close(): void {
    this.#closed = true;
    this.runtime.unsubscribe(this);
  }
}

function unknownKind(kind: string): { ok: false; error: ZhizhiError } {
  return {
    ok: false,
    error: caseError('instance.unknownKind', { kind: String(kind).slice(0, 64) }),
  };
}

/**
 * Creates a {@link Runtime} hosting the given instance kinds.
 *
 * @example
 * ```ts
 * import { createCaseKind, Directory } from '@zhizhi/core';
 * import { createRuntime } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const directory = new Directory(sampleOrg);
 * const runtime = createRuntime({ directory, kinds: [createCaseKind({ directory })] });
 * ```
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  return new Runtime(options);
}
