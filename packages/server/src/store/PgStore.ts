import type {
  AuditEntry,
  Commit,
  DefinitionRecord,
  InstanceRecord,
  Notification,
  Timer,
} from '@zhizhi/core';
import type { CheckInQuery, CheckInRecord } from '@zhizhi/core/duty';
import {
  type CaseQuery,
  type Change,
  type ChangeFilter,
  type Handoff,
  type HandoffFailure,
  type Page,
  type Store,
  StoreConflict,
} from '@zhizhi/core/runtime';
import type { Driver, Queryable } from './driver.js';
import { migrations, SCHEMA_VERSION } from './migrations/index.js';

/**
 * Thrown by {@link PgStore.open} when the database was migrated by a newer `@zhizhi/server`
 * than this one: nothing is changed, and the message says so in Chinese and English.
 *
 * @example
 * ```ts
 * import { SchemaTooNew } from '@zhizhi/server';
 * new SchemaTooNew(3, 1).message.includes('newer'); // true
 * ```
 */
export class SchemaTooNew extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    const zh = `数据库结构版本为 ${found}，高于本程序所知的 ${known}：请升级 @zhizhi/server 后再打开（未做任何改动）`;
    const en = `The database schema is version ${found}, newer than this code knows (${known}): upgrade @zhizhi/server before opening it (nothing was changed)`;
    super(`${zh} / ${en}`);
    this.name = 'SchemaTooNew';
    this.zh = zh;
    this.en = en;
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const json = (v: unknown): string => JSON.stringify(v);
const timerKind = (t: Timer): 'sla' | 'step' => ('step' in t ? 'step' : 'sla');

/**
 * The runtime's {@link Store} on PostgreSQL semantics, over a {@link Driver}: embedded PGlite
 * (one process serves one town) or a PostgreSQL server shared by any number of processes.
 * `commit` is one call of `zz_commit` (one round trip, one transaction); the change feed's
 * numbers come from a one-row counter, in commit order (decision 0013), without making
 * concurrent commits wait for each other's flush (decision 0016). Commits that arrive while a
 * call is in flight go together in the next one, each with its own result (group commit,
 * decision 0018; see {@link PgStoreOptions}).
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { LocalClient } from '@zhizhi/core/client';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { PgStore, pgliteDriver } from '@zhizhi/server';
 * const store = await PgStore.open(await pgliteDriver('memory'));
 * const client = new LocalClient({ directory: new Directory(sampleOrg), store });
 * ```
 */
export class PgStore implements Store {
  readonly #inFlight: number;
  readonly #maxBatch: number;

  private constructor(
    readonly driver: Driver,
    options: PgStoreOptions,
  ) {
    const group = options.groupCommit ?? {};
    this.#inFlight = group === false ? Number.POSITIVE_INFINITY : Math.max(1, group.inFlight ?? 1);
    this.#maxBatch = group === false ? 1 : Math.max(1, Math.min(group.maxBatch ?? 32, 60));
  }

  /** Opens a store on the driver, applying the migrations the database has not had yet. */
  static async open(driver: Driver, options: PgStoreOptions = {}): Promise<PgStore> {
    await migrate(driver);
    const store = new PgStore(driver, options);
    await store.#sequence(); // what a stopped process left queued
    return store;
  }

  /** Closes the driver (and with it the database or pool it opened). */
  close(): Promise<void> {
    return this.driver.close();
  }

  async commit(commit: Commit): Promise<number> {
    const { record, expectedVersion, entries } = commit;
    if (record.version !== expectedVersion + entries.length) {
      throw new RangeError(`Commit of ${record.id}: version must grow by the number of entries`);
    }
    const section =
      record.kind === 'case' ? ((record.context as { section?: string }).section ?? null) : null;
    const change: Omit<Change, 'seq'> = {
      kind: record.kind,
      instanceId: record.id,
      townId: record.townId,
      version: record.version,
      status: record.status,
      entry: entries.at(-1) as AuditEntry,
      notifications: commit.notifications,
    };
    // the whole commit in one call: see migrations/0005_one_trip_commit.ts
    const payload = {
      row: {
        id: record.id,
        townId: record.townId,
        kind: record.kind,
        status: record.status,
        version: record.version,
        slaDueAt: record.slaDueAt,
        section,
        updatedAt: record.updatedAt,
      },
      record,
      expectedVersion,
      entries,
      timers: commit.timers.map((t) => ({ ...t, $kind: timerKind(t) })),
      notifications: commit.notifications,
      handoffs: commit.handoffs ?? [],
      delivers: commit.delivers,
      change,
    };
    let seq: unknown;
    try {
      seq = await this.#send(record.id, json(payload));
    } catch (error) {
      const e = error as { code?: unknown; detail?: unknown };
      if (e?.code === 'ZZ409') {
        throw new StoreConflict(record.id, expectedVersion, Number(e.detail ?? 0));
      }
      throw error;
    }
    // null: another commit held the counter; this change waits for the next turn
    return seq === null || seq === undefined ? this.#numbered(record.id, record.version) : num(seq);
  }

  /** Commits waiting for a free call, and how many calls are running. */
  #waiting: WaitingCommit[] = [];
  #running = 0;

  /**
   * Sends one commit (its `zz_commit` payload as JSON) and resolves with its sequence number
   * (`null`: queued for the next turn), or rejects with its error (`code` `ZZ409`: a conflict).
   * While `inFlight` calls are running, commits wait and go together in the next call.
   */
  #send(instanceId: string, payload: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ instanceId, payload, resolve, reject });
      this.#startCalls();
    });
  }

  #startCalls(): void {
    while (this.#running < this.#inFlight && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      this.#running += 1;
      void this.#call(batch).finally(() => {
        this.#running -= 1;
        this.#startCalls();
      });
    }
  }

  /** One commit alone: `zz_commit`, one round trip. */
  async #commitOne(payload: string): Promise<unknown> {
    const [row] = await this.driver.query<{ seq: unknown }>(
      'SELECT zz_commit($1::jsonb) AS seq',
      [payload],
      { prepare: true },
    );
    return row?.seq ?? null;
  }

  /**
   * Several commits in one call and one transaction (`zz_commit_many`, migration 6), ordered by
   * instance id so that concurrent groups lock rows in the same order; each gets its own result.
   * One that failed for another reason than a conflict is tried again alone, so it fails (or
   * not) exactly as it would have without company.
   */
  async #call(batch: WaitingCommit[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch as [WaitingCommit];
      await this.#commitOne(only.payload).then(only.resolve, only.reject);
      return;
    }
    const ordered = [...batch].sort((a, b) =>
      a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0,
    );
    let rows: { i: number; seq: unknown; code: string | null; detail: string | null }[];
    try {
      rows = await this.driver.query(
        'SELECT i, seq, code, detail FROM zz_commit_many($1::jsonb)',
        [`[${ordered.map((w) => w.payload).join(',')}]`],
        { prepare: true },
      );
    } catch (error) {
      for (const w of ordered) w.reject(error);
      return;
    }
    const answered = new Set<number>();
    for (const r of rows) {
      const w = ordered[r.i];
      if (!w) continue;
      answered.add(r.i);
      if (r.code === null) w.resolve(r.seq);
      else if (r.code === 'ZZ409') w.reject(Object.assign(new Error('conflict'), r));
      else void this.#commitOne(w.payload).then(w.resolve, w.reject);
    }
    for (const [i, w] of ordered.entries()) {
      if (!answered.has(i))
        w.reject(new Error(`zz_commit_many gave no result for ${w.instanceId}`));
    }
  }

  /** Runs of `zz_sequence()` in this process: one at a time, the next shared by all who wait. */
  #sequencing: Promise<Map<string, number>> | null = null;
  #nextSequencing: Promise<Map<string, number>> | null = null;
  #lastSequenced = 0;

  /** A run of `zz_sequence()` that starts after this call (commits before it are numbered). */
  #sequence(): Promise<Map<string, number>> {
    if (this.#sequencing === null) {
      this.#lastSequenced = Date.now();
      this.#sequencing = this.driver
        .query<{ instance_id: string; version: number; seq: unknown }>(
          'SELECT instance_id, version, seq FROM zz_sequence()',
        )
        .then(
          (rows) => new Map(rows.map((r) => [`${r.instance_id}\u0000${r.version}`, num(r.seq)])),
        )
        .finally(() => {
          this.#sequencing = null;
        });
      return this.#sequencing;
    }
    this.#nextSequencing ??= this.#sequencing
      .catch(() => undefined)
      .then(() => {
        this.#nextSequencing = null;
        return this.#sequence();
      });
    return this.#nextSequencing;
  }

  /** The number of a committed change left queued: by this process's next run, or another's. */
  async #numbered(instanceId: string, version: number): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await this.#sequence();
      const mine = run.get(`${instanceId}\u0000${version}`);
      if (mine !== undefined) return mine;
      const [row] = await this.driver.query<{ seq: unknown }>(
        `SELECT seq FROM changes WHERE instance_id = $1 AND (change->>'version')::integer = $2`,
        [instanceId, version],
      );
      if (row) return num(row.seq);
    }
    throw new Error(`The change of ${instanceId} v${version} was committed but not numbered`);
  }

  async load(caseId: string): Promise<InstanceRecord | undefined> {
    const [row] = await this.driver.query<{ record: InstanceRecord }>(
      'SELECT record FROM instances WHERE id = $1',
      [caseId],
    );
    return row?.record;
  }

  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    const rows = await this.driver.query<{ entry: AuditEntry }>(
      'SELECT entry FROM audit_entries WHERE instance_id = $1 ORDER BY seq',
      [caseId],
    );
    return rows.map((r) => r.entry);
  }

  async timersOf(caseId: string): Promise<Timer[]> {
    const rows = await this.driver.query<{ timer: Timer }>(
      'SELECT timer FROM timers WHERE instance_id = $1 ORDER BY due_at, id',
      [caseId],
    );
    return rows.map((r) => r.timer);
  }

  async dueTimers(now: number, limit: number, kind?: 'sla' | 'step'): Promise<Timer[]> {
    const rows = await this.driver.query<{ timer: Timer }>(
      `SELECT timer FROM timers
       WHERE ${kind ? 'kind = $3 AND ' : ''}due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
       ORDER BY due_at, id LIMIT $2`,
      kind ? [now, limit, kind] : [now, limit],
    );
    return rows.map((r) => r.timer);
  }

  async claimTimer(
    timerId: string,
    claimant: string,
    now: number,
    until: number,
  ): Promise<boolean> {
    const rows = await this.driver.query(
      `UPDATE timers SET claimant = $2, claimed_until = $4
       WHERE id = $1 AND (claimed_until IS NULL OR claimed_until <= $3) RETURNING 1`,
      [timerId, claimant, now, until],
    );
    return rows.length === 1;
  }

  /**
   * Claims up to `limit` due timers at once for `claimant` (until `until`), earliest first,
   * skipping rows another process is claiming right now (`FOR UPDATE SKIP LOCKED`): for a
   * server that fires timers in batches. Not part of the core `Store`.
   */
  async claimDueTimers(
    claimant: string,
    now: number,
    until: number,
    limit: number,
    kind?: 'sla' | 'step',
  ): Promise<Timer[]> {
    const rows = await this.driver.query<{ timer: Timer; due_at: unknown; id: string }>(
      `UPDATE timers SET claimant = $1, claimed_until = $3
       WHERE id IN (
         SELECT id FROM timers
         WHERE ${kind ? 'kind = $5 AND ' : ''}due_at <= $2 AND (claimed_until IS NULL OR claimed_until <= $2)
         ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING timer, due_at, id`,
      kind ? [claimant, now, until, limit, kind] : [claimant, now, until, limit],
    );
    return rows
      .sort((a, b) => num(a.due_at) - num(b.due_at) || (a.id < b.id ? -1 : 1))
      .map((r) => r.timer);
  }

  async query(query: CaseQuery): Promise<InstanceRecord[]> {
    const rows = await this.#select(query, query.limit);
    return rows.map((r) => r.record);
  }

  async page(query: CaseQuery): Promise<Page<InstanceRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? 50, 1000));
    const rows = await this.#select(query, limit + 1);
    if (rows.length <= limit) return { items: rows.map((r) => r.record), cursor: null };
    const items = rows.slice(0, limit);
    return {
      items: items.map((r) => r.record),
      cursor: String(num(items[limit - 1]?.created_order)),
    };
  }

  /** Matching rows in creation order after the cursor: one index range per (kind, town, status). */
  #select(
    query: CaseQuery,
    limit: number | undefined,
  ): Promise<{ record: InstanceRecord; created_order: unknown }[]> {
    const params: unknown[] = [query.kind ?? 'case'];
    const where = ['kind = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const after = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10) || 0;
    if (after > 0) add('created_order > ?', after);
    if (query.townId !== undefined) add('town_id = ?', query.townId);
    if (query.status !== undefined) {
      const statuses = [...new Set([query.status].flat())];
      if (statuses.length === 1) add('status = ?', statuses[0]);
      else add('status = ANY(?::text[])', statuses);
    }
    if (query.section !== undefined) add('section = ?', query.section);
    if (query.overdue !== undefined) {
      let due = 'sla_due_at IS NOT NULL';
      if (query.now !== undefined) {
        params.push(query.now);
        due = `(sla_due_at IS NOT NULL AND sla_due_at <= $${params.length})`;
      }
      where.push(query.overdue ? due : `NOT ${due}`);
    }
    let sql = `SELECT record, created_order FROM instances WHERE ${where.join(' AND ')} ORDER BY created_order`;
    if (limit !== undefined) {
      params.push(limit);
      sql += ` LIMIT $${params.length}`;
    }
    return this.driver.query(sql, params);
  }

  async pendingNotifications(limit: number): Promise<Notification[]> {
    const rows = await this.driver.query<{ notification: Notification }>(
      'SELECT notification FROM notifications WHERE delivered_at IS NULL ORDER BY ord LIMIT $1',
      [limit],
    );
    return rows.map((r) => r.notification);
  }

  async markDelivered(ids: string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    await this.driver.query(
      'UPDATE notifications SET delivered_at = $2 WHERE id = ANY($1::text[]) AND delivered_at IS NULL',
      [ids, at],
    );
  }

  async pendingHandoffs(limit: number): Promise<Handoff[]> {
    const rows = await this.driver.query<{ handoff: Handoff }>(
      `SELECT handoff FROM handoffs WHERE state = 'pending' ORDER BY ord LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.handoff);
  }

  async failHandoff(failure: HandoffFailure): Promise<boolean> {
    const rows = await this.driver.query(
      `UPDATE handoffs SET state = 'failed', failure = $2::jsonb, done_order = nextval('outbox_order')
       WHERE id = $1 AND state = 'pending' RETURNING 1`,
      [failure.handoffId, json(failure)],
    );
    return rows.length === 1;
  }

  async handoffFailures(): Promise<HandoffFailure[]> {
    const rows = await this.driver.query<{ failure: HandoffFailure }>(
      `SELECT failure FROM handoffs WHERE state = 'failed' ORDER BY done_order`,
    );
    return rows.map((r) => r.failure);
  }

  async changesSince(seq: number, filter?: ChangeFilter, limit = 1000): Promise<Change[]> {
    // a change left queued by a process that stopped before its turn is numbered within a
    // second by any reader (or at once by the next commit)
    if (Date.now() - this.#lastSequenced >= 1000) await this.#sequence();
    const params: unknown[] = [seq, limit];
    const where = ['seq > $1'];
    const towns = filter?.townId;
    if (towns !== undefined) {
      const list = typeof towns === 'string' ? [towns] : [...towns];
      params.push(list.length === 1 ? list[0] : list);
      where.push(list.length === 1 ? `town_id = $3` : `town_id = ANY($3::text[])`);
    }
    if (filter?.kind !== undefined) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter?.instanceId !== undefined) {
      params.push(filter.instanceId);
      where.push(`instance_id = $${params.length}`);
    }
    const rows = await this.driver.query<{ seq: unknown; change: Omit<Change, 'seq'> }>(
      `SELECT seq, change FROM changes WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $2`,
      params,
    );
    return rows.map((r) => ({ seq: num(r.seq), ...r.change }));
  }

  async lastSeq(): Promise<number> {
    const [row] = await this.driver.query<{ seq: unknown }>('SELECT seq FROM feed_counter');
    return num(row?.seq);
  }

  async putDefinition(definition: DefinitionRecord): Promise<boolean> {
    const rows = await this.driver.query(
      `INSERT INTO definitions (id, version, deployed_at, deployed_by, doc)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING RETURNING 1`,
      [
        definition.id,
        definition.version,
        definition.deployedAt,
        definition.deployedBy,
        json(definition.doc),
      ],
    );
    return rows.length === 1;
  }

  async definition(id: string, version?: string): Promise<DefinitionRecord | undefined> {
    const rows =
      version === undefined
        ? await this.driver.query<DefinitionRow>(
            `SELECT ${DEFINITION_COLUMNS} FROM definitions WHERE id = $1 ORDER BY ord DESC LIMIT 1`,
            [id],
          )
        : await this.driver.query<DefinitionRow>(
            `SELECT ${DEFINITION_COLUMNS} FROM definitions WHERE id = $1 AND version = $2`,
            [id, version],
          );
    return rows[0] && toDefinition(rows[0]);
  }

  async definitions(): Promise<DefinitionRecord[]> {
    const rows = await this.driver.query<DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} FROM definitions ORDER BY ord`,
    );
    return rows.map(toDefinition);
  }
  async putCheckIn(record: CheckInRecord): Promise<boolean> {
    const rows = await this.driver.query(
      `INSERT INTO check_ins (town_id, id, grid_id, worker_id, at, record)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT DO NOTHING RETURNING 1`,
      [record.townId, record.id, record.gridId, record.workerId, record.at, json(record)],
    );
    return rows.length === 1;
  }

  async checkIns(query: CheckInQuery): Promise<Page<CheckInRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
    const params: unknown[] = [];
    const where = ['TRUE'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const after = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10) || 0;
    if (after > 0) add('stored_order > ?', after);
    const town = query.townId;
    if (typeof town === 'string') add('town_id = ?', town);
    else if (town !== undefined) add('town_id = ANY(?::text[])', [...town]);
    if (query.gridId !== undefined) add('grid_id = ?', query.gridId);
    if (query.workerId !== undefined) add('worker_id = ?', query.workerId);
    if (query.id !== undefined) add('id = ?', query.id);
    if (query.from !== undefined) add('at >= ?', query.from);
    if (query.to !== undefined) add('at < ?', query.to);
    params.push(limit + 1);
    const rows = await this.driver.query<{ record: CheckInRecord; stored_order: unknown }>(
      `SELECT record, stored_order FROM check_ins WHERE ${where.join(' AND ')}
       ORDER BY stored_order LIMIT $${params.length}`,
      params,
    );
    if (rows.length <= limit) return { items: rows.map((r) => r.record), cursor: null };
    const items = rows.slice(0, limit);
    return {
      items: items.map((r) => r.record),
      cursor: String(num(items[limit - 1]?.stored_order)),
    };
  }
}

/**
 * Options of {@link PgStore.open}.
 *
 * @example
 * ```ts
 * import { PgStore, pgDriver, type PgStoreOptions } from '@zhizhi/server';
 * const options: PgStoreOptions = { groupCommit: { inFlight: 1, maxBatch: 32 } };
 * const store = await PgStore.open(pgDriver('postgres://postgres@127.0.0.1:5432/zhizhi'), options);
 * ```
 */
export interface PgStoreOptions {
  /**
   * Group commit (decision 0018): while `inFlight` commit calls are running (default 1), the
   * commits that arrive wait and go together, up to `maxBatch` (default 32, at most 60), in one
   * call and one transaction — one round trip and one disk flush for all — each with its own
   * result (a conflict stays the one commit's). `false`: every commit is its own call at once.
   */
  groupCommit?: false | { inFlight?: number; maxBatch?: number };
}

interface WaitingCommit {
  instanceId: string;
  payload: string;
  resolve: (seq: unknown) => void;
  reject: (error: unknown) => void;
}

interface DefinitionRow {
  id: string;
  version: string;
  doc: unknown;
  deployed_at: unknown;
  deployed_by: string;
}
const DEFINITION_COLUMNS = 'id, version, doc, deployed_at, deployed_by';
const toDefinition = (r: DefinitionRow): DefinitionRecord => ({
  id: r.id,
  version: r.version,
  doc: r.doc,
  deployedAt: num(r.deployed_at),
  deployedBy: r.deployed_by,
});

/**
 * Brings the database to {@link SCHEMA_VERSION} in one transaction, under an advisory lock so
 * that processes opening it together migrate it once; refuses a database from newer code.
 */
export async function migrate(driver: Driver): Promise<{ from: number; to: number }> {
  return driver.transaction(async (tx: Queryable) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('zhizhi.schema:' || current_schema()))`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_version (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const [row] = await tx.query<{ v: unknown }>('SELECT max(version) AS v FROM schema_version');
    const from = num(row?.v);
    if (from > SCHEMA_VERSION) throw new SchemaTooNew(from, SCHEMA_VERSION);
    for (const m of migrations) {
      if (m.version <= from) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    }
    return { from, to: Math.max(from, SCHEMA_VERSION) };
  });
}
