import type { Client } from '../client/Client.js';
import type { Change } from '../runtime/Change.js';
import { builtInScenarios } from '../sample/builtInScenarios.js';

/**
 * A client under test and the controls a conformance run needs: move the clock (and fire what
 * fell due), and release everything at the end.
 *
 * @example
 * ```ts
 * import type { ClientUnderTest } from '@zhizhi/core/testing';
 * const later = (t: ClientUnderTest) => t.advance(60_000);
 * ```
 */
export interface ClientUnderTest {
  client: Client;
  /** Moves the client's clock on by `ms` and fires every timer that fell due. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The test functions of the runner in use (vitest, jest, node:test with an `expect`): the suite
 * is written against these, so any runner can run it.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import type { TestApi } from '@zhizhi/core/testing';
 * const api: TestApi = { describe, it, expect } as unknown as TestApi;
 * ```
 */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  expect(
    value: unknown,
    message?: string,
  ): {
    toBe(expected: unknown): void;
    toEqual(expected: unknown): void;
    toBeGreaterThan(n: number): void;
    toContain(item: unknown): void;
    toBeUndefined(): void;
    not: { toContain(item: unknown): void; toBe(expected: unknown): void };
  };
}

const GRID = 'qj-sj-c1-g1';
const WORKER = 'qj-sj-c1-g1-worker';
const DUTY = 'qj-sj-duty';
const report = (title: string, extra: Record<string, unknown> = {}) => ({
  gridId: GRID,
  reporterId: WORKER,
  category: 'riverPollution',
  severity: 'medium',
  title,
  ...extra,
});

const sleep = (ms: number) =>
  new Promise<void>((resolve) =>
    (globalThis as unknown as { setTimeout(f: () => void, ms: number): void }).setTimeout(
      resolve,
      ms,
    ),
  );

function must<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify((r as { error?: unknown }).error)}`);
  return r as Extract<T, { ok: true }>;
}

/**
 * The conformance suite every {@link Client} implementation runs — `LocalClient` over
 * `MemoryStore` in core, `HttpClient` against a running server on PGlite and on PostgreSQL —
 * on the sample org (`@zhizhi/core/sample`): commands, refusals that change nothing, optimistic
 * versions, idempotent reports, paging with a cursor, the actions a member may take, versioned
 * definitions, the dispatch hand-off and its acknowledgement, KPIs, and the change feed.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { LocalClient } from '@zhizhi/core/client';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { clientConformance, type TestApi } from '@zhizhi/core/testing';
 * clientConformance('LocalClient', async () => {
 *   const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
 *   const client = new LocalClient({ directory: new Directory(sampleOrg), clock });
 *   return { client, advance: async (ms) => { clock.advance(ms); await client.tick(); }, close: () => client.close() };
 * }, { describe, it, expect } as unknown as TestApi);
 * ```
 */
export function clientConformance(
  name: string,
  make: () => Promise<ClientUnderTest>,
  { describe, it, expect }: TestApi,
): void {
  const run = (title: string, body: (t: ClientUnderTest) => Promise<void>) =>
    it(title, async () => {
      const t = await make();
      try {
        await body(t);
      } finally {
        await t.close();
      }
    });

  describe(`Client conformance: ${name}`, () => {
    run(
      'given a report, when it is read back, then the case, its trail and its version agree',
      async ({ client }) => {
        const r = must(await client.report(report('雨污混流')));
        expect(r.record.version).toBe(1);
        expect(r.seq).toBeGreaterThan(0);
        const read = await client.getCase(r.record.id);
        expect(read?.status).toBe('intake');
        const trail = await client.audit(r.record.id);
        expect(trail.map((e) => e.event)).toEqual(['REPORT']);
      },
    );

    run(
      'given an event from a role that may not send it, then it is refused and nothing changes',
      async ({ client }) => {
        const r = must(await client.report(report('管网破损')));
        const refused = await client.send(r.record.id, { type: 'ACCEPT', by: WORKER });
        expect(refused.ok).toBe(false);
        expect((await client.getCase(r.record.id))?.version).toBe(1);
        const unknown = await client.send(r.record.id, { type: '__proto__', by: DUTY });
        expect(unknown.ok).toBe(false);
        expect((await client.audit(r.record.id)).length).toBe(1);
      },
    );

    run(
      'given a stale expected version, then the event is refused as a conflict',
      async ({ client }) => {
        const r = must(await client.report(report('污水外溢')));
        must(await client.send(r.record.id, { type: 'ACCEPT', by: DUTY }, { expectedVersion: 1 }));
        const stale = await client.send(
          r.record.id,
          { type: 'REJECT', by: DUTY, reason: '重复' },
          { expectedVersion: 1 },
        );
        expect(!stale.ok && stale.error.code.endsWith('conflict')).toBe(true);
        expect((await client.getCase(r.record.id))?.status).toBe('dispatching');
      },
    );

    run('given the same idempotency key twice, then one case is opened', async ({ client }) => {
      const a = must(await client.report(report('井盖缺失'), { idempotencyKey: 'k-1' }));
      const b = must(await client.report(report('井盖缺失'), { idempotencyKey: 'k-1' }));
      expect(b.record.id).toBe(a.record.id);
      const page = await client.listCases({ townId: 'qj-sj', limit: 100 });
      expect(page.items.filter((c) => c.id === a.record.id).length).toBe(1);
    });

    run(
      'given five cases, when listed two at a time, then every case comes once in creation order',
      async ({ client }) => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
          ids.push(must(await client.report(report(`第${i}件`))).record.id);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 10; pages++) {
          const page = await client.listCases({
            townId: 'qj-sj',
            status: 'intake',
            limit: 2,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...page.items.map((c) => c.id));
          if (page.cursor === null) break;
          cursor = page.cursor;
        }
        expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
      },
    );

    run(
      'given a case in intake, then the duty officer may accept it and the grid worker may not',
      async ({ client }) => {
        const r = must(await client.report(report('河道漂浮物')));
        const duty = (await client.actions(r.record.id, DUTY)).map((a) => a.type);
        expect(duty).toContain('ACCEPT');
        expect(duty).not.toContain('SLA_OVERDUE');
        const worker = (await client.actions(r.record.id, WORKER)).map((a) => a.type);
        expect(worker).not.toContain('ACCEPT');
        const accept = (await client.actions(r.record.id, DUTY)).find((a) => a.type === 'ACCEPT');
        expect(typeof accept?.schema).toBe('object');
      },
    );

    run(
      'given two versions of a definition, then a running instance stays on its version and new ones take the latest',
      async ({ client }) => {
        const band = builtInScenarios.find((d) => d.id === 'elderly-health-band');
        must(await client.deploy(band, 'qj-sj-duty'));
        const first = must(
          await client.start({
            scenario: 'elderly-health-band',
            trigger: 'manual',
            by: DUTY,
            gridId: GRID,
          }),
        );
        const v2 = { ...band, version: '9.9.9', name: { zh: '健康手环 v2', en: 'Health band v2' } };
        must(await client.deploy(v2, 'qj-sj-duty'));
        const again = await client.deploy(
          { ...v2, name: { zh: '改', en: 'changed' } },
          'qj-sj-duty',
        );
        expect(again.ok).toBe(false);
        const second = must(
          await client.start({
            scenario: 'elderly-health-band',
            trigger: 'manual',
            by: DUTY,
            gridId: GRID,
          }),
        );
        expect((await client.getInstance(first.record.id))?.scenario.version).toBe(band?.version);
        expect(second.record.scenario.version).toBe('9.9.9');
        expect((await client.definitions()).length).toBe(2);
        expect((await client.definition('elderly-health-band'))?.version).toBe('9.9.9');
      },
    );

    run(
      'given a level-1 leakage warning, then its dispatch step opens a case and the case’s acknowledgement moves the instance',
      async ({ client }) => {
        must(
          await client.deploy(
            builtInScenarios.find((d) => d.id === 'electrical-fire'),
            DUTY,
          ),
        );
        const started = must(
          await client.start({
            scenario: 'electrical-fire',
            trigger: 'leakageWarning',
            by: 'qj-sj-sensor',
            gridId: GRID,
            data: { alarmType: 'leakage', level: 1, location: '养老服务中心配电箱' },
          }),
        );
        const instance = await client.getInstance(started.record.id);
        const caseId = instance?.context.cases.dispatchLevel1 ?? '';
        const opened = await client.getCase(caseId);
        expect(opened?.status).toBe('assigned');
        const before = instance?.status;
        must(await client.send(caseId, { type: 'ACKNOWLEDGE', by: 'qj-sj-xfgl-staff' }));
        const after = await client.getInstance(started.record.id);
        expect(after?.status).not.toBe(before);
        expect(after?.version).toBe((instance?.version ?? 0) + 1);
      },
    );

    run(
      'given commits, when the feed is read from any point, then it resumes with nothing missed and nothing twice',
      async ({ client }) => {
        const start = (await client.changesSince(0)).at(-1)?.seq ?? 0;
        const ids: string[] = [];
        for (let i = 0; i < 4; i++)
          ids.push(must(await client.report(report(`feed ${i}`))).record.id);
        must(await client.send(ids[0] as string, { type: 'ACCEPT', by: DUTY }));
        const all = await client.changesSince(start);
        expect(all.length).toBe(5);
        const seqs = all.map((c) => c.seq);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(5);
        const rest = await client.changesSince(seqs[1] as number);
        expect(rest.map((c) => c.seq)).toEqual(seqs.slice(2));
        expect((await client.changesSince(start, { townId: 'qj-th' })).length).toBe(0);
        expect(
          (await client.changesSince(start, { instanceId: ids[0] as string })).map(
            (c) => c.version,
          ),
        ).toEqual([1, 2]);
      },
    );

    run(
      'given a subscription from a sequence number, then it hears each later change once, in order',
      async ({ client }) => {
        const first = must(await client.report(report('订阅前')));
        const heard: Change[] = [];
        const sub = await client.subscribe((c) => heard.push(c), { since: first.seq });
        must(await client.report(report('订阅后 1')));
        must(await client.send(first.record.id, { type: 'ACCEPT', by: DUTY }));
        for (let i = 0; i < 50 && heard.length < 2; i++) await sleep(20);
        sub.close();
        expect(heard.map((c) => c.entry.event)).toEqual(['REPORT', 'ACCEPT']);
        expect(heard[0]?.seq).toBeGreaterThan(first.seq);
      },
    );

    run(
      'given cases in two towns, when KPIs are read for one town and period, then they count only those cases',
      async ({ client, advance }) => {
        const a = must(await client.report(report('KPI 一', { category: 'roadDamage' })));
        must(await client.report(report('KPI 二')));
        must(
          await client.report({
            ...report('KPI 通惠'),
            gridId: 'qj-th-c1-g1',
            reporterId: 'qj-th-c1-g1-worker',
          }),
        );
        await advance(60_000);
        must(await client.send(a.record.id, { type: 'ACCEPT', by: DUTY }));
        const k = await client.kpis({ townId: 'qj-sj' });
        expect(k.cases).toBe(2);
        expect(k.open).toBe(2);
        expect(k.byCategory.riverPollution).toBe(1);
        expect(k.byCategory.roadDamage).toBe(1);
        expect(k.durations.accept.count).toBe(1);
        expect(k.durations.accept.mean).toBe(60_000);
        expect(k.byDay['2026-09-01']).toBe(2);
        const reportedAt = a.entry.at;
        expect((await client.kpis({ townId: 'qj-sj', from: reportedAt + 1 })).cases).toBe(0);
        expect((await client.kpis({ townId: 'qj-sj', to: reportedAt + 1 })).cases).toBe(2);
        expect((await client.kpis({ townId: 'qj-th' })).cases).toBe(1);
      },
    );

    run(
      'given an SLA deadline that passes, then the timer fires once and the change is in the feed',
      async ({ client, advance }) => {
        const r = must(await client.report(report('逾期')));
        await advance(3 * 60 * 60_000);
        await advance(60_000);
        const trail = await client.audit(r.record.id);
        const overdue = trail.filter((e) => e.event === 'SLA_OVERDUE');
        expect(overdue.length).toBeGreaterThan(0);
        const fed = await client.changesSince(r.seq, { instanceId: r.record.id });
        expect(fed.length).toBe(trail.length - 1);
      },
    );

    // ── check-ins (打卡) ─────────────────────────────────────────────────────────────────
    run(
      "given a grid worker's check-in, when it is listed, then it is stored once with the worker's grid and town, and a retry stores nothing new",
      async ({ client }) => {
        const input = {
          dutyId: 'serveResidents',
          kind: 'call',
          household: '11-2-301',
          note: '电话问候',
        };
        const first = must(await client.checkIn(WORKER, input));
        expect(first.created).toBe(true);
        expect(first.record.workerId).toBe(WORKER);
        expect(first.record.gridId).toBe(GRID);
        expect(first.record.townId).toBe('qj-sj');
        const again = must(await client.checkIn(WORKER, { ...input, at: first.record.at }));
        expect(again.created).toBe(false);
        expect(again.record.id).toBe(first.record.id);
        const page = await client.listCheckIns({ workerId: WORKER });
        expect(page.items.map((c) => c.id)).toEqual([first.record.id]);
        expect(page.items[0]?.household).toBe('11-2-301');
        expect((await client.listCheckIns({ workerId: 'qj-sj-c1-g2-worker' })).items).toEqual([]);
      },
    );

    run(
      'given a check-in by a member off any grid crew, with a workerId in the input, or malformed, then it is refused naming the path and nothing is stored',
      async ({ client }) => {
        const byDuty = await client.checkIn(DUTY, { dutyId: 'dailyPatrol', kind: 'patrol' });
        expect(byDuty.ok ? '' : byDuty.error.code).toBe('checkIn.notGridCrew');
        const forged = await client.checkIn(WORKER, {
          dutyId: 'dailyPatrol',
          kind: 'patrol',
          workerId: 'qj-sj-c1-g2-worker',
        });
        expect(forged.ok).toBe(false);
        const bad = await client.checkIn(WORKER, { dutyId: '', kind: 'patrol' });
        expect(bad.ok ? '' : bad.error.path.join('.')).toContain('dutyId');
        const future = await client.checkIn(WORKER, {
          dutyId: 'dailyPatrol',
          kind: 'patrol',
          at: Date.parse('2099-01-01T00:00:00Z'),
        });
        expect(future.ok ? '' : future.error.path.join('.')).toBe('at');
        expect((await client.listCheckIns({})).items).toEqual([]);
      },
    );

    run(
      'given check-ins over several days, then listCheckIns keeps to the span asked for, a page at a time in the order stored',
      async ({ client }) => {
        const day = 86_400_000;
        const t0 = Date.parse('2026-08-20T09:00:00+08:00');
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
          ids.push(
            must(
              await client.checkIn(WORKER, {
                dutyId: 'dailyPatrol',
                kind: 'patrol',
                at: t0 + i * day,
              }),
            ).record.id,
          );
        const span = { workerId: WORKER, from: t0 + day, to: t0 + 4 * day };
        const first = await client.listCheckIns({ ...span, limit: 2 });
        expect(first.items.map((c) => c.id)).toEqual(ids.slice(1, 3));
        expect(first.cursor === null).toBe(false);
        const rest = await client.listCheckIns({
          ...span,
          limit: 2,
          cursor: first.cursor as string,
        });
        expect(rest.items.map((c) => c.id)).toEqual(ids.slice(3, 4));
        expect(rest.cursor).toBe(null);
      },
    );
    // ── end of check-ins ─────────────────────────────────────────────────────────────────
  });
}
