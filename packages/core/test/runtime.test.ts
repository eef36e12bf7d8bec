import { describe, expect, it } from 'vitest';
import { createAlertNormalizer } from '../src/alert/index.js';
import { createCaseKind, Directory, SimulatedClock } from '../src/index.js';
import { Engine } from '../src/runtime.js';
import {
  builtInScenarios,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
} from '../src/sample/index.js';
import { ScenarioEngine } from '../src/scenario/index.js';

const directory = new Directory(sampleOrg);
const START = Date.parse('2026-09-01T08:00:00+08:00');

function setup() {
  const clock = new SimulatedClock(START);
  const engine = new Engine({
    directory,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  const scenarios = new ScenarioEngine(engine);
  for (const d of builtInScenarios) scenarios.register(d);
  return { engine, scenarios, clock };
}

const fire = {
  id: 'fire-1',
  scenario: 'electrical-fire',
  trigger: 'leakageWarning',
  by: 'qj-sj-sensor',
  gridId: 'qj-sj-c1-g1',
  data: { alarmType: 'leakage', level: 1, location: '配电箱' },
};

describe('the one runtime: defects found from outside', () => {
  it('(a) given a report that names an origin instance, when that case is acknowledged, then no scenario instance moves', async () => {
    const { engine, scenarios } = setup();
    await scenarios.start(fire);
    const before = await scenarios.get('fire-1');
    const forged = await engine.report({
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-duty',
      category: 'electricalFire',
      severity: 'high',
      title: '伪造',
      lead: { kind: 'post', id: 'qj-sj-xfgl' },
      origin: { instanceId: 'fire-1', step: 'dispatchLevel1' },
    });
    expect(forged.ok && forged.record.context.origin).toBe(null);
    if (!forged.ok) throw new Error('report refused');
    expect(
      (await engine.send(forged.record.id, { type: 'ACKNOWLEDGE', by: 'qj-sj-xfgl-staff' })).ok,
    ).toBe(true);
    await scenarios.settled();
    expect((await scenarios.get('fire-1'))?.version).toBe(before?.version);
  });

  it('(a) given a hand-off from a case the step did not open, then the instance refuses it', async () => {
    const { engine, scenarios } = setup();
    await scenarios.start(fire);
    const outcome = await engine.runtime.deliver({
      id: 'x:1:h0',
      townId: 'qj-sj',
      at: START,
      from: { kind: 'case', id: 'other-case', seq: 2 },
      to: { kind: 'scenario', id: 'fire-1' },
      command: { type: 'CASE_ACKNOWLEDGED', step: 'dispatchLevel1', caseId: 'other-case' },
    });
    expect(outcome).toBe('skipped'); // not in the outbox: the store refuses to deliver it
    expect((await scenarios.get('fire-1'))?.version).toBe(1);
  });

  it('(b) given a reporter who chooses the id a dispatch step will use, then the report is refused', async () => {
    const { engine, scenarios } = setup();
    const squat = await engine.report({
      id: 'fire-1:dispatchLevel1:1',
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'x',
      severity: 'low',
      title: '抢注',
    });
    expect(!squat.ok && squat.error.path).toEqual(['id']);
    await scenarios.start(fire);
    const opened = await engine.get('fire-1:dispatchLevel1:1');
    expect(opened?.context.origin).toEqual({ instanceId: 'fire-1', step: 'dispatchLevel1' });
    expect(scenarios.problems).toEqual([]);
  });

  it('(c) given a start that names an alert id, then the id is not taken and the real alert still starts its instance', async () => {
    const { scenarios } = setup();
    const decoy = await scenarios.start({ ...fire, id: 'decoy', alertId: 'dev-1:leakage:0:1' });
    expect(decoy.ok && decoy.record.context.alertId).toBe(null);
    const normalizer = createAlertNormalizer({ holdDownMs: 60_000 });
    const pushed = normalizer.push({
      deviceId: 'dev-1',
      seq: 1,
      deviceTime: START,
      type: 'leakage',
      level: 1,
      townId: 'qj-sj',
      gridId: 'qj-sj-c1-g1',
      location: { lat: 29.02, lng: 106.65, address: '养老服务中心配电箱' },
    });
    const event = pushed.events[0];
    if (!event) throw new Error('no alert');
    expect(event.alert.alertId).toBe(`dev-1:leakage:${START}:1`);
    const real = await scenarios.start({ ...fire, id: 'decoy-2', alertId: event.alert.alertId });
    expect(real.ok && real.record.context.alertId).toBe(null);
    const results = await scenarios.onAlert(event, 'qj-sj-sensor');
    expect(results.map((r) => (r.ok ? r.record.context.alertId : r.error.code))).toContain(
      event.alert.alertId,
    );
  });

  it('(h) given a plain report with an unknown or foreign co-handler, then it is refused with the path', async () => {
    const { engine } = setup();
    const base = {
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '协办',
    };
    const unknown = await engine.report({ ...base, coHandlers: [{ kind: 'post', id: 'nope' }] });
    expect(!unknown.ok && unknown.error.path).toEqual(['coHandlers', 0]);
    const foreign = await engine.report({
      ...base,
      coHandlers: [
        { kind: 'post', id: 'qj-sj-czjs' },
        { kind: 'post', id: 'qj-th-czjs' },
      ],
    });
    expect(!foreign.ok && foreign.error.path).toEqual(['coHandlers', 1]);
    expect(await engine.list()).toEqual([]);
  });

  it('given a new definition version, then a restarted host on the same store finds both without being handed them', async () => {
    const { engine, scenarios } = setup();
    await scenarios.start(fire);
    const restarted = new ScenarioEngine(
      new Engine({
        directory,
        store: engine.store,
        clock: engine.clock,
        slaPolicy: sampleSlaPolicy,
      }),
    );
    const r = await restarted.send('fire-1', {
      type: 'SIGNAL',
      by: 'qj-sj-sensor',
      name: 'cleared',
      data: {},
    });
    expect(r.ok || r.error.code).not.toBe('run.unknownScenario');
    expect((await restarted.engine.store.definitions()).map((d) => d.id)).toContain(
      'electrical-fire',
    );
  });
});

describe('the closure of a case a dispatch step opened', () => {
  it('given the fire case is resolved and confirmed closed, then the instance records CASE_CLOSED once, in the same hand-off way, and stays where it is', async () => {
    const { engine, scenarios, clock } = setup();
    await scenarios.start(fire);
    const caseId = 'fire-1:dispatchLevel1:1';
    const steps = [
      { type: 'ACKNOWLEDGE', by: 'qj-sj-xfgl-staff' },
      { type: 'RESOLVE', by: 'qj-sj-xfgl-staff', result: '已断电更换' },
      { type: 'CONFIRM', by: 'qj-sj-duty', note: '回访确认' },
    ];
    for (const s of steps) {
      clock.advance('PT5M');
      const r = await engine.send(caseId, s);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    expect((await engine.get(caseId))?.status).toBe('closed');
    const trail = await scenarios.auditTrail('fire-1');
    const closed = trail.filter((e) => e.event === 'CASE_CLOSED');
    expect(closed).toHaveLength(1);
    expect(closed[0]?.data).toMatchObject({ step: 'dispatchLevel1', caseId });
    expect(closed[0]?.from).toBe(closed[0]?.to);
    expect(await engine.store.pendingHandoffs(10)).toEqual([]);
    expect(scenarios.problems).toEqual([]);
  });
});

describe('late timers', () => {
  it('given a step timer whose step was left and entered again, when the stale timer comes late, then it is refused and the new entry keeps its own deadline', async () => {
    const { engine, scenarios } = setup();
    const started = await scenarios.start({
      id: 'band-late',
      scenario: 'elderly-health-band',
      trigger: 'manual',
      by: 'qj-sj-duty',
      gridId: 'qj-sj-c1-g1',
    });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const [timer] = await engine.store.timersOf('band-late');
    if (!timer || !('step' in timer)) throw new Error('no step timer');
    const stale = { ...timer, dueAt: timer.dueAt - 1, id: `${timer.id}-stale` };
    const decision = await scenarios.kind.timer(engine.runtime.host, started.record, stale);
    expect(!decision.ok && decision.error.code).toBe('run.notActive');
    const fresh = await scenarios.kind.timer(engine.runtime.host, started.record, timer);
    expect(fresh.ok).toBe(true);
  });

  it('given an SLA timer that already fired, when a second process fires it again, then the case machine refuses it', async () => {
    const { engine, clock } = setup();
    await engine.report({
      id: 'late-1',
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '迟到的定时器',
    });
    const [timer] = await engine.store.timersOf('late-1');
    clock.advance('PT1H');
    await engine.tick();
    const record = await engine.get('late-1');
    if (!record || !timer) throw new Error('missing');
    const kind = createCaseKind({
      directory,
      slaPolicy: sampleSlaPolicy,
      dutyLists: sampleDutyLists,
    });
    const again = await kind.timer(engine.runtime.host, record, timer);
    expect(again.ok).toBe(false);
  });
});
