import type { AuditEntry } from '../audit/auditEntry.js';
import { type CheckInQuery, type CheckInRecord, matchesCheckIn } from '../duty/CheckInRecord.js';
import { type Change, type ChangeFilter, matchesChange } from '../runtime/Change.js';
import type { Handoff, HandoffFailure } from '../runtime/Handoff.js';
import type { Commit, DefinitionRecord, InstanceRecord, Notification } from './caseRecord.js';
import { EntryHeads, PackedTrail } from './PackedTrail.js';
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
 * import { FeedGap } from '@zhizhi/core/runtime';
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
 * import { MemoryStore } from '@zhizhi/core/runtime';
 * const store = new MemoryStore({ feedRetention: 10_000 });
 * ```
 */
export interface MemoryStoreOptions {
  /** How many of the latest changes the feed keeps (default 10,000: an in-memory store serves one page or process; a reader further behind re-reads the state). */
  feedRetention?: number;
}

const ANY = '*';
const NO_TIMERS: Timer[] = [];

/** One instance: its record, its place in creation order, its audit trail and its timers. */
class Row {
  /** The instance's complete set of timers (most instances have one or none). */
  timers: Timer[] = NO_TIMERS;
  readonly trail = new PackedTrail();

  constructor(
    public record: InstanceRecord,
    /** Creation order: the list order and cursor. */
    readonly order: number,
  ) {}
}

/**
 * The in-memory {@link Store}: for tests, simulations, the designer and a browser-side runtime
 * (`LocalClient`). Commits are atomic and version-checked like a database's; records and
 * entries are kept as given and must be treated as immutable. Indexed so that a page of a
 * list, the due timers, the outbox and the feed cost what they return, not what is stored.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { Engine, MemoryStore } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const engine = new Engine({ directory: new Directory(sampleOrg), store: new MemoryStore() });
 * ```
 */
export class MemoryStore implements Store {
  readonly #rows = new Map<string, Row>();
  /** Rows by creation order (dense from 1): an array slot costs less than a map entry. */
  readonly #byOrder: Row[] = [];
  readonly #index = new Map<string, SortedNumbers>();
  readonly #heads = new EntryHeads();
  readonly #timers = new Map<string, Timer>();
  readonly #heaps = { sla: new TimerHeap(), step: new TimerHeap() };
  readonly #claims = new Map<string, { claimant: string; until: number }>();
  readonly #outbox = new Map<string, Notification>();
  /** Outbox ids in commit order from `#outboxHead` on; delivered ones are skipped and dropped. */
  #outboxOrder: string[] = [];
  #outboxHead = 0;
  readonly #handoffs = new Map<string, Handoff>();
  readonly #failures: HandoffFailure[] = [];
  /**
   * The kept changes, dense by sequence number from `#feedFirst`: the row a change is read back
   * from (its version and notifications beside it), or the change as given when it cannot be
   * (see `commit`). A row costs one slot; a change object with its entry costs ~300 B.
   */
  #feedItems: (Row | Change)[] = [];
  #feedVersions: number[] = [];
  #feedNotes: (Notification[] | null)[] = [];
  #feedFirst = 1;
  /** Sequence numbers of the kept changes, by town. */
  readonly #feedByTown = new Map<string, number[]>();
  readonly #retention: number;
  readonly #definitions = new Map<string, DefinitionRecord>();
  readonly #checkIns: CheckInRecord[] = [];
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
    const target = this.#putRecord(row, record);
    target.trail.append(commit.entries, this.#heads);
    this.#putTimers(target, commit.timers);
    for (const n of commit.notifications) {
      this.#outbox.set(n.id, n);
      this.#outboxOrder.push(n.id);
    }
    if (commit.handoffs) for (const h of commit.handoffs) this.#handoffs.set(h.id, h);
    const entry = commit.entries[commit.entries.length - 1];
    const seq = ++this.#seq;
    // A change is read back from its row (kind, id and town never change; its entry is the
    // trail's at its version, its status that entry's) unless the commit does not say so.
    const derived = entry !== undefined && entry.to === record.status;
    this.#appendChange(
      seq,
      record.townId,
      derived
        ? target
        : {
            seq,
            kind: record.kind,
            instanceId: record.id,
            townId: record.townId,
            version: record.version,
            status: record.status,
            entry: entry as AuditEntry,
            notifications: commit.notifications,
          },
      record.version,
      commit.notifications,
    );
    return seq;
  }

  #putRecord(row: Row | undefined, record: InstanceRecord): Row {
    if (row) {
      const before = row.record;
      row.record = record;
      if (before.status !== record.status) {
        // kind and town never change: only the two indexes by status move
        this.#set(`${before.kind}|${before.townId}|${before.status}`).delete(row.order);
        this.#set(`${before.kind}|${ANY}|${before.status}`).delete(row.order);
        this.#addByStatus(record, row.order);
      }
      return row;
    }
    const order = ++this.#order;
    const fresh = new Row(record, order);
    this.#rows.set(record.id, fresh);
    this.#byOrder[order] = fresh;
    this.#addByStatus(record, order);
    this.#set(`${record.kind}|${record.townId}|${ANY}`).add(order);
    this.#set(`${record.kind}|${ANY}|${ANY}`).add(order);
    return fresh;
  }

  /** Adds a row to the indexes of its kind and status: in its town, and in every town. */
  #addByStatus(r: InstanceRecord, order: number): void {
    this.#set(`${r.kind}|${r.townId}|${r.status}`).add(order);
    this.#set(`${r.kind}|${ANY}|${r.status}`).add(order);
  }

  #set(key: string): SortedNumbers {
    let set = this.#index.get(key);
    if (!set) {
      set = new SortedNumbers();
      this.#index.set(key, set);
    }
    return set;
  }

  #putTimers(row: Row, timers: Timer[]): void {
    for (const old of row.timers) {
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
    row.timers = timers.length > 0 ? timers : NO_TIMERS;
  }

  #heapOf(t: Timer): TimerHeap {
    return 'step' in t ? this.#heaps.step : this.#heaps.sla;
  }

  #appendChange(
    seq: number,
    townId: string,
    item: Row | Change,
    version: number,
    notifications: Notification[],
  ): void {
    this.#feedItems.push(item);
    this.#feedVersions.push(version);
    this.#feedNotes.push(notifications.length > 0 ? notifications : null);
    const town = this.#feedByTown.get(townId);
    if (town) town.push(seq);
    else this.#feedByTown.set(townId, [seq]);
    // drop the oldest in batches, so that trimming costs O(1) per commit
    if (this.#feedItems.length > this.#retention * 1.25 + 16) {
      const cut = this.#feedItems.length - this.#retention;
      this.#feedItems = this.#feedItems.slice(cut);
      this.#feedVersions = this.#feedVersions.slice(cut);
      this.#feedNotes = this.#feedNotes.slice(cut);
      this.#feedFirst += cut;
      for (const [k, list] of this.#feedByTown) {
        const i = firstAfter(list, this.#feedFirst - 1);
        if (i === list.length) this.#feedByTown.delete(k);
        else if (i > 0) list.splice(0, i);
      }
    }
  }

  /** The kept change numbered `seq`. */
  #change(seq: number): Change {
    const i = seq - this.#feedFirst;
    const item = this.#feedItems[i] as Row | Change;
    if (!(item instanceof Row)) return item;
    const version = this.#feedVersions[i] as number;
    const entry = item.trail.entry(version - 1);
    const { kind, id, townId } = item.record;
    return {
      seq,
      kind,
      instanceId: id,
      townId,
      version,
      status: entry.to,
      entry,
      notifications: this.#feedNotes[i] ?? [],
    };
  }

  async load(caseId: string): Promise<InstanceRecord | undefined> {
    return this.#rows.get(caseId)?.record;
  }

  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    return this.#rows.get(caseId)?.trail.all() ?? [];
  }

  async timersOf(caseId: string): Promise<Timer[]> {
    return [...(this.#rows.get(caseId)?.timers ?? NO_TIMERS)];
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
    const oldest = this.#feedItems.length > 0 ? this.#feedFirst : this.#seq + 1;
    if (seq < oldest - 1) throw new FeedGap(seq, oldest);
    const out: Change[] = [];
    const towns = filter?.townId;
    if (towns === undefined) {
      for (let s = Math.max(seq + 1, this.#feedFirst); s <= this.#seq && out.length < limit; s++) {
        const c = this.#change(s);
        if (matchesChange(c, filter)) out.push(c);
      }
      return out;
    }
    const lists = (typeof towns === 'string' ? [towns] : towns)
      .map((t) => this.#feedByTown.get(t))
      .filter((l): l is number[] => l !== undefined);
    const at = lists.map((l) => firstAfter(l, seq));
    while (out.length < limit) {
      let best = -1;
      for (let i = 0; i < lists.length; i++) {
        const s = (lists[i] as number[])[at[i] as number];
        if (
          s !== undefined &&
          (best < 0 || s < ((lists[best] as number[])[at[best] as number] as number))
        )
          best = i;
      }
      if (best < 0) break;
      const s = (lists[best] as number[])[at[best] as number] as number;
      at[best] = (at[best] as number) + 1;
      const c = this.#change(s);
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
  async putCheckIn(record: CheckInRecord): Promise<boolean> {
    const all = this.#checkIns;
    if (all.some((c) => c.id === record.id)) return false;
    all.push(record);
    return true;
  }

  /** A linear scan: a memory store holds one page's or one test's check-ins. */
  async checkIns(query: CheckInQuery): Promise<Page<CheckInRecord>> {
    const all = this.#checkIns;
    const items: CheckInRecord[] = [];
    for (let i = Number(query.cursor ?? 0); i < all.length; i++) {
      const c = all[i] as CheckInRecord;
      if (!matchesCheckIn(c, query)) continue;
      if (items.length === (query.limit ?? 100)) return { items, cursor: String(i) };
      items.push(c);
    }
    return { items, cursor: null };
  }
}

/** The index of the first sequence number above `seq` in an ascending list. */
function firstAfter(list: readonly number[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
