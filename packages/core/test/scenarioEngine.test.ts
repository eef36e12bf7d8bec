import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAlertNormalizer } from '../src/alert.js';
import { SimulatedClock } from '../src/index.js';
import { MemoryStore } from '../src/runtime.js';
import { admitScenarioData, ScenarioEngine } from '../src/scenario.js';
import { makeEngine } from './support/engineFixture.js';

const band = JSON.parse(
  readFileSync(new URL('../scenarios/elderly-health-band.json', import.meta.url), 'utf8'),
);

function setup(store = new MemoryStore(), clock = new SimulatedClock('2026-09-01T08:00:00+08:00')) {
  const { engine } = makeEngine({ store, clock });
  const scenarios = new ScenarioEngine(engine);
  const registered = scenarios.register(band);
  if (!registered.ok) throw new Error(JSON.stringify(registered.diagnostics));
  return { engine, scenarios, clock, store };
}

const start = {
  id: 'band-1',
  scenario: 'elderly-health-band',
  trigger: 'manual',
  by: 'qj-sj-duty',
  gridId: 'qj-sj-c1-g1',
  data: { alarmType: 'fall', heartRate: 150 },
};

describe('ScenarioEngine.register', () => {
  it('given a document with errors, then it is refused with the validator diagnostics', () => {
    const { scenarios } = setup();
    const broken = structuredClone(band);
    broken.steps[0].outcomes[0].to = 'nowhere';
    const r = scenarios.register(broken);
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toContain('scenario.unknownStep');
    const badRouting = { ...structuredClone(band), alertRouting: { levels: {} } };
    const r2 = scenarios.register(badRouting);
    expect(!r2.ok && r2.diagnostics[0]?.path[0]).toBe('alertRouting');
  });
});

describe('ScenarioEngine.start', () => {
  it('given a manual trigger, then the instance rests at the start step with its SLA timer stored', async () => {
    const { scenarios, store, clock } = setup();
    const r = await scenarios.start(start);
    expect(r.ok && r.record).toMatchObject({ status: 'call', version: 1, townId: 'qj-sj' });
    expect(await store.timersOf('band-1')).toEqual([
      {
        id: `band-1:call:${clock.now() + 300_000}`,
        caseId: 'band-1',
        townId: 'qj-sj',
        step: 'call',
        dueAt: clock.now() + 300_000,
      },
    ]);
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ['an unknown scenario', { scenario: 'nope' }, 'run.unknownScenario'],
    ['an unknown trigger', { trigger: 'nope' }, 'run.unknownTrigger'],
    ['a role the manual trigger does not list', { by: 'qj-sj-c1-g1-worker' }, 'run.notAssignee'],
    ['an actor of the other town', { by: 'qj-th-duty' }, 'run.outsideTown'],
    ['a field of the wrong type', { data: { heartRate: 'fast' } }, 'run.fieldType'],
    ['an undeclared field', { data: { password: 'x' } }, 'run.unknownField'],
    ['an unknown grid', { gridId: 'qj-sj-c1' }, 'run.payload'],
    // the ids of cases that dispatch steps open are `instance:step:version`, in the same store
    ['an instance id with a colon (reserved)', { id: 'band-0:dispatch:2' }, 'run.payload'],
    ['the instance id system (reserved)', { id: 'system' }, 'run.payload'],
  ];
  for (const [what, change, code] of refusals) {
    it(`given ${what}, then ${code} and nothing is stored`, async () => {
      const { scenarios } = setup();
      const r = await scenarios.start({ ...start, ...change });
      expect(!r.ok && r.error.code).toBe(code);
      expect(await scenarios.get('band-1')).toBeUndefined();
    });
  }
});

describe('ScenarioEngine.send', () => {
  it('given refusals (wrong assignee, inactive step, forged TIMEOUT), then nothing changes', async () => {
    const { scenarios } = setup();
    await scenarios.start(start);
    const before = await scenarios.get('band-1');
    const attempts: [unknown, string][] = [
      [
        { type: 'TASK_COMPLETE', by: 'qj-sj-c1-g1-worker', step: 'call', outcome: 'fine' },
        'run.notAssignee',
      ],
      [
        { type: 'TASK_COMPLETE', by: 'qj-sj-duty', step: 'visit', outcome: 'fine' },
        'run.notActive',
      ],
      [
        { type: 'TASK_COMPLETE', by: 'qj-sj-duty', step: 'call', outcome: 'maybe' },
        'run.notActive',
      ],
      [{ type: 'TIMEOUT', by: 'system', step: 'call' }, 'run.unknownEvent'],
      [{ type: 'TASK_COMPLETE', by: 'qj-sj-duty', step: 'call' }, 'run.payload'],
    ];
    for (const [event, code] of attempts) {
      const r = await scenarios.send('band-1', event);
      expect(!r.ok && r.error.code, JSON.stringify(event)).toBe(code);
    }
    expect(await scenarios.get('band-1')).toEqual(before);
  });

  it('given two completions of the same task at once, then exactly one applies', async () => {
    const { scenarios } = setup();
    await scenarios.start(start);
    const results = await Promise.all([
      scenarios.send('band-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-duty',
        step: 'call',
        outcome: 'fine',
      }),
      scenarios.send('band-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-duty2',
        step: 'call',
        outcome: 'noAnswer',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await scenarios.auditTrail('band-1')).length).toBe(2);
  });
});

describe('ScenarioEngine timers and cases', () => {
  it('given a restart while a step timer fell due, then a new host on the same store fires it once', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
    await setup(store, clock).scenarios.start(start);
    clock.advance('PT10M');
    const { engine, scenarios } = setup(store, clock);
    expect((await engine.tick()).fired).toBe(1);
    expect((await engine.tick()).fired).toBe(0);
    expect((await scenarios.get('band-1'))?.status).toBe('visit');
    expect(await engine.verify('band-1')).toEqual({ ok: true, length: 2 });
  });

  it('given the dispatch step, then a real case opens assigned to the post and its acknowledgement moves the instance on', async () => {
    const { engine, scenarios, clock } = setup();
    await scenarios.start(start);
    clock.advance('PT6M');
    await engine.tick();
    clock.advance('PT31M');
    await engine.tick();
    const instance = await scenarios.get('band-1');
    const caseId = instance?.context.cases.dispatchCare ?? '';
    const opened = await engine.get(caseId);
    expect(opened).toMatchObject({
      status: 'assigned',
      context: {
        lead: { kind: 'post', id: 'qj-sj-ylfw' },
        origin: { instanceId: 'band-1', step: 'dispatchCare' },
      },
    });
    expect((await engine.send(caseId, { type: 'ACKNOWLEDGE', by: 'qj-sj-ylfw-staff' })).ok).toBe(
      true,
    );
    await scenarios.settled();
    expect((await scenarios.get('band-1'))?.status).toBe('visit');
  });
});

describe('ScenarioEngine.onAlert', () => {
  it('given a fall reading from a band, then the normaliser raises an alert that starts the scenario with the alarm type', async () => {
    const { scenarios } = setup();
    const normalizer = createAlertNormalizer({ holdDownMs: 60_000 });
    const pushed = normalizer.push({
      deviceId: 'band-007',
      seq: 1,
      deviceTime: Date.parse('2026-09-01T07:59:30+08:00'),
      type: 'fall',
      level: 1,
      townId: 'qj-sj',
      gridId: 'qj-sj-c1-g1',
    });
    const events = 'events' in pushed ? pushed.events : [];
    expect(events.map((e) => e.kind)).toEqual(['raised']);
    const results = await scenarios.onAlert(events[0] as (typeof events)[number], 'qj-sj-sensor');
    expect(results).toHaveLength(1);
    const r = results[0];
    expect(r?.ok && r.record.context.data).toEqual({ alarmType: 'fall' });
    expect(r?.ok && r.record.context.trigger).toBe('band');
  });
});

describe('ScenarioEngine guards on signals, events and dispatch places', () => {
  it('given a signal with undeclared or mistyped data, or an event from a resident, then they are refused', async () => {
    const { scenarios } = setup();
    await scenarios.start(start);
    const bad = await scenarios.send('band-1', {
      type: 'SIGNAL',
      by: 'qj-sj-sensor',
      name: 'x',
      data: { heartRate: 'high' },
    });
    expect(!bad.ok && bad.error.code).toBe('run.fieldType');
    const extra = await scenarios.send('band-1', {
      type: 'SIGNAL',
      by: 'qj-sj-sensor',
      name: 'x',
      data: { secret: 1 },
    });
    expect(!extra.ok && extra.error.code).toBe('run.unknownField');
    const resident = await scenarios.send('band-1', {
      type: 'EVENT',
      by: 'qj-sj-c1-g1-resident',
      name: 'DONE',
    });
    expect(!resident.ok && resident.error.code).toBe('run.notAssignee');
  });

  it('given an EVENT from a part-time grid worker of the town (grid crew), then the sender is accepted: it is refused only because no step waits for it', async () => {
    const { scenarios } = setup();
    await scenarios.start(start);
    const r = await scenarios.send('band-1', {
      type: 'EVENT',
      by: 'qj-sj-c1-g1-rider',
      name: 'DONE',
    });
    expect(!r.ok && r.error.code).toBe('run.notActive');
    const instructor = await scenarios.send('band-1', {
      type: 'EVENT',
      by: 'qj-sj-c1-g1-instructor',
      name: 'DONE',
    });
    expect(!instructor.ok && instructor.error.code).toBe('run.notAssignee');
  });

  for (const key of ['__proto__', 'constructor', 'toString']) {
    it(`given start data with an own ${key} key (as JSON.parse makes it), then it is refused with run.payload at ['data', '${key}'] and nothing is stored`, async () => {
      const { scenarios } = setup();
      const input = JSON.parse(
        JSON.stringify(start).replace('"data":{', `"data":{"${key}":{"x":1},`),
      );
      expect(Object.hasOwn(input.data, key)).toBe(true);
      const r = await scenarios.start(input);
      expect(!r.ok && r.error).toMatchObject({ code: 'run.payload', path: ['data', key] });
      expect(await scenarios.get('band-1')).toBeUndefined();
    });

    it(`given a signal whose data has an own ${key} key, then it is refused with run.payload at ['data', '${key}'] and the instance is unchanged`, async () => {
      const { scenarios } = setup();
      await scenarios.start(start);
      const before = await scenarios.get('band-1');
      const signal = JSON.parse(
        `{"type":"SIGNAL","by":"qj-sj-sensor","name":"x","data":{"${key}":1,"heartRate":90}}`,
      );
      const r = await scenarios.send('band-1', signal);
      expect(!r.ok && r.error).toMatchObject({ code: 'run.payload', path: ['data', key] });
      expect(await scenarios.get('band-1')).toEqual(before);
    });
  }

  it('given data with an own __proto__ or constructor key passed straight to admitScenarioData, then both are refused alike with run.unknownField at their path', () => {
    const { scenarios } = setup();
    const doc = scenarios.scenario('elderly-health-band');
    if (!doc) throw new Error('not registered');
    const fields = doc.fields.map((f) => f.id);
    for (const key of ['__proto__', 'constructor']) {
      const r = admitScenarioData(doc, null, JSON.parse(`{"${key}":1}`), fields);
      expect(!r.ok && r.error).toMatchObject({ code: 'run.unknownField', path: ['data', key] });
    }
  });

  it('given an instance in a town whose posts the dispatch step does not name, then start refuses it instead of failing later', async () => {
    const { scenarios } = setup();
    const r = await scenarios.start({ ...start, by: 'qj-th-duty', gridId: 'qj-th-c1-g1' });
    expect(!r.ok && r.error).toMatchObject({ code: 'run.outsideTown', path: ['gridId'] });
    expect(scenarios.problems).toEqual([]);
  });
});

describe('ScenarioEngine.onAlert with routing by level', () => {
  const fire = JSON.parse(
    readFileSync(new URL('../scenarios/electrical-fire.json', import.meta.url), 'utf8'),
  );
  fire.alertRouting = {
    levels: {
      1: {
        to: [
          { kind: 'post', id: 'qj-sj-xfgl' },
          { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
        ],
        channels: ['app', 'sms'],
        acknowledgeWithin: 'PT5M',
      },
      2: {
        to: [{ kind: 'post', id: 'qj-sj-xfgl' }],
        channels: ['app'],
        acknowledgeWithin: 'PT30M',
      },
      3: { to: [{ kind: 'post', id: 'qj-sj-xfgl' }], channels: ['app'], acknowledgeWithin: 'PT2H' },
    },
  };

  it('given a level-2 leakage that rises to level 1, then the instance starts with the level-2 route and the rise is pushed to both level-1 recipients at once', async () => {
    const { engine, clock } = makeEngine({
      clock: new SimulatedClock('2026-11-20T14:00:00+08:00'),
    });
    const scenarios = new ScenarioEngine(engine);
    const registered = scenarios.register(fire);
    expect(registered.ok).toBe(true);
    const normalizer = createAlertNormalizer({ holdDownMs: 60_000 });
    const reading = (seq: number, level: 1 | 2, at: string) => ({
      deviceId: 'ef-12',
      seq,
      deviceTime: Date.parse(at),
      type: 'leakage',
      level,
      townId: 'qj-sj',
      gridId: 'qj-sj-c1-g1',
      location: { lat: 29.03, lng: 106.65, address: '养老服务中心配电箱' },
    });
    const first = normalizer.push(reading(1, 2, '2026-11-20T13:59:50+08:00'));
    const raised = 'events' in first ? first.events : [];
    const [started] = await scenarios.onAlert(raised[0] as (typeof raised)[number], 'qj-sj-sensor');
    expect(started?.ok && started.notifications[0]).toMatchObject({
      topic: 'alert.level2',
      to: [{ kind: 'post', id: 'qj-sj-xfgl' }],
    });
    clock.advance('PT1M');
    const second = normalizer.push(reading(2, 1, '2026-11-20T14:00:50+08:00'));
    const escalated = 'events' in second ? second.events : [];
    expect(escalated.map((e) => e.kind)).toEqual(['escalated']);
    const results = await scenarios.onAlert(
      escalated[0] as (typeof escalated)[number],
      'qj-sj-sensor',
    );
    const reroute = results[0];
    expect(reroute?.ok && reroute.entry).toMatchObject({
      event: 'ALERT_ESCALATED',
      data: { level: 1, previousLevel: 2 },
    });
    expect(reroute?.ok && reroute.notifications[0]).toMatchObject({
      topic: 'alert.level1',
      to: [
        { kind: 'post', id: 'qj-sj-xfgl' },
        { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
      ],
      channels: ['app', 'sms'],
      fields: { acknowledgeBy: clock.now() + 5 * 60_000 },
    });
    expect(reroute?.ok && reroute.record.status).toBe(started?.ok && started.record.status);
  });

  it('given a host restarted between the raise and the rise, then the new host finds the instance in the store and re-routes it', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-11-20T14:00:00+08:00');
    const first = new ScenarioEngine(makeEngine({ store, clock }).engine);
    first.register(fire);
    const normalizer = createAlertNormalizer({ holdDownMs: 60_000 });
    const reading = (seq: number, level: 1 | 2, at: string) => ({
      deviceId: 'ef-13',
      seq,
      deviceTime: Date.parse(at),
      type: 'leakage',
      level,
      townId: 'qj-sj',
      gridId: 'qj-sj-c1-g1',
      location: { lat: 29.03, lng: 106.65, address: '社区食堂配电箱' },
    });
    const raised = normalizer.push(reading(1, 2, '2026-11-20T13:59:50+08:00'));
    const [started] = await first.onAlert(
      ('events' in raised ? raised.events : [])[0] as never,
      'qj-sj-sensor',
    );
    expect(started?.ok && started.record.context.alertId).toBeTruthy();
    clock.advance('PT1M');
    const second = new ScenarioEngine(makeEngine({ store, clock }).engine);
    second.register(fire);
    const risen = normalizer.push(reading(2, 1, '2026-11-20T14:00:50+08:00'));
    const results = await second.onAlert(
      ('events' in risen ? risen.events : [])[0] as never,
      'qj-sj-sensor',
    );
    expect(results[0]?.ok && results[0].entry.event).toBe('ALERT_ESCALATED');
    expect(results[0]?.ok && results[0].record.id).toBe(started?.ok && started.record.id);
  });
});

describe('required fields', () => {
  it('given a sensor trigger that collects a required field the reading lacks, then the instance is refused with run.missingField', async () => {
    const fire = JSON.parse(
      readFileSync(new URL('../scenarios/electrical-fire.json', import.meta.url), 'utf8'),
    );
    const { engine } = makeEngine({ clock: new SimulatedClock('2026-11-20T14:00:00+08:00') });
    const scenarios = new ScenarioEngine(engine);
    scenarios.register(fire);
    const r = await scenarios.start({
      scenario: 'electrical-fire',
      trigger: 'leakageWarning',
      by: 'qj-sj-sensor',
      gridId: 'qj-sj-c1-g1',
      data: { alarmType: 'leakage', level: 1 },
    });
    expect(!r.ok && r.error).toMatchObject({
      code: 'run.missingField',
      path: ['data', 'location'],
    });
  });
});

describe('Engine.tick beside step timers it has no host for', () => {
  it('given 120 due step timers and no scenario host, then the case SLA timers still fire and the step timers wait for their host', async () => {
    const store = new MemoryStore();
    const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
    const { scenarios } = setup(store, clock);
    for (let i = 0; i < 120; i++) await scenarios.start({ ...start, id: `band-${i}` });
    const { engine } = makeEngine({ store, clock });
    await engine.report({
      id: 'river-9',
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '河道漂浮物',
    });
    clock.advance('PT31M');
    const { fired } = await engine.tick();
    expect(fired).toBe(1);
    expect((await engine.auditTrail('river-9')).at(-1)?.event).toBe('SLA_OVERDUE');
    expect((await scenarios.get('band-7'))?.status).toBe('call');
    expect((await scenarios.engine.tick()).fired).toBe(120);
    expect((await scenarios.get('band-7'))?.status).toBe('visit');
  });
});
