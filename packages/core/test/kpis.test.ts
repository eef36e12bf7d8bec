import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../src/index.js';
import { type CaseWithTrail, computeKpis } from '../src/kpi/index.js';
import type { Engine } from '../src/runtime.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

const MINUTE = 60_000;

async function withTrails(engine: Engine): Promise<CaseWithTrail[]> {
  const records = await engine.list();
  return Promise.all(
    records.map(async (record) => ({ record, audit: await engine.auditTrail(record.id) })),
  );
}

describe('computeKpis keyed by user data', () => {
  it('given cases whose category, grid, post and outcome are Object.prototype names (rows written before the id rule), then each is counted under its own key', async () => {
    const { engine } = makeEngine();
    await engine.report(riverReport);
    await engine.report({ ...riverReport, id: 'river-2' });
    await engine.report({ ...riverReport, id: 'river-3' });
    const cases = await withTrails(engine);
    const forged = cases.map(({ record, audit }, i) => ({
      audit,
      record: {
        ...record,
        status: i === 0 ? 'closed' : record.status,
        context: {
          ...record.context,
          category: ['constructor', 'toString', '__proto__'][i] as string,
          gridId: '__proto__',
          section: 'hasOwnProperty',
          outcome: i === 0 ? 'valueOf' : null,
          lead: { kind: 'post', id: 'constructor' },
        },
      } as unknown as CaseRecord,
    }));
    const k = computeKpis(forged, { now: Date.now() });
    expect({ ...k.byCategory }).toEqual({ constructor: 1, toString: 1, ['__proto__']: 1 });
    expect(Object.hasOwn(k.byCategory, '__proto__')).toBe(true);
    expect(Object.entries(k.byGrid)).toEqual([['__proto__', 3]]);
    expect(k.bySection.hasOwnProperty).toBe(3);
    expect(k.byPost.constructor).toBe(3);
    expect(k.byOutcome.valueOf).toBe(1);
    expect(JSON.parse(JSON.stringify(k.byCategory))).toEqual(
      JSON.parse('{"constructor":1,"toString":1,"__proto__":1}'),
    );
  });
});

describe('computeKpis on one-click cases (a report that names a lead)', () => {
  it('given a one-click case acknowledged 10 minutes after the report and resolved 2 hours later, then accept leaves it out, acknowledge counts 10 minutes from the report and resolve 2 h 10 min', async () => {
    const { engine, clock } = makeEngine();
    const opened = await engine.report({
      ...riverReport,
      reporterId: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    expect(opened.ok && opened.record.status).toBe('assigned');
    clock.advance(10 * MINUTE);
    await engine.send('river-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' });
    clock.advance(120 * MINUTE);
    await engine.send('river-1', { type: 'RESOLVE', by: 'qj-sj-czjs-staff', result: '已封堵' });
    const k = computeKpis(await withTrails(engine), { now: clock.now() });
    expect(k.durations.accept.count).toBe(0);
    expect(k.slaCompliance.accept).toEqual({ met: 0, missed: 0, rate: null });
    expect(k.durations.acknowledge).toMatchObject({ count: 1, median: 10 * MINUTE });
    expect(k.slaCompliance.acknowledge).toEqual({ met: 1, missed: 0, rate: 1 });
    expect(k.durations.resolve).toMatchObject({ count: 1, median: 130 * MINUTE });
  });

  it('given a one-click case returned and dispatched again, then acknowledge counts both runs, each from its own dispatch', async () => {
    const { engine, clock } = makeEngine();
    await engine.report({
      ...riverReport,
      reporterId: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    clock.advance(5 * MINUTE);
    await engine.send('river-1', { type: 'RETURN', by: 'qj-sj-czjs-staff', reason: '不属本岗' });
    clock.advance(5 * MINUTE);
    await engine.send('river-1', {
      type: 'DISPATCH',
      by: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    clock.advance(20 * MINUTE);
    await engine.send('river-1', { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' });
    const k = computeKpis(await withTrails(engine), { now: clock.now() });
    expect(k.durations.acknowledge).toMatchObject({ count: 1, median: 20 * MINUTE });
    expect(k.slaCompliance.acknowledge).toEqual({ met: 2, missed: 0, rate: 1 });
    expect(k.durations.accept.count).toBe(0);
  });
});
