import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessByList,
  builtInGridDuties,
  type CheckIn,
  checkInSchema,
  type GridDutyList,
  gridDutyListSchema,
  parseGridDutyList,
  sampleGridDutyList,
  sampleGridRoster,
} from '../src/duty/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2026-01-05 00:00 in Chongqing (UTC+8). */
const MONDAY = Date.UTC(2026, 0, 4, 16);
const WORKER = sampleGridRoster.workerId;
const week = { ...sampleGridRoster, from: MONDAY, to: MONDAY + 7 * DAY };

const checkIn = (
  dutyId: string,
  kind: string,
  at: number,
  extra: Partial<CheckIn> = {},
): CheckIn => ({
  workerId: WORKER,
  dutyId,
  kind,
  at,
  ...extra,
});

/** Everything the sample list asks of the sample worker in one week, done on time. */
function fullWeek(): CheckIn[] {
  const out: CheckIn[] = [];
  for (let d = 0; d < 7; d++) {
    const day = MONDAY + d * DAY;
    out.push(checkIn('dailyPatrol', 'patrol', day + 9 * HOUR));
    for (const household of sampleGridRoster.households) {
      out.push(checkIn('serveResidents', d % 2 ? 'call' : 'visit', day + 10 * HOUR, { household }));
    }
  }
  for (const place of sampleGridRoster.places) {
    out.push(checkIn('keyPlaces', 'inspection', MONDAY + 2 * DAY + 15 * HOUR, { place }));
  }
  out.push(
    checkIn('publicity', 'publicity', MONDAY + 3 * DAY + 14 * HOUR, {
      note: '反诈宣传 / anti-fraud talk',
    }),
    checkIn('infoCollection', 'collection', MONDAY + 4 * DAY + 16 * HOUR),
    checkIn('riversidePatrol', 'patrol', MONDAY + DAY + 8 * HOUR),
    checkIn('riversidePatrol', 'patrol', MONDAY + 5 * DAY + 8 * HOUR),
    checkIn('emergencyAssist', 'emergency', MONDAY + 6 * DAY + 22 * HOUR),
  );
  return out;
}

const duty = (a: ReturnType<typeof assessByList>, id: string) => {
  const found = a.duties.find((d) => d.dutyId === id);
  if (!found) throw new Error(`no duty ${id}`);
  return found;
};

describe('the "6+1" list', () => {
  it('given the built-in six and the sample list, then both satisfy the schema and the sample adds one local duty', () => {
    expect(builtInGridDuties.map((d) => d.id)).toEqual([
      'dailyPatrol',
      'keyPlaces',
      'emergencyAssist',
      'serveResidents',
      'publicity',
      'infoCollection',
    ]);
    expect(gridDutyListSchema.safeParse(sampleGridDutyList).success).toBe(true);
    expect(sampleGridDutyList.duties).toHaveLength(7);
    expect(sampleGridDutyList.duties.filter((d) => d.local).map((d) => d.id)).toEqual([
      'riversidePatrol',
    ]);
    for (const d of sampleGridDutyList.duties) {
      expect(d.name.zh.length * d.name.en.length, d.id).toBeGreaterThan(0);
    }
  });

  it('given a check-in record, then the schema accepts it and refuses one without a worker', () => {
    expect(checkInSchema.safeParse(fullWeek()[0]).success).toBe(true);
    const r = checkInSchema.safeParse({ dutyId: 'dailyPatrol', kind: 'patrol', at: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['workerId']);
  });

  it('given a list with a duplicate duty id and a monthly period, when parsed, then each problem is a diagnostic with its path', () => {
    const bad = {
      id: 'l',
      name: { zh: '清单', en: 'List' },
      duties: [
        { ...builtInGridDuties[0], frequency: 'P1M' },
        builtInGridDuties[1],
        { ...builtInGridDuties[1], frequency: { times: 0, per: 'P7D' } },
      ],
    };
    const r = parseGridDutyList(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.diagnostics.map((d) => [d.path.join('.'), d.code]));
    expect(byPath).toEqual({
      'duties.0.frequency': 'duty.invalidData',
      'duties.2.frequency.times': 'duty.invalidData',
      'duties.2.id': 'duty.duplicateId',
    });
    const dup = r.diagnostics.find((d) => d.code === 'duty.duplicateId');
    expect(dup?.message).toEqual({
      zh: 'duties 中的编号 keyPlaces 重复',
      en: 'The id keyPlaces appears more than once in duties',
    });
  });

  it('given a period shorter than an hour or an empty list, then the schema refuses it', () => {
    const r = parseGridDutyList({ id: 'l', name: { zh: '清单', en: 'List' }, duties: [] });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.path)).toEqual([['duties']]);
    const short = gridDutyListSchema.safeParse({
      ...sampleGridDutyList,
      duties: [{ ...builtInGridDuties[0], frequency: 'PT30M' }],
    });
    expect(short.error?.issues[0]?.path).toEqual(['duties', 0, 'frequency']);
  });
});

describe('assessment by the list (对单考核)', () => {
  it('given a worker who did every duty in the week, then every scored duty is 100, there are no gaps and no diagnostics', () => {
    const a = assessByList(sampleGridDutyList, fullWeek(), week);
    expect(a.diagnostics).toEqual([]);
    expect(a.gaps).toEqual([]);
    expect(a.score).toBe(100);
    expect(a.duties.map((d) => [d.dutyId, d.required, d.done, d.score])).toEqual([
      ['dailyPatrol', 7, 7, 100],
      ['keyPlaces', 2, 2, 100],
      ['emergencyAssist', 0, 1, null],
      ['serveResidents', 21, 21, 100],
      ['publicity', 1, 1, 100],
      ['infoCollection', 1, 1, 100],
      ['riversidePatrol', 2, 2, 100],
    ]);
    expect(duty(a, 'dailyPatrol').open).toBeUndefined();
  });

  it('given two missed patrol days and one key resident not reached on Wednesday, then the gaps name the periods and the household', () => {
    const skipped = new Set([MONDAY + 1 * DAY + 9 * HOUR, MONDAY + 4 * DAY + 9 * HOUR]);
    const checkIns = fullWeek().filter(
      (c) =>
        !(c.dutyId === 'dailyPatrol' && skipped.has(c.at)) &&
        !(c.household === '12-1-502' && c.at === MONDAY + 2 * DAY + 10 * HOUR),
    );
    const a = assessByList(sampleGridDutyList, checkIns, week);
    expect(duty(a, 'dailyPatrol')).toMatchObject({
      required: 7,
      done: 5,
      missedPeriods: 2,
      score: 71.4,
    });
    expect(duty(a, 'serveResidents')).toMatchObject({
      required: 21,
      done: 20,
      missedPeriods: 1,
      score: 95.2,
    });
    expect(a.gaps).toEqual([
      {
        dutyId: 'dailyPatrol',
        name: builtInGridDuties[0]?.name,
        from: MONDAY + DAY,
        to: MONDAY + 2 * DAY,
        required: 1,
        done: 0,
      },
      {
        dutyId: 'serveResidents',
        name: builtInGridDuties[3]?.name,
        from: MONDAY + 2 * DAY,
        to: MONDAY + 3 * DAY,
        required: 3,
        done: 2,
        missing: ['12-1-502'],
      },
      {
        dutyId: 'dailyPatrol',
        name: builtInGridDuties[0]?.name,
        from: MONDAY + 4 * DAY,
        to: MONDAY + 5 * DAY,
        required: 1,
        done: 0,
      },
    ]);
    // mean of 71.43, 100, 95.24, 100, 100, 100 (emergencies are not scored)
    expect(a.score).toBe(94.4);
  });

  it('given two weeks with publicity twice in the first and never in the second, then the extra one does not make up for the missed week', () => {
    const list: GridDutyList = {
      id: 'pub',
      name: { zh: '宣传', en: 'Publicity' },
      duties: [builtInGridDuties[4] as NonNullable<(typeof builtInGridDuties)[4]>],
    };
    const a = assessByList(
      list,
      [
        checkIn('publicity', 'publicity', MONDAY + HOUR),
        checkIn('publicity', 'publicity', MONDAY + 2 * DAY),
      ],
      { workerId: WORKER, from: MONDAY, to: MONDAY + 14 * DAY },
    );
    expect(duty(a, 'publicity')).toMatchObject({
      periods: 2,
      required: 2,
      done: 1,
      checkIns: 2,
      missedPeriods: 1,
      score: 50,
    });
    expect(a.gaps.map((g) => [g.from, g.to])).toEqual([[MONDAY + 7 * DAY, MONDAY + 14 * DAY]]);
  });

  it('given a duty due twice a week done once, then one of two is done and the week is a gap', () => {
    const a = assessByList(
      sampleGridDutyList,
      [checkIn('riversidePatrol', 'patrol', MONDAY + DAY)],
      week,
    );
    expect(duty(a, 'riversidePatrol')).toMatchObject({
      required: 2,
      done: 1,
      missedPeriods: 1,
      score: 50,
    });
  });

  it('given check-ins outside the span, for an unknown duty or of the wrong kind, then each is a diagnostic with its path and none is counted', () => {
    const checkIns = [
      checkIn('dailyPatrol', 'patrol', MONDAY - 1),
      checkIn('dailyPatrol', 'patrol', MONDAY + 7 * DAY),
      checkIn('cleanStreets', 'patrol', MONDAY + HOUR),
      checkIn('dailyPatrol', 'selfie', MONDAY + 2 * HOUR),
      { ...checkIn('dailyPatrol', 'patrol', MONDAY + 3 * HOUR), workerId: 'qj-sj-c1-g2-worker' },
    ];
    const a = assessByList(sampleGridDutyList, checkIns, week);
    expect(a.diagnostics.map((d) => [d.code, d.path, d.severity])).toEqual([
      ['duty.checkInOutsidePeriod', ['checkIns', 0, 'at'], 'warning'],
      ['duty.checkInOutsidePeriod', ['checkIns', 1, 'at'], 'warning'],
      ['duty.checkInUnknownDuty', ['checkIns', 2, 'dutyId'], 'error'],
      ['duty.checkInWrongKind', ['checkIns', 3, 'kind'], 'error'],
    ]);
    expect(a.diagnostics[0]?.message).toEqual({
      zh: '打卡时间 2026-01-04T15:59:59.999Z 不在考核期 2026-01-04T16:00:00.000Z 至 2026-01-11T16:00:00.000Z 内，不计入',
      en: 'Check-in at 2026-01-04T15:59:59.999Z is outside the period 2026-01-04T16:00:00.000Z to 2026-01-11T16:00:00.000Z and is not counted',
    });
    expect(a.diagnostics[3]?.message.en).toBe(
      'A check-in of kind selfie does not count for dailyPatrol (expected patrol, visit)',
    );
    expect(a.duties.every((d) => d.done === 0 && d.checkIns === 0)).toBe(true);
    expect(a.score).toBe(0);
  });

  it('given per-household check-ins naming no household or one off the roster, then they are diagnostics and not counted', () => {
    const a = assessByList(
      sampleGridDutyList,
      [
        checkIn('serveResidents', 'call', MONDAY + HOUR),
        checkIn('serveResidents', 'call', MONDAY + HOUR, { household: '99-9-999' }),
        checkIn('keyPlaces', 'inspection', MONDAY + HOUR, { household: '11-2-301' }),
      ],
      week,
    );
    expect(a.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['duty.checkInMissingTarget', ['checkIns', 0, 'household']],
      ['duty.checkInUnknownTarget', ['checkIns', 1, 'household']],
      ['duty.checkInMissingTarget', ['checkIns', 2, 'place']],
    ]);
    expect(a.diagnostics[1]?.message.zh).toBe(
      '99-9-999 不在事项 serveResidents 的户名单内，不计入',
    );
    expect(duty(a, 'serveResidents').done).toBe(0);
  });

  it('given no household roster, then the per-household duty is counted by check-ins with a warning', () => {
    const a = assessByList(
      sampleGridDutyList,
      [checkIn('serveResidents', 'visit', MONDAY + HOUR)],
      {
        workerId: WORKER,
        from: MONDAY,
        to: MONDAY + DAY,
        places: sampleGridRoster.places,
      },
    );
    expect(a.diagnostics.map((d) => [d.code, d.path, d.severity])).toEqual([
      ['duty.noTargets', ['duties', 3, 'done', 'per'], 'warning'],
    ]);
    expect(duty(a, 'serveResidents')).toMatchObject({ required: 1, done: 1, score: 100 });
  });

  it('given a span that ends mid-week, then the unfinished week is shown as open and not judged', () => {
    const a = assessByList(
      sampleGridDutyList,
      [
        checkIn('publicity', 'publicity', MONDAY + 8 * DAY),
        checkIn('dailyPatrol', 'patrol', MONDAY + 9 * DAY),
      ],
      { ...sampleGridRoster, from: MONDAY, to: MONDAY + 10 * DAY },
    );
    expect(duty(a, 'publicity')).toMatchObject({
      periods: 1,
      required: 1,
      done: 0,
      checkIns: 1,
      open: { from: MONDAY + 7 * DAY, to: MONDAY + 10 * DAY, checkIns: 1 },
    });
    expect(duty(a, 'dailyPatrol')).toMatchObject({ periods: 10, done: 1 });
    expect(duty(a, 'dailyPatrol').open).toBeUndefined();
  });

  it('given a span shorter than every period, then nothing is due and the score is 100', () => {
    const a = assessByList(sampleGridDutyList, [], {
      ...sampleGridRoster,
      from: MONDAY,
      to: MONDAY + 12 * HOUR,
    });
    expect(a.score).toBe(100);
    expect(a.duties.every((d) => d.score === null && d.required === 0)).toBe(true);
  });

  it('given an empty or reversed span, or one of too many periods, then the assessment is a diagnostic', () => {
    const reversed = assessByList(sampleGridDutyList, [], {
      workerId: WORKER,
      from: MONDAY,
      to: MONDAY,
    });
    expect(reversed.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['duty.invalidPeriod', ['to']],
    ]);
    expect(reversed.duties).toEqual([]);
    const long = assessByList(sampleGridDutyList, [], {
      ...sampleGridRoster,
      from: 0,
      to: 100 * 365 * DAY,
    });
    expect(long.diagnostics.map((d) => d.code)).toEqual(['duty.tooManyPeriods']);
  });

  it('given the same check-ins in another order, then the result is the same', () => {
    const xs = fullWeek().filter((_, i) => i % 3 !== 0);
    const a = assessByList(sampleGridDutyList, xs, week);
    const b = assessByList(sampleGridDutyList, [...xs].reverse(), week);
    expect(b.duties).toEqual(a.duties);
    expect(b.gaps).toEqual(a.gaps);
    expect(b.score).toBe(a.score);
  });

  it('property: adding check-ins never lowers the score, and every score stays within 0–100', () => {
    const dutyIds = [...sampleGridDutyList.duties.map((d) => d.id), 'unknownDuty'];
    const kinds = [
      'patrol',
      'visit',
      'call',
      'inspection',
      'emergency',
      'publicity',
      'collection',
      'bogus',
    ];
    const checkInArb = fc.record({
      workerId: fc.constantFrom(WORKER, 'someone-else'),
      dutyId: fc.constantFrom(...dutyIds),
      kind: fc.constantFrom(...kinds),
      at: fc.integer({ min: MONDAY - DAY, max: MONDAY + 15 * DAY }),
      household: fc.option(fc.constantFrom(...sampleGridRoster.households, 'stranger'), {
        nil: undefined,
      }),
      place: fc.option(fc.constantFrom(...sampleGridRoster.places, 'elsewhere'), {
        nil: undefined,
      }),
    });
    const spanArb = fc.record({
      days: fc.integer({ min: 1, max: 14 }),
      hours: fc.integer({ min: 0, max: 23 }),
    });
    fc.assert(
      fc.property(
        fc.array(checkInArb, { maxLength: 60 }),
        fc.array(checkInArb, { maxLength: 60 }),
        spanArb,
        (xs, ys, span) => {
          const options = {
            ...sampleGridRoster,
            from: MONDAY,
            to: MONDAY + span.days * DAY + span.hours * HOUR,
          };
          const before = assessByList(sampleGridDutyList, xs, options);
          const after = assessByList(sampleGridDutyList, [...xs, ...ys], options);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          for (const a of [before, after]) {
            expect(a.score).toBeGreaterThanOrEqual(0);
            expect(a.score).toBeLessThanOrEqual(100);
            for (const d of a.duties) {
              expect(d.done).toBeLessThanOrEqual(d.required || d.done);
              if (d.score !== null) expect(d.score).toBeGreaterThanOrEqual(0);
              if (d.score !== null) expect(d.score).toBeLessThanOrEqual(100);
            }
          }
          after.duties.forEach((d, i) => {
            expect(d.done).toBeGreaterThanOrEqual(before.duties[i]?.done ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
