import { describe, expect, it } from 'vitest';
import {
  type AlertRouting,
  alertRoutingSchema,
  createAlertNormalizer,
  routeAlert,
} from '../src/alert/index.js';
import { sampleOrg } from '../src/sample/index.js';

/** The town platform's pushing-by-level rule for 三江街道 (qj-sj), as JSON from a config file. */
const routingJson = {
  levels: {
    '1': {
      to: [
        { kind: 'post', id: 'qj-sj-xfgl' },
        { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
      ],
      channels: ['app', 'sms', 'voice', 'screen'],
      acknowledgeWithin: 'PT5M',
    },
    '2': {
      to: [{ kind: 'post', id: 'qj-sj-xfgl' }, { kind: 'commandCenter' }],
      channels: ['app', 'sms'],
      acknowledgeWithin: 'PT30M',
    },
    '3': { to: [{ kind: 'grid' }], channels: ['app'], acknowledgeWithin: 'PT2H' },
  },
};

const routing: AlertRouting = alertRoutingSchema.parse(routingJson);

/** 2024-05-01 10:00 in Chongqing. */
const T0 = Date.UTC(2024, 4, 1, 2, 0, 0);

const leakage = (seq: number, deviceTime: number, level: 0 | 1 | 2 | 3) => ({
  deviceId: 'qj-sj-yly-elec-01',
  seq,
  deviceTime,
  type: 'leakage',
  value: 512,
  level,
  location: { lat: 29.0345, lng: 106.6512, address: '三江街道敬老院配电房' },
  townId: 'qj-sj',
  gridId: 'qj-sj-c1-g1',
});

describe('routeAlert', () => {
  it('given the article’s level-1 leakage warning, when routed, then the fire-management post and the city-operations center get it at the same moment with the level’s deadline', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    const [raised] = n.push(leakage(1, T0, 1)).events;
    expect(raised?.kind).toBe('raised');
    const route = routeAlert(raised?.alert ?? fail(), routing);
    expect(route.to).toEqual([
      { kind: 'post', id: 'qj-sj-xfgl' },
      { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
    ]);
    expect(route.at).toBe(T0);
    expect(route.level).toBe(1);
    expect(route.channels).toEqual(['app', 'sms', 'voice', 'screen']);
    expect(route.acknowledgeBy).toBe(T0 + 5 * 60_000);
    expect(route.diagnostics).toEqual([]);
    // the recipients are the sample org's 消防管理岗 of 三江街道 and 綦江区城运中心
    expect(sampleOrg.posts.find((p) => p.id === 'qj-sj-xfgl')?.section).toBe('safetyRuleOfLaw');
    expect(sampleOrg.departments.find((d) => d.id === 'qj-cyzx')?.kind).toBe(
      'cityOperationsCenter',
    );
  });

  it('given a level-2 alert, when routed, then a command center without id means the alert’s own town', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    const alert = n.push(leakage(1, T0, 2)).events[0]?.alert ?? fail();
    const route = routeAlert(alert, routing);
    expect(route.to).toEqual([
      { kind: 'post', id: 'qj-sj-xfgl' },
      { kind: 'commandCenter', id: 'qj-sj' },
    ]);
    expect(route.acknowledgeBy).toBe(T0 + 30 * 60_000);
  });

  it('given a level-3 alert escalated to level 1, when routed again, then the level-1 recipients get it from the escalation time', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    const first = n.push(leakage(1, T0, 3)).events[0]?.alert ?? fail();
    expect(routeAlert(first, routing).to).toEqual([{ kind: 'grid', id: 'qj-sj-c1-g1' }]);
    const escalated = n.push(leakage(2, T0 + 90_000, 1)).events[0];
    expect(escalated?.kind).toBe('escalated');
    const route = routeAlert(escalated?.alert ?? fail(), routing);
    expect(route.at).toBe(T0 + 90_000);
    expect(route.to.map((r) => r.id)).toEqual(['qj-sj-xfgl', 'qj-cyzx']);
    expect(route.acknowledgeBy).toBe(T0 + 90_000 + 300_000);
  });

  it('given an alert without a grid, when its level routes to the alert’s grid, then that recipient is skipped with a warning', () => {
    const n = createAlertNormalizer({ holdDownMs: 0 });
    const { gridId: _, ...noGrid } = leakage(1, T0, 3);
    const alert = n.push(noGrid).events[0]?.alert ?? fail();
    const route = routeAlert(alert, routing);
    expect(route.to).toEqual([]);
    expect(route.diagnostics[0]).toMatchObject({
      code: 'routing.unresolved',
      severity: 'warning',
      path: ['levels', 3, 'to', 0],
    });
  });

  it('given a cleared alert, when routed, then the stand-down goes to the same recipients with nothing to acknowledge', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    n.push(leakage(1, T0, 1));
    n.push(leakage(2, T0 + 24 * 60_000, 0)); // handled in 24 minutes
    const [cleared] = n.advance(T0 + 25 * 60_000);
    const route = routeAlert(cleared?.alert ?? fail(), routing);
    expect(route.at).toBe(T0 + 25 * 60_000);
    expect(route.to.map((r) => r.id)).toEqual(['qj-sj-xfgl', 'qj-cyzx']);
    expect(route.acknowledgeBy).toBeNull();
  });

  it('given routing JSON with a month duration, an empty recipient list or an unknown channel, then the schema refuses it', () => {
    const level1 = routingJson.levels['1'];
    const bad = (one: unknown) =>
      alertRoutingSchema.safeParse({ levels: { ...routingJson.levels, '1': one } }).success;
    expect(bad({ ...level1, acknowledgeWithin: 'P1M' })).toBe(false);
    expect(bad({ ...level1, to: [] })).toBe(false);
    expect(bad({ ...level1, channels: ['pager'] })).toBe(false);
    expect(bad({ ...level1, to: [{ kind: 'post' }] })).toBe(false);
    expect(bad(level1)).toBe(true);
  });
});

function fail(): never {
  throw new Error('expected an alert');
}
