import { describe, expect, it } from 'vitest';
import type { CaseRecord, Engine } from '../src/index.js';
import { type CaseWithTrail, computeKpis } from '../src/kpi/index.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

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
