import type { AuditEntry } from '../audit/auditEntry.js';
import type { Commit, InstanceRecord, Notification } from './caseRecord.js';
import { type CaseQuery, type Store, StoreConflict } from './Store.js';
import type { Timer } from './Timer.js';

/**
 * The in-memory {@link Store}: for tests, simulations, the designer and a browser-side Engine.
 * Commits are atomic and version-checked like a database's; records and entries are kept as
 * given and must be treated as immutable.
 *
 * @example
 * ```ts
 * import { Engine, MemoryStore, Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const engine = new Engine({ directory: new Directory(sampleOrg), store: new MemoryStore() });
 * ```
 */
export class MemoryStore implements Store {
  readonly #records = new Map<string, InstanceRecord>();
  readonly #trails = new Map<string, AuditEntry[]>();
  readonly #timersByCase = new Map<string, Timer[]>();
  readonly #timers = new Map<string, Timer>();
  readonly #claims = new Map<string, { claimant: string; until: number }>();
  readonly #outbox: Notification[] = [];

  async commit(commit: Commit): Promise<void> {
    const { record, expectedVersion } = commit;
    const current = this.#records.get(record.id);
    const actual = current?.version ?? 0;
    if (actual !== expectedVersion) throw new StoreConflict(record.id, expectedVersion, actual);
    if (record.version !== expectedVersion + commit.entries.length) {
      throw new RangeError(`Commit of ${record.id}: version must grow by the number of entries`);
    }
    this.#records.set(record.id, record);
    const trail = this.#trails.get(record.id);
    if (trail) trail.push(...commit.entries);
    else this.#trails.set(record.id, [...commit.entries]);
    for (const old of this.#timersByCase.get(record.id) ?? []) {
      if (!commit.timers.some((t) => t.id === old.id)) {
        this.#claims.delete(old.id);
        this.#timers.delete(old.id);
      }
    }
    for (const t of commit.timers) this.#timers.set(t.id, t);
    if (commit.timers.length > 0) this.#timersByCase.set(record.id, commit.timers);
    else this.#timersByCase.delete(record.id);
    this.#outbox.push(...commit.notifications);
  }

  async load(caseId: string): Promise<InstanceRecord | undefined> {
    return this.#records.get(caseId);
  }

  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    return [...(this.#trails.get(caseId) ?? [])];
  }

  async timersOf(caseId: string): Promise<Timer[]> {
    return [...(this.#timersByCase.get(caseId) ?? [])];
  }

  async dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]> {
    const due: Timer[] = [];
    for (const t of this.#timers.values()) {
      if (kind !== undefined && ('step' in t ? 'step' : 'sla') !== kind) continue;
      const claim = this.#claims.get(t.id);
      if (t.dueAt <= now && (!claim || claim.until <= now)) due.push(t);
    }
    due.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
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
    const kind = query.kind ?? 'case';
    const statuses =
      query.status === undefined ? undefined : new Set<string>([query.status].flat());
    const out: InstanceRecord[] = [];
    for (const r of this.#records.values()) {
      if (r.kind !== kind) continue;
      if (query.townId !== undefined && r.townId !== query.townId) continue;
      if (statuses && !statuses.has(r.status)) continue;
      if (query.section !== undefined && (r.kind !== 'case' || r.context.section !== query.section))
        continue;
      if (query.overdue !== undefined) {
        const overdue =
          r.slaDueAt !== null && r.slaDueAt <= (query.now ?? Number.POSITIVE_INFINITY);
        if (overdue !== query.overdue) continue;
      }
      out.push(r);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  async pendingNotifications(limit: number): Promise<Notification[]> {
    return this.#outbox.filter((n) => n.deliveredAt === null).slice(0, limit);
  }

  async markDelivered(ids: string[], _at: number): Promise<void> {
    // Delivered notifications leave the outbox (a long-running in-memory store must not grow).
    const set = new Set(ids);
    let kept = 0;
    for (const n of this.#outbox) if (!set.has(n.id)) this.#outbox[kept++] = n;
    this.#outbox.length = kept;
  }
}
