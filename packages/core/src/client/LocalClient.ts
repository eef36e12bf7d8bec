import { createAlertNormalizer } from '../alert/createAlertNormalizer.js';
import { sha256 } from '../audit/sha256.js';
import { authorizeActor } from '../case/authorizeCaseEvent.js';
import { type CaseEventType, caseEventSchemas } from '../case/caseEventSchemas.js';
import type { CheckInQuery, CheckInRecord } from '../duty/CheckInRecord.js';
import type { CaseRecord, ScenarioRecord } from '../engine/caseRecord.js';
import type { Clock } from '../engine/clock.js';
import { Engine, type EngineOptions } from '../engine/Engine.js';
import type { CaseQuery, Page } from '../engine/Store.js';
import { caseError } from '../errors/CaseError.js';
import type { Kpis } from '../kpi/computeKpis.js';
import { type KpiQuery, readKpis } from '../kpi/readKpis.js';
import type { Change, ChangeFilter } from '../runtime/Change.js';
import type { RuntimeResult, Subscription } from '../runtime/Runtime.js';
import { ScenarioEngine } from '../scenario/run/ScenarioEngine.js';
import type { CaseAction, CheckInResult, Client, DeployResult, ReadingsResult } from './Client.js';
import { caseEventJsonSchema } from './caseEventJsonSchema.js';
import { checkInRecordOf } from './checkInRecordOf.js';

/** Events only the runtime sends (timers), never offered to a member. */
const SYSTEM_ONLY = new Set<string>(['SLA_OVERDUE']);

/**
 * Options of a {@link LocalClient}: those of an `Engine` (directory, store, clock, SLA policy,
 * duty lists…) and the alert normaliser's hold-down.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { MemoryStore } from '@zhizhi/core/runtime';
 * import type { LocalClientOptions } from '@zhizhi/core/client';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const options: LocalClientOptions = { directory: new Directory(sampleOrg), store: new MemoryStore() };
 * ```
 */
export interface LocalClientOptions extends EngineOptions {
  holdDownMs?: number;
}

/**
 * The {@link Client} contract over the runtime in this page or process, on any `Store`
 * (`MemoryStore` in a browser, a database on a server): the designer's simulation, tests, and
 * embedded widgets without a server use it. Every call goes through the one runtime with the
 * case and scenario kinds plugged in.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { LocalClient } from '@zhizhi/core/client';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const client = new LocalClient({ directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-03-02T09:00:00+08:00') });
 * const r = await client.report({ gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker',
 *   category: 'riverPollution', severity: 'medium', title: '雨污混流' });
 * ```
 */
export class LocalClient implements Client {
  readonly engine: Engine;
  readonly scenarios: ScenarioEngine;
  readonly clock: Clock;
  readonly #normalizer: ReturnType<typeof createAlertNormalizer>;
  readonly #subs = new Set<Subscription>();

  constructor(options: LocalClientOptions) {
    this.engine = new Engine(options);
    this.scenarios = new ScenarioEngine(this.engine);
    this.clock = this.engine.clock;
    this.#normalizer = createAlertNormalizer({ holdDownMs: options.holdDownMs ?? 60_000 });
  }

  async report(
    input: unknown,
    options: { idempotencyKey?: string } = {},
  ): Promise<RuntimeResult<CaseRecord>> {
    const key = options.idempotencyKey;
    if (key === undefined || typeof input !== 'object' || input === null) {
      return this.engine.report(input);
    }
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
      return {
        ok: false,
        error: caseError('payload.invalid', { path: 'idempotencyKey', rule: '1–200 characters' }),
      };
    }
    // the key, per reporter, decides the id: a retry finds the case its first try opened
    const reporter = String((input as { reporterId?: unknown }).reporterId);
    const id = `idem:${sha256(`${reporter}\u0000${key}`).slice(0, 32)}`;
    const opened = await this.engine.runtime.create<CaseRecord>('case', input, { id });
    if (opened.ok || opened.error.code !== 'case.exists') return opened;
    const existing = await this.engine.get(id);
    const trail = existing ? await this.engine.auditTrail(id) : [];
    const first = trail[0];
    if (!existing || !first || first.actorId !== reporter) return opened;
    return { ok: true, record: existing, entry: first, notifications: [], seq: 0 };
  }

  /**
   * Sends an event to a case (see {@link Client.send}). In process, `record` — the case as the
   * caller has just read it — saves reading it again; a stale one is re-read, never applied.
   */
  send(
    caseId: string,
    command: unknown,
    options: { expectedVersion?: number; record?: CaseRecord } = {},
  ): Promise<RuntimeResult<CaseRecord>> {
    return this.engine.send(caseId, command, options);
  }

  start(input: unknown): Promise<RuntimeResult<ScenarioRecord>> {
    return this.scenarios.start(input);
  }

  command(
    instanceId: string,
    command: unknown,
    options: { expectedVersion?: number } = {},
  ): Promise<RuntimeResult<ScenarioRecord>> {
    return this.scenarios.send(instanceId, command, options);
  }

  async readings(by: string, readings: unknown[]): Promise<ReadingsResult> {
    const member = this.engine.directory.member(by);
    const out: ReadingsResult = { accepted: 0, refused: [], results: [] };
    if (member?.role !== 'sensor') {
      const e = caseError('actor.unknown', { actorId: String(by).slice(0, 128) }, ['by']);
      out.refused = readings.map((_, index) => ({ index, code: e.code, message: e.message }));
      return out;
    }
    for (const [index, reading] of readings.entries()) {
      const pushed = this.#normalizer.push(reading);
      if (pushed.dropped) {
        const d = pushed.diagnostics[0];
        out.refused.push({
          index,
          code: d?.code ?? `alert.${pushed.dropped}`,
          message: d?.message ?? { zh: pushed.dropped, en: pushed.dropped },
        });
        continue;
      }
      out.accepted += 1;
      for (const event of pushed.events)
        out.results.push(...(await this.scenarios.onAlert(event, by)));
    }
    return out;
  }

  async deploy(doc: unknown, by: string): Promise<DeployResult> {
    const member = this.engine.directory.member(by);
    if (!member || !['dutyOfficer', 'commander', 'cityOperator', 'system'].includes(member.role)) {
      const e = caseError('actor.unknown', { actorId: String(by).slice(0, 128) }, ['by']);
      return { ok: false, diagnostics: [{ ...e, severity: 'error' }] };
    }
    return this.scenarios.kind.deploy(this.engine.runtime.host, doc, by);
  }

  getCase(id: string): Promise<CaseRecord | undefined> {
    return this.engine.get(id);
  }

  getInstance(id: string): Promise<ScenarioRecord | undefined> {
    return this.scenarios.get(id);
  }

  audit(id: string) {
    return this.engine.store.auditTrail(id);
  }

  async listCases(query: Omit<CaseQuery, 'kind'> = {}): Promise<Page<CaseRecord>> {
    const q = query.overdue === undefined ? query : { now: this.clock.now(), ...query };
    return (await this.engine.store.page({ ...q, kind: 'case' })) as Page<CaseRecord>;
  }

  async listInstances(query: Omit<CaseQuery, 'kind'> = {}): Promise<Page<ScenarioRecord>> {
    return (await this.engine.store.page({ ...query, kind: 'scenario' })) as Page<ScenarioRecord>;
  }

  async actions(caseId: string, memberId: string): Promise<CaseAction[]> {
    const record = await this.engine.get(caseId);
    const member = this.engine.directory.member(memberId);
    if (!record || !member || member.role === 'system') return [];
    const out: CaseAction[] = [];
    for (const type of Object.keys(caseEventSchemas) as CaseEventType[]) {
      if (SYSTEM_ONLY.has(type)) continue;
      if (authorizeActor(this.engine.directory, record.status, record.context, type, member))
        continue;
      out.push({ type, schema: caseEventJsonSchema(type) });
    }
    return out;
  }

  definitions() {
    return this.engine.store.definitions();
  }

  definition(id: string, version?: string) {
    return this.engine.store.definition(id, version);
  }

  changesSince(seq: number, filter?: ChangeFilter, limit?: number): Promise<Change[]> {
    return this.engine.store.changesSince(seq, filter, limit);
  }

  async subscribe(
    listener: (change: Change) => void,
    options: { since?: number; filter?: ChangeFilter } = {},
  ): Promise<Subscription> {
    const sub = await this.engine.runtime.subscribe(listener, options);
    this.#subs.add(sub);
    return sub;
  }

  kpis(query: KpiQuery): Promise<Kpis> {
    return readKpis(this, query, { now: this.clock.now() });
  }

  // ── check-ins (打卡) ──────────────────────────────────────────────────────────────────
  async checkIn(by: string, input: unknown): Promise<CheckInResult> {
    const made = checkInRecordOf(this.engine.directory, by, input, this.clock.now());
    if (!made.ok) return made;
    const store = this.engine.store;
    if (await store.putCheckIn(made.record))
      return { ok: true, record: made.record, created: true };
    const [stored] = (await store.checkIns({ id: made.record.id, limit: 1 })).items;
    return { ok: true, record: stored ?? made.record, created: false };
  }

  listCheckIns(query: CheckInQuery = {}): Promise<Page<CheckInRecord>> {
    return this.engine.store.checkIns(query);
  }
  // ── end of check-ins ───────────────────────────────────────────────────────────────────

  /** Fires due timers and delivers hand-offs (call it as the clock moves). */
  tick() {
    return this.engine.tick();
  }

  async close(): Promise<void> {
    for (const sub of this.#subs) sub.close();
    this.#subs.clear();
  }
}
