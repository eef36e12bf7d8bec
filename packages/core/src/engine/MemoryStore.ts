import type { AuditEntry } from '../audit/auditEntry.js';
import { type Change, type ChangeFilter, matchesChange } from '../runtime/Change.js';
import type { Handoff, HandoffFailure } from '../runtime/Handoff.js';
import type { Commit, DefinitionRecord, InstanceRecord, Notification } from './caseRecord.js';
import { SortedNumbers } from './SortedNumbers.js';
import { type CaseQuery, type Page, type Store, StoreConflict } from './Store.js';
import type { Timer } from './Timer.js';
import { TimerHeap } from './TimerHeap.js';

/**
 * Thrown by {@link MemoryStore.changesSince} when the changes after the asked sequence number
 * are no longer kept (the store keeps the latest `feedRetention` changes): the reader must
 * read the current state again and follow the feed from {@link Store.lastSeq}.
 *
 * @example
 * ```ts
 * import { FeedGap } from '@zhizhi/core';
 * new FeedGap(3, 10).oldest; // 10
 * ```
 */
export class FeedGap extends Error {
  constructor(
    readonly since: number,
    readonly oldest: number,
  ) {
    super(`Changes after ${since} are no longer kept (oldest kept: ${oldest})`);
    this.name = 'FeedGap';
  }
}

/**
 * Options of a {@link MemoryStore}.
 *
 * @example
 * ```ts
 * import { MemoryStore } from '@zhizhi/core';
 * const store = new MemoryStore({ feedRetention: 10_000 });
 * ```
 */
export interface MemoryStoreOptions {
  /** How many of the latest changes the feed keeps (default 10,000: an in-memory store serves one page or process; a reader further behind re-reads the state). */
  feedRetention?: number;
}

interface Row {
  record: InstanceRecord;
  /** Creation order: the list order and cursor. */
  order: number;
  /** The two list indexes that hold it by status (kept so a status change finds them at once). */
  byStatus: [SortedNumbers, SortedNumbers];
}

const ANY = '*';
const NO_TIMERS: Timer[] = [];

/**
 * The in-memory {@link Store}: for tests, simulations, the designer and a browser-side runtime
 * (`LocalClient`). Commits are atomic and version-checked like a database's; records and
 * entries are kept as given and must be treated as immutable. Indexed so that a page of a
 * list, the due timers, the outbox and the feed cost what they return, not what is stored.
 *
 * @example
 * ```ts
 * import { Engine, MemoryStore, Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const engine = new Engine({ directory: new Directory(sampleOrg), store: new MemoryStore() });
 * ```
 */
export class MemoryStore implements Store {
  readonly #rows = new Map<string, Row>();
  /** Rows by creation order (dense from 1): an array slot costs less than a map entry. */
  readonly #byOrder: Row[] = [];
  readonly #index = new Map<string, SortedNumbers>();
  readonly #trails = new Map<string, AuditEntry[]>();
  readonly #timersByCase = new Map<string, Timer[]>();
  readonly #timers = new Map<string, Timer>();
  readonly #heaps = { sla: new TimerHeap(), step: new TimerHeap() };
  readonly #claims = new Map<string, { claimant: string; until: number }>();
  readonly #outbox = new Map<string, Notification>();
  /** Outbox ids in commit order from `#outboxHead` on; delivered ones are skipped and dropped. */
  #outboxOrder: string[] = [];
  #outboxHead = 0;
  readonly #handoffs = new Map<string, Handoff>();
  readonly #failures: HandoffFailure[] = [];
  readonly #feed: Change[] = [];
  readonly #feedByTown = new Map<string, Change[]>();
  readonly #retention: number;
  readonly #definitions = new Map<string, DefinitionRecord>();
  #seq = 0;
  #order = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.#retention = options.feedRetention ?? 10_000;
  }

  async commit(commit: Commit): Promise<number> {
    const { record, expectedVersion } = commit;
    const row = this.#rows.get(record.id);
    const actual = row?.record.version ?? 0;
    if (actual !== expectedVersion) throw new StoreConflict(record.id, expectedVersion, actual);
    if (record.version !== expectedVersion + commit.entries.length) {
      throw new RangeError(`Commit of ${record.id}: version must grow by the number of entries`);
    }
    if (commit.delivers !== undefined && !this.#handoffs.has(commit.delivers)) {
      throw new StoreConflict(record.id, expectedVersion, -1);
    }
    // nothing above changed anything; from here the commit cannot fail
    // a hand-off id is derived from its asking commit's instance and version, which commit
    // once: a delivered one never comes back, so nothing needs to remember it
    if (commit.delivers !== undefined) this.#handoffs.delete(commit.delivers);
    this.#putRecord(row, record);
    const trail = this.#trails.get(record.id);
    if (trail) trail.push(...commit.entries);
    else this.#trails.set(record.id, [...commit.entries]);
    this.#putTimers(record.id, commit.timers);
    for (const n of commit.notifications) {
      this.#outbox.set(n.id, n);
      this.#outboxOrder.push(n.id);
    }
    for (const h of commit.handoffs ?? []) this.#handoffs.set(h.id, h);
    const entry = commit.entries.at(-1) as AuditEntry;
    const change: Change = {
      seq: ++this.#seq,
      kind: record.kind,
      instanceId: record.id,
      townId: record.townId,
      version: record.version,
      status: record.status,
      entry,
      notifications: commit.notifications,
    };
    this.#appendChange(change);
    return change.seq;
  }

  #putRecord(row: Row | undefined, record: InstanceRecord): void {
    if (row) {
      if (row.record.status !== record.status) {
        // kind and town never change: only the two indexes by status move
        for (const set of row.byStatus) set.delete(row.order);
        row.record = record;
        row.byStatus = this.#statusSets(record);
        for (const set of row.byStatus) set.add(row.order);
      } else row.record = record;
      return;
    }
    const order = ++this.#order;
    const fresh: Row = { record, order, byStatus: this.#statusSets(record) };
    this.#rows.set(record.id, fresh);
    this.#byOrder[order] = fresh;
    for (const set of fresh.byStatus) set.add(order);
    this.#set(`${record.kind}|${record.townId}|${ANY}`).add(order);
    this.#set(`${record.kind}|${ANY}|${ANY}`).add(order);
  }

  /** The indexes of a record's kind and status: in its town, and in every town. */
  #statusSets(r: InstanceRecord): [SortedNumbers, SortedNumbers] {
    return [
      this.#set(`${r.kind}|${r.townId}|${r.status}`),
      this.#set(`${r.kind}|${ANY}|${r.status}`),
    ];
  }

  #set(key: string): SortedNumbers {
    let set = this.#index.get(key);
    if (!set) {
      set = new SortedNumbers();
      this.#index.set(key, set);
    }
    return set;
  }

  #putTimers(id: string, timers: Timer[]): void {
    for (const old of this.#timersByCase.get(id) ?? NO_TIMERS) {
      if (timers.length === 0 || !timers.some((t) => t.id === old.id)) {
        this.#claims.delete(old.id);
        this.#timers.delete(old.id);
        this.#heapOf(old).delete(old.id);
      }
    }
    for (const t of timers) {
      this.#timers.set(t.id, t);
      this.#heapOf(t).set(t);
    }
    if (timers.length > 0) this.#timersByCase.set(id, timers);
    else this.#timersByCase.delete(id);
  }

  #heapOf(t: Timer): TimerHeap {
    return 'step' in t ? this.#heaps.step : this.#heaps.sla;
  }

  #appendChange(change: Change): void {
    this.#feed.push(change);
    const town = this.#feedByTown.get(change.townId);
    if (town) town.push(change);
    else this.#feedByTown.set(change.townId, [change]);
    // drop the oldest in batches, so that trimming costs O(1) per commit
    if (this.#feed.length > this.#retention * 1.25 + 16) {
      const cut = this.#feed.length - this.#retention;
      const oldest = (this.#feed[cut] as Change).seq;
      this.#feed.splice(0, cut);
      for (const [k, list] of this.#feedByTown) {
        const i = firstAfter(list, oldest - 1);
        if (i === list.length) this.#feedByTown.delete(k);
        else if (i > 0) list.splice(0, i);
      }
    }
  }

  async load(caseId: string): Promise<InstanceRecord | undefined> {
    return this.#rows.get(caseId)?.record;
  }

  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    return [...(this.#trails.get(caseId) ?? [])];
  }

  async timersOf(caseId: string): Promise<Timer[]> {
    return [...(this.#timersByCase.get(caseId) ?? [])];
  }

  async dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]> {
    const heaps = kind ? [this.#heaps[kind]] : [this.#heaps.sla, this.#heaps.step];
    const due: Timer[] = [];
    for (const heap of heaps) {
      let taken = 0;
      heap.visitDue(now, (t) => {
        const claim = this.#claims.get(t.id);
        if (claim && claim.until > now) return true;
        due.push(t);
        return ++taken < limit;
      });
    }
    if (heaps.length > 1) due.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
    return due.slice(0, limit);
  }

  async claimTimer(
    timerId: string,
    claimant: string,
    now: number,
    until: number,
  ): Promise<boolean> {
    const claim = this.#claims.get(timerId);
    if (claim && claim.until > now) return false;
    if (!this.#timers.has(timerId)) return false;
    this.#claims.set(timerId, { claimant, until });
    return true;
  }

  async query(query: CaseQuery): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    for (const r of this.#scan(query)) {
      out.push(r.record);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  async page(query: CaseQuery): Promise<Page<InstanceRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? 50, 1000));
    const items: InstanceRecord[] = [];
    let last = 0;
    for (const r of this.#scan(query)) {
      if (items.length === limit) return { items, cursor: String(last) };
      items.push(r.record);
      last = r.order;
    }
    return { items, cursor: null };
  }

  /** Rows matching the query in creation order, merged from the (kind, town, status) indexes. */
  *#scan(query: CaseQuery): Generator<Row> {
    const kind = query.kind ?? 'case';
    const town = query.townId ?? ANY;
    const statuses = query.status === undefined ? [ANY] : [...new Set([query.status].flat())];
    const after = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10) || 0;
    const streams = statuses
      .map((s) => this.#index.get(`${kind}|${town}|${s}`))
      .filter((s): s is SortedNumbers => s !== undefined)
      .map((s) => s.after(after));
    const heads = streams.map((s) => s.next());
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i] as IteratorResult<number>;
        if (!h.done && (best < 0 || h.value < (heads[best] as IteratorYieldResult<number>).value))
          best = i;
      }
      if (best < 0) return;
      const order = (heads[best] as IteratorYieldResult<number>).value;
      heads[best] = (streams[best] as Generator<number>).next();
      const row = this.#byOrder[order] as Row;
      const r = row.record;
      if (query.section !== undefined && (r.kind !== 'case' || r.context.section !== query.section))
        continue;
      if (query.overdue !== undefined) {
        const overdue =
          r.slaDueAt !== null && r.slaDueAt <= (query.now ?? Number.POSITIVE_INFINITY);
        if (overdue !== query.overdue) continue;
      }
      yield row;
    }
  }

  async pendingNotifications(limit: number): Promise<Notification[]> {
    const order = this.#outboxOrder;
    // skip the delivered prefix for good, then read on from there
    while (this.#outboxHead < order.length && !this.#outbox.has(order[this.#outboxHead] as string))
      this.#outboxHead += 1;
    if (this.#outboxHead > 1024 && this.#outboxHead * 2 > order.length) {
      this.#outboxOrder = order.slice(this.#outboxHead);
      this.#outboxHead = 0;
    }
    const out: Notification[] = [];
    for (let i = this.#outboxHead; i < this.#outboxOrder.length && out.length < limit; i++) {
      const n = this.#outbox.get(this.#outboxOrder[i] as string);
      if (n) out.push(n);
    }
    return out;
  }

  async markDelivered(ids: string[], _at: number): Promise<void> {
    // Delivered notifications leave the outbox (a long-running in-memory store must not grow).
    for (const id of ids) this.#outbox.delete(id);
  }

  async pendingHandoffs(limit: number): Promise<Handoff[]> {
    const out: Handoff[] = [];
    for (const h of this.#handoffs.values()) {
      if (out.length >= limit) break;
      out.push(h);
    }
    return out;
  }

  async failHandoff(failure: HandoffFailure): Promise<boolean> {
    if (!this.#handoffs.delete(failure.handoffId)) return false;
    this.#failures.push(failure);
    // keep the latest 10,000 failures (they are also reported to the runtime's listeners)
    if (this.#failures.length > 12_000) this.#failures.splice(0, 2_000);
    return true;
  }

  async handoffFailures(): Promise<HandoffFailure[]> {
    return [...this.#failures];
  }

  async changesSince(since: number, filter?: ChangeFilter, limit = 1000): Promise<Change[]> {
    // a reader's number is untrusted: anything below 0 or not a number reads from the start
    const seq = Number.isNaN(since) || since < 0 ? 0 : Math.floor(since);
    const oldest = this.#feed[0]?.seq ?? this.#seq + 1;
    if (seq < oldest - 1) throw new FeedGap(seq, oldest);
    const towns = filter?.townId;
    const lists =
      towns === undefined
        ? [this.#feed]
        : (typeof towns === 'string' ? [towns] : towns)
            .map((t) => this.#feedByTown.get(t))
            .filter((l): l is Change[] => l !== undefined);
    const out: Change[] = [];
    const at = lists.map((l) => firstAfter(l, seq));
    while (out.length < limit) {
      let best = -1;
      for (let i = 0; i < lists.length; i++) {
        const c = (lists[i] as Change[])[at[i] as number];
        if (
          c &&
          (best < 0 || c.seq < ((lists[best] as Change[])[at[best] as number] as Change).seq)
        )
          best = i;
      }
      if (best < 0) break;
      const c = (lists[best] as Change[])[at[best] as number] as Change;
      at[best] = (at[best] as number) + 1;
      if (matchesChange(c, filter)) out.push(c);
    }
    return out;
  }

  async lastSeq(): Promise<number> {
    return this.#seq;
  }

  async putDefinition(definition: DefinitionRecord): Promise<boolean> {
    const key = `${definition.id}@${definition.version}`;
    if (this.#definitions.has(key)) return false;
    this.#definitions.set(key, definition);
    return true;
  }

  async definition(id: string, version?: string): Promise<DefinitionRecord | undefined> {
    if (version !== undefined) return this.#definitions.get(`${id}@${version}`);
    let latest: DefinitionRecord | undefined;
    for (const d of this.#definitions.values()) if (d.id === id) latest = d;
    return latest;
  }

  async definitions(): Promise<DefinitionRecord[]> {
    return [...this.#definitions.values()];
  }
}

/** The index of the first change with a sequence number above `seq`. */
function firstAfter(list: readonly Change[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Change).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
