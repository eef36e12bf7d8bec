import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type {
  AuditEntry,
  Commit,
  DefinitionRecord,
  InstanceRecord,
  Notification,
  Timer,
} from '@zhizhi/core';
import { type CheckInQuery, type CheckInRecord, matchesCheckIn } from '@zhizhi/core/duty';
import { parseJsonStrict } from '@zhizhi/core/json';
import {
  type CaseQuery,
  type Change,
  type ChangeFilter,
  type Handoff,
  type HandoffFailure,
  matchesChange,
  type Page,
  type Store,
  StoreConflict,
} from '@zhizhi/core/runtime';

/**
 * Everything the store keeps, as plain JSON: this object is the file's content.
 * Records keep their creation order (`order`), which is the list order and the page cursor.
 */
interface State {
  format: 'zhizhi-example-store/1';
  seq: number;
  order: number;
  records: Record<string, { order: number; record: InstanceRecord }>;
  trails: Record<string, AuditEntry[]>;
  timers: Record<string, Timer>;
  claims: Record<string, { claimant: string; until: number }>;
  outbox: Notification[];
  handoffs: Handoff[];
  failures: HandoffFailure[];
  feed: Change[];
  definitions: DefinitionRecord[];
  /** Check-ins in the order stored (files written before check-ins existed have none). */
  checkIns: CheckInRecord[];
}

const emptyState = (): State => ({
  format: 'zhizhi-example-store/1',
  seq: 0,
  order: 0,
  records: {},
  trails: {},
  timers: {},
  claims: {},
  outbox: [],
  handoffs: [],
  failures: [],
  feed: [],
  definitions: [],
  checkIns: [],
});

/**
 * A `Store` of `@zhizhi/core` kept in one JSON file: what a store must implement, in one small
 * class. The whole state lives in memory; every change writes a new copy of the file and
 * renames it over the old one, so the file always holds either the state before a commit or
 * the state after it, never half a commit. That makes `commit` atomic for one process; it is
 * linear in the size of the store, which is fine for an example and a few hundred cases, not
 * for a town's production load (use `PgStore` from `@zhizhi/server` there).
 *
 * What the runtime relies on (docs/runtime.md, "The Store contract"):
 * - `commit` checks the version (optimistic concurrency) and the hand-off it delivers, then
 *   applies the record, the audit entries, the instance's complete set of timers, the
 *   notifications and the hand-offs all at once, and returns the change's sequence number;
 * - timers are claimed before they fire, so two runtimes on one store fire each once;
 * - the change feed gives every commit the next sequence number, in commit order.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { JsonFileStore } from './JsonFileStore.js';
 * const store = JsonFileStore.open('/tmp/zhizhi-cases.json'); // creates the file if missing
 * const engine = new Engine({ directory: new Directory(sampleOrg), store });
 * ```
 */
export class JsonFileStore implements Store {
  readonly path: string;
  #state: State;

  private constructor(path: string, state: State) {
    this.path = path;
    this.#state = state;
  }

  /**
   * Opens the store kept in `path`: reads the file if it exists, or starts an empty store and
   * writes it. A file that is not a store of this format is refused with its path and why.
   *
   * @example
   * ```ts
   * import { JsonFileStore } from './JsonFileStore.js';
   * const store = JsonFileStore.open('./cases.json');
   * ```
   */
  static open(path: string): JsonFileStore {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) {
      const store = new JsonFileStore(path, emptyState());
      store.#write(store.#state);
      return store;
    }
    const parsed = parseJsonStrict(text);
    if (!parsed.ok) {
      const d = parsed.diagnostics[0];
      const where = d ? `${d.line}:${d.column} ${d.path.join('.')}` : '';
      throw new Error(`${path}:${where}: ${d?.message.zh} / ${d?.message.en}`);
    }
    const state = parsed.value as Partial<State> | null;
    if (state && typeof state === 'object' && state.checkIns === undefined) state.checkIns = [];
    if (state?.format !== 'zhizhi-example-store/1') {
      throw new Error(
        `${path}: format: 不是本示例的存储文件 / not a store file of this example (expected "zhizhi-example-store/1")`,
      );
    }
    // the top level must have the shape this class writes; the rows inside are its own output
    // (an edited audit trail is caught by the Engine's `verify`, see index.ts)
    const empty = emptyState();
    for (const [key, value] of Object.entries(empty) as [keyof State, unknown][]) {
      const want = Array.isArray(value) ? 'array' : typeof value;
      const got = state[key];
      const have = Array.isArray(got) ? 'array' : got === null ? 'null' : typeof got;
      if (have !== want) {
        throw new Error(
          `${path}: ${key}: 须为 ${want}，实为 ${have} / must be ${want === 'array' ? 'an' : 'a'} ${want}, found ${have}`,
        );
      }
    }
    return new JsonFileStore(path, state as State);
  }

  /** Writes `next` to a new file and renames it over the old one (atomic on one file system). */
  #write(next: State): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(next));
    renameSync(tmp, this.path);
  }

  /** Applies a change to a copy of the state, writes the copy, and only then keeps it. */
  #change<T>(apply: (draft: State) => T): T {
    const draft = structuredClone(this.#state);
    const result = apply(draft);
    this.#write(draft);
    this.#state = draft;
    return result;
  }

  async commit(commit: Commit): Promise<number> {
    const { record, expectedVersion } = commit;
    const actual = this.#state.records[record.id]?.record.version ?? 0;
    if (actual !== expectedVersion) throw new StoreConflict(record.id, expectedVersion, actual);
    if (record.version !== expectedVersion + commit.entries.length) {
      throw new RangeError(`Commit of ${record.id}: version must grow by the number of entries`);
    }
    if (
      commit.delivers !== undefined &&
      !this.#state.handoffs.some((h) => h.id === commit.delivers)
    ) {
      throw new StoreConflict(record.id, expectedVersion, -1); // already delivered
    }
    return this.#change((s) => {
      s.handoffs = s.handoffs.filter((h) => h.id !== commit.delivers);
      const order = s.records[record.id]?.order ?? ++s.order;
      s.records[record.id] = { order, record };
      s.trails[record.id] = [...(s.trails[record.id] ?? []), ...commit.entries];
      // the commit carries the instance's complete set of timers: drop the others, with their claims
      const kept = new Set(commit.timers.map((t) => t.id));
      for (const [id, t] of Object.entries(s.timers)) {
        if (t.caseId === record.id && !kept.has(id)) {
          delete s.timers[id];
          delete s.claims[id];
        }
      }
      for (const t of commit.timers) s.timers[t.id] = t;
      s.outbox.push(...commit.notifications);
      s.handoffs.push(...(commit.handoffs ?? []));
      s.seq += 1;
      s.feed.push({
        seq: s.seq,
        kind: record.kind,
        instanceId: record.id,
        townId: record.townId,
        version: record.version,
        status: record.status,
        entry: commit.entries.at(-1) as AuditEntry,
        notifications: commit.notifications,
      });
      return s.seq;
    });
  }

  async load(id: string): Promise<InstanceRecord | undefined> {
    return this.#state.records[id]?.record;
  }

  async auditTrail(id: string): Promise<AuditEntry[]> {
    return [...(this.#state.trails[id] ?? [])];
  }

  async timersOf(id: string): Promise<Timer[]> {
    return Object.values(this.#state.timers).filter((t) => t.caseId === id);
  }

  async dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]> {
    return Object.values(this.#state.timers)
      .filter((t) => t.dueAt <= now)
      .filter((t) => kind === undefined || ('step' in t ? 'step' : 'sla') === kind)
      .filter((t) => !((this.#state.claims[t.id]?.until ?? Number.NEGATIVE_INFINITY) > now))
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  async claimTimer(timerId: string, claimant: string, now: number, until: number) {
    const claim = this.#state.claims[timerId];
    if (claim && claim.until > now) return false; // someone else holds it
    if (!this.#state.timers[timerId]) return false; // gone: its instance moved on
    this.#change((s) => {
      s.claims[timerId] = { claimant, until };
    });
    return true;
  }

  /** The records matching a query, in creation order, after the cursor. */
  #matching(query: CaseQuery): { order: number; record: InstanceRecord }[] {
    const kind = query.kind ?? 'case';
    const statuses = query.status === undefined ? undefined : [query.status].flat();
    const after = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10) || 0;
    return Object.values(this.#state.records)
      .filter(({ order, record: r }) => {
        if (order <= after || r.kind !== kind) return false;
        if (query.townId !== undefined && r.townId !== query.townId) return false;
        if (statuses && !statuses.includes(r.status)) return false;
        if (
          query.section !== undefined &&
          (r.kind !== 'case' || r.context.section !== query.section)
        )
          return false;
        if (query.overdue !== undefined) {
          const overdue =
            r.slaDueAt !== null && r.slaDueAt <= (query.now ?? Number.POSITIVE_INFINITY);
          if (overdue !== query.overdue) return false;
        }
        return true;
      })
      .sort((a, b) => a.order - b.order);
  }

  async query(query: CaseQuery): Promise<InstanceRecord[]> {
    const rows = this.#matching(query).map((r) => r.record);
    return query.limit === undefined ? rows : rows.slice(0, query.limit);
  }

  async page(query: CaseQuery): Promise<Page<InstanceRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? 50, 1000));
    const rows = this.#matching(query);
    const items = rows.slice(0, limit);
    const cursor = rows.length > limit ? String(items.at(-1)?.order) : null;
    return { items: items.map((r) => r.record), cursor };
  }

  async pendingNotifications(limit: number): Promise<Notification[]> {
    return this.#state.outbox.filter((n) => n.deliveredAt === null).slice(0, limit);
  }

  async markDelivered(ids: string[], at: number): Promise<void> {
    const done = new Set(ids);
    this.#change((s) => {
      s.outbox = s.outbox.map((n) => (done.has(n.id) ? { ...n, deliveredAt: at } : n));
    });
  }

  async pendingHandoffs(limit: number): Promise<Handoff[]> {
    return this.#state.handoffs.slice(0, limit);
  }

  async failHandoff(failure: HandoffFailure): Promise<boolean> {
    if (!this.#state.handoffs.some((h) => h.id === failure.handoffId)) return false;
    this.#change((s) => {
      s.handoffs = s.handoffs.filter((h) => h.id !== failure.handoffId);
      s.failures.push(failure);
    });
    return true;
  }

  async handoffFailures(): Promise<HandoffFailure[]> {
    return [...this.#state.failures];
  }

  async changesSince(since: number, filter?: ChangeFilter, limit = 1000): Promise<Change[]> {
    // a reader's number is untrusted: below 0 or not a number reads from the start
    const seq = Number.isNaN(since) || since < 0 ? 0 : Math.floor(since);
    return this.#state.feed.filter((c) => c.seq > seq && matchesChange(c, filter)).slice(0, limit);
  }

  async lastSeq(): Promise<number> {
    return this.#state.seq;
  }

  async putDefinition(definition: DefinitionRecord): Promise<boolean> {
    const same = (d: DefinitionRecord) =>
      d.id === definition.id && d.version === definition.version;
    if (this.#state.definitions.some(same)) return false; // versions are immutable
    this.#change((s) => {
      s.definitions.push(definition);
    });
    return true;
  }

  async definition(id: string, version?: string): Promise<DefinitionRecord | undefined> {
    return this.#state.definitions.findLast(
      (d) => d.id === id && (version === undefined || d.version === version),
    ); // the latest deployed version when none is asked
  }

  async definitions(): Promise<DefinitionRecord[]> {
    return [...this.#state.definitions];
  }

  async putCheckIn(record: CheckInRecord): Promise<boolean> {
    if (this.#state.checkIns.some((c) => c.id === record.id)) return false;
    this.#change((draft) => draft.checkIns.push(record));
    return true;
  }

  async checkIns(query: CheckInQuery): Promise<Page<CheckInRecord>> {
    const all = this.#state.checkIns;
    const limit = query.limit ?? 100;
    const items: CheckInRecord[] = [];
    for (let i = Number(query.cursor ?? 0); i < all.length; i++) {
      const c = all[i] as CheckInRecord;
      if (!matchesCheckIn(c, query)) continue;
      if (items.length === limit) return { items, cursor: String(i) };
      items.push(c);
    }
    return { items, cursor: null };
  }
}
