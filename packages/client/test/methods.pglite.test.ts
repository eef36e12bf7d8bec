import { PGlite } from '@electric-sql/pglite';
import { builtInScenarios } from '@zhizhi/core/sample';
import { PgStore, pgliteDriver } from '@zhizhi/server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../src/index.js';
import { DUTY, demoTokens, report, serve, WORKER } from './helpers.js';

const db = await PGlite.create('memory://');
afterAll(() => db.close());

let t: Awaited<ReturnType<typeof serve>>;
beforeEach(async () => {
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  t = await serve(await PgStore.open(await pgliteDriver(db)));
});
afterEach(() => t.close());

const scenario = (id: string) => builtInScenarios.find((d) => d.id === id);
const band = {
  scenario: 'elderly-health-band',
  trigger: 'manual',
  by: DUTY,
  gridId: 'qj-sj-c1-g1',
};

describe('HttpClient beyond the conformance suite', () => {
  it('lists instances in creation order, a page at a time (GET /api/instances)', async () => {
    const c = t.client;
    expect((await c.deploy(scenario('elderly-health-band'), DUTY)).ok).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await c.start(band);
      if (r.ok) ids.push(r.record.id);
      await c.report(report(`夹杂 ${i}`));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 5; n++) {
      const page = await c.listInstances({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((x) => x.id));
      if (page.cursor === null) break;
      cursor = page.cursor;
    }
    expect(seen).toEqual(ids);
    expect((await c.listInstances({ townId: 'qj-th' })).items).toEqual([]);
  });

  it('sends instance commands with If-Match: a stale version is a conflict; audit finds an instance', async () => {
    const c = t.client;
    await c.deploy(scenario('elderly-health-band'), DUTY);
    const r = await c.start(band);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const stale = await c.command(
      r.record.id,
      { type: 'SIGNAL', by: DUTY, name: 'nothing' },
      { expectedVersion: r.record.version + 5 },
    );
    expect(!stale.ok && stale.error.code.endsWith('conflict')).toBe(true);
    expect((await c.audit(r.record.id)).length).toBeGreaterThan(0);
    expect(await c.getInstance('nope')).toBeUndefined();
    expect(await c.getCase('nope')).toBeUndefined();
    expect(await c.audit('nope')).toEqual([]);
  });

  it('returns the checker’s diagnostics of a refused deploy, and a role refusal as a diagnostic', async () => {
    const bad = await t.client.deploy({ id: 'broken', version: '1.0.0', steps: 7 }, DUTY);
    expect(!bad.ok && bad.diagnostics.length).toBeGreaterThan(0);
    const worker = await t.client.deploy(scenario('elderly-health-band'), WORKER);
    expect(!worker.ok && worker.diagnostics[0]?.code).toBe('auth.roleNotAllowed');
    expect(await t.client.definition('broken')).toBeUndefined();
  });

  it('takes sensor readings: refusals by index, started instances with their record and entry', async () => {
    await t.client.deploy(scenario('electrical-fire'), DUTY);
    const out = await t.client.readings('qj-sj-sensor', [
      {
        deviceId: 'qj-sj-elec-017',
        gridId: 'qj-sj-c1-g1',
        location: { lat: 28.96, lng: 106.65, address: '养老服务中心配电箱' },
        seq: 1,
        deviceTime: Date.parse('2026-09-01T00:00:00Z'),
        type: 'leakage',
        level: 1,
      },
      { deviceId: 'qj-sj-elec-017', seq: 2, deviceTime: -5, type: 'leakage', level: 9 },
    ]);
    expect(out.accepted).toBe(1);
    expect(out.refused.map((r) => r.index)).toEqual([1]);
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) {
        expect(r.record.scenario.id).toBe('electrical-fire');
        expect(typeof r.entry.event).toBe('string');
      }
    }
  });

  it('with one token (SSO), commands as another member are refused as not the caller', async () => {
    const token = await demoTokens(t.baseUrl)(WORKER);
    const sso = new HttpClient({ baseUrl: t.baseUrl, token });
    const mine = await sso.report(report('本人上报'));
    expect(mine.ok).toBe(true);
    const other = await sso.report({ ...report('冒名'), reporterId: 'qj-sj-c1-g2-worker' });
    expect(!other.ok && other.error.code).toBe('auth.notCaller');
    expect(
      (await sso.actions(mine.ok ? mine.record.id : '', WORKER)).map((a) => a.type),
    ).not.toContain('ACCEPT');
  });
});
