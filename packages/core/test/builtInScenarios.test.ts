import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Directory, SimulatedClock } from '../src/index.js';
import { Engine } from '../src/runtime.js';
import {
  builtInScenarios,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
} from '../src/sample/index.js';
import { validateScenario } from '../src/scenario/check/validateScenario.js';
import { compileScenario } from '../src/scenario/compile/compileScenario.js';
import { type Scenario, scenarioSchema } from '../src/scenario/document/scenarioSchema.js';
import { computeScenarioKpis } from '../src/scenario/run/computeScenarioKpis.js';
import { ScenarioEngine } from '../src/scenario/run/ScenarioEngine.js';

const directory = new Directory(sampleOrg);
const scenarioFiles = fileURLToPath(new URL('../scenarios/', import.meta.url));
const filesEnding = (suffix: string) =>
  readdirSync(scenarioFiles)
    .filter((f) => f.endsWith(suffix))
    .sort();

const START = Date.parse('2026-09-01T08:00:00+08:00');
const MIN = 60_000;

/** [event, from, to, actor, minutes after the start] of every audit entry. */
type Trail = [string, string | null, string, string, number][];

/** A refused command fails the test with its error. */
function must<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) {
    throw new Error(`refused: ${JSON.stringify((result as { error?: unknown }).error)}`);
  }
  return result as Extract<T, { ok: true }>;
}

const doc = (id: string): Scenario => {
  const found = builtInScenarios.find((d) => d.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  return found;
};

/** A fresh Engine + ScenarioEngine on the sample org, every built-in scenario registered. */
function setup() {
  const clock = new SimulatedClock(START);
  let n = 0;
  const engine = new Engine({
    directory,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    newId: () => `case-${++n}`,
  });
  const scenarios = new ScenarioEngine(engine);
  for (const d of builtInScenarios) must(scenarios.register(d));
  /** Moves the clock to `minutes` after the start and fires whatever fell due. */
  const at = async (minutes: number) => {
    clock.set(START + minutes * MIN);
    await engine.tick();
    await scenarios.settled();
  };
  const trail = async (id: string): Promise<Trail> =>
    (await engine.auditTrail(id)).map((e) => [
      e.event,
      e.from,
      e.to,
      e.actorId,
      (e.at - START) / MIN,
    ]);
  /** A case event, then the instance updates it causes. */
  const toCase = async (caseId: string, command: Record<string, unknown>) => {
    const r = must(await engine.send(caseId, command));
    await scenarios.settled();
    return r;
  };
  const caseOf = async (instanceId: string, step: string) => {
    const id = (await scenarios.get(instanceId))?.context.cases[step];
    if (!id) throw new Error(`step ${step} opened no case`);
    return id;
  };
  /** Every notification in the outbox as [minutes, source, topic, recipients]. */
  const outbox = async () =>
    (await engine.store.pendingNotifications(1000)).map((x) => [
      (x.at - START) / MIN,
      x.caseId,
      x.topic,
      x.to.map((r) => `${r.kind}:${r.id}`),
    ]);
  const kpis = async (instanceId: string) => {
    const record = await scenarios.get(instanceId);
    if (!record) throw new Error(`no instance ${instanceId}`);
    const audit = await scenarios.auditTrail(instanceId);
    return Object.fromEntries(
      computeScenarioKpis(doc(record.scenario.id), [{ record, audit }]).map((k) => [
        k.id,
        { value: k.value, met: k.met },
      ]),
    );
  };
  return { clock, engine, scenarios, at, trail, toCase, caseOf, outbox, kpis };
}

describe('built-in scenarios: the documents', () => {
  it('given the five built-in documents, when each is validated against the sample org, then none has an error or a warning', () => {
    expect(builtInScenarios.map((d) => d.id)).toEqual([
      'electrical-fire',
      'smoke-alarm',
      'anti-fraud-outreach',
      'elderly-health-band',
      'standard-case-flow',
    ]);
    for (const d of builtInScenarios) {
      expect(
        validateScenario(d, directory).map((x) => `${x.path.join('.')} ${x.code}`),
        d.id,
      ).toEqual([]);
    }
  });

  it('given packages/core/scenarios (the only copy), then each built-in is one of its JSON files and each has an event script', () => {
    const parsed = filesEnding('.json').map((f) =>
      JSON.parse(readFileSync(`${scenarioFiles}${f}`, 'utf8')),
    );
    for (const d of builtInScenarios) expect(parsed).toContainEqual(d);
    expect(parsed).toHaveLength(builtInScenarios.length);
    expect(filesEnding('.events.jsonl')).toEqual(
      builtInScenarios.map((d) => `${d.id}.events.jsonl`).sort(),
    );
  });

  it('given each built-in document, when read by the scenario schema, then everything (layout positions too) round-trips untouched', () => {
    for (const d of builtInScenarios) {
      const parsed = scenarioSchema.parse(JSON.parse(JSON.stringify(d)));
      expect(parsed, d.id).toEqual(d);
      expect(parsed.steps.map((s) => s.layout)).toEqual(d.steps.map((s) => s.layout));
    }
  });

  it('given each built-in document, when compiled twice, then the machine JSON is byte-identical', () => {
    for (const d of builtInScenarios) {
      expect(JSON.stringify(compileScenario(d)), d.id).toBe(JSON.stringify(compileScenario(d)));
    }
  });

  it('given each built-in document, then every step has a layout position and zh/en labels, and steps run left to right from the start', () => {
    for (const d of builtInScenarios) {
      for (const s of d.steps) {
        expect(s.layout, `${d.id}.${s.id}`).toBeDefined();
        expect(s.label?.zh && s.label.en, `${d.id}.${s.id}`).toBeTruthy();
      }
      const x = (id: string) => d.steps.find((s) => s.id === id)?.layout?.x ?? Number.NaN;
      for (const t of d.triggers)
        expect(x(t.start), d.id).toBe(Math.min(...d.steps.map((s) => s.layout?.x ?? 0)));
    }
  });

  it('given every event script in packages/core/scenarios, when it is replayed as `zhizhi simulate` does, then it ends at its end step with the KPIs of its story', async () => {
    const expected: Record<string, { end: string; kpis: Record<string, number | null> }> = {
      'electrical-fire': {
        end: 'disposed',
        kpis: { disposalTime: 24, routineDisposalTime: null, falseAlarms: 0 },
      },
      'smoke-alarm': {
        end: 'closed',
        kpis: {
          responseTime: 5,
          extinguishTime: 110,
          resettlementTime: 300,
          inspectionCoverage: 1,
        },
      },
      'anti-fraud-outreach': { end: 'completed', kpis: { coverage: 0.9, cycleTime: 12_220 } },
      'elderly-health-band': { end: 'handled', kpis: { responseTime: 47, handledCount: 1 } },
      'standard-case-flow': {
        end: 'closed',
        kpis: { acknowledgeTime: 32, closeTime: 4440, closedCount: 1 },
      },
    };
    for (const d of builtInScenarios) {
      const h = setup();
      const script = readFileSync(`${scenarioFiles}${d.id}.events.jsonl`, 'utf8');
      let instance = '';
      for (const raw of script.split('\n')) {
        if (raw.trim() === '') continue;
        const { actor, at, advance, case: step, ...payload } = JSON.parse(raw);
        if (typeof at === 'string') h.clock.set(at);
        if (typeof advance === 'string') h.clock.advance(advance);
        if (at !== undefined || advance !== undefined) {
          await h.engine.tick();
          await h.scenarios.settled();
        }
        if (payload.type === undefined) continue;
        if (payload.type === 'START') {
          const { type: _start, ...start } = payload;
          instance = must(await h.scenarios.start({ ...start, scenario: d.id, by: actor })).record
            .id;
        } else if (typeof step === 'string') {
          await h.toCase(await h.caseOf(instance, step), { ...payload, by: actor });
        } else {
          must(await h.scenarios.send(instance, { ...payload, by: actor }));
        }
      }
      const record = await h.scenarios.get(instance);
      expect(record?.status, d.id).toBe(expected[d.id]?.end);
      const minutes = (id: string, value: number | null) =>
        value !== null && d.kpis?.find((k) => k.id === id)?.kind === 'duration'
          ? value / MIN
          : value;
      const kpis = Object.fromEntries(
        Object.entries(await h.kpis(instance)).map(([k, v]) => [k, minutes(k, v.value)]),
      );
      expect(kpis, d.id).toEqual(expected[d.id]?.kpis);
    }
  });
});

describe('built-in scenario electrical-fire (电气火灾智防, 璧山区大兴镇)', () => {
  it('given a level-1 leakage warning at an elderly-care center, when the fire post and the power company handle it, then it is pushed to the fire post, the city-operations center and the power company at the same moment and disposed of in 24 minutes', async () => {
    const h = setup();
    const reading = { alarmType: 'leakage', level: 1, location: '三江社区养老服务中心一楼配电箱' };
    must(
      await h.scenarios.start({
        id: 'fire-1',
        scenario: 'electrical-fire',
        trigger: 'leakageWarning',
        by: 'qj-sj-sensor',
        gridId: 'qj-sj-c1-g1',
        data: reading,
      }),
    );
    const caseId = await h.caseOf('fire-1', 'dispatchLevel1');
    expect(caseId).toBe('fire-1:dispatchLevel1:1');
    const opened = await h.engine.get(caseId);
    expect(opened?.context).toMatchObject({
      category: 'electricalFire',
      lead: { kind: 'post', id: 'qj-sj-xfgl' },
      coHandlers: [{ kind: 'department', id: 'qj-power' }],
      origin: { instanceId: 'fire-1', step: 'dispatchLevel1' },
    });
    expect((await h.scenarios.get('fire-1'))?.context.timers).toEqual({
      dispatchLevel1: START + 5 * MIN,
    });

    await h.at(3);
    await h.toCase(caseId, { type: 'ACKNOWLEDGE', by: 'qj-sj-xfgl-staff' });
    await h.at(12);
    await h.toCase(caseId, {
      type: 'PROGRESS',
      by: 'qj-power-staff',
      note: '供电所到场，断开故障回路',
    });
    await h.at(24);
    must(
      await h.scenarios.send('fire-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-xfgl-staff',
        step: 'verifyLevel1',
        outcome: 'leakFixed',
        data: { cause: '电器漏电', measures: '断电更换电器，复测正常' },
      }),
    );
    await h.toCase(caseId, { type: 'RESOLVE', by: 'qj-sj-xfgl-staff', result: '电器漏电已处置' });
    await h.at(30);
    await h.toCase(caseId, { type: 'CONFIRM', by: 'qj-sj-duty' });

    expect(await h.trail('fire-1')).toEqual([
      ['START', null, 'dispatchLevel1', 'qj-sj-sensor', 0],
      ['CASE_ACKNOWLEDGED', 'dispatchLevel1', 'verifyLevel1', 'system', 3],
      ['TASK_COMPLETE', 'verifyLevel1', 'disposed', 'qj-sj-xfgl-staff', 24],
      // the case the dispatch step opened is closed on its instance's trail too
      ['CASE_CLOSED', 'disposed', 'disposed', 'system', 30],
    ]);
    expect(await h.trail(caseId)).toEqual([
      ['REPORT', null, 'assigned', 'system', 0],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-xfgl-staff', 3],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-power-staff', 12],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-xfgl-staff', 24],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-duty', 30],
    ]);
    const record = await h.scenarios.get('fire-1');
    expect(record?.context).toMatchObject({
      outcome: 'resolved',
      timers: {},
      data: { ...reading, cause: '电器漏电', measures: '断电更换电器，复测正常' },
    });

    const notes = await h.engine.store.pendingNotifications(1000);
    const push = notes.filter((x) => x.caseId === 'fire-1');
    expect(push).toHaveLength(1);
    expect(push[0]).toMatchObject({
      at: START,
      topic: 'zz.notify',
      to: [
        { kind: 'post', id: 'qj-sj-xfgl' },
        { kind: 'cityOperationsCenter', id: 'qj-cyzx' },
        { kind: 'department', id: 'qj-power' },
      ],
      channels: ['app', 'sms', 'screen'],
      fields: reading,
    });
    expect(await h.outbox()).toEqual([
      [
        0,
        'fire-1',
        'zz.notify',
        ['post:qj-sj-xfgl', 'cityOperationsCenter:qj-cyzx', 'department:qj-power'],
      ],
      [0, caseId, 'REPORT', ['post:qj-sj-xfgl', 'department:qj-power']],
      [24, caseId, 'RESOLVE', ['grid:qj-sj-c1-g1', 'commandCenter:qj-sj']],
    ]);
    expect(await h.kpis('fire-1')).toEqual({
      disposalTime: { value: 24 * MIN, met: true },
      routineDisposalTime: { value: null, met: null },
      falseAlarms: { value: 0, met: null },
    });
  });

  it('given a level-1 warning nobody acknowledges, when 5 minutes pass, then the district city-operations center is told and the fire post still has to verify', async () => {
    const h = setup();
    must(
      await h.scenarios.start({
        id: 'fire-2',
        scenario: 'electrical-fire',
        trigger: 'leakageWarning',
        by: 'qj-sj-sensor',
        gridId: 'qj-sj-c2-g1',
        data: { alarmType: 'leakage', level: 1, location: '新民村卫生室' },
      }),
    );
    await h.at(5);
    await h.at(20);
    must(
      await h.scenarios.send('fire-2', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-xfgl-staff',
        step: 'verifyLevel1',
        outcome: 'falseAlarm',
        data: { cause: '传感器受潮误报' },
      }),
    );
    expect(await h.trail('fire-2')).toEqual([
      ['START', null, 'dispatchLevel1', 'qj-sj-sensor', 0],
      ['TIMEOUT', 'dispatchLevel1', 'verifyLevel1', 'system', 5],
      ['TASK_COMPLETE', 'verifyLevel1', 'falseAlarm', 'qj-sj-xfgl-staff', 20],
    ]);
    const escalations = (await h.outbox()).filter((x) => x[2] === 'zz.escalate');
    expect(escalations).toEqual([[5, 'fire-2', 'zz.escalate', ['cityOperationsCenter:qj-cyzx']]]);
    expect(await h.kpis('fire-2')).toMatchObject({ falseAlarms: { value: 1 } });
  });

  it('given level-2 and level-3 warnings, when they arrive, then only the fire post is told and their deadlines are 30 minutes and 2 hours', async () => {
    const h = setup();
    for (const level of [2, 3]) {
      must(
        await h.scenarios.start({
          id: `fire-l${level}`,
          scenario: 'electrical-fire',
          trigger: 'leakageWarning',
          by: 'qj-sj-sensor',
          gridId: 'qj-sj-c1-g2',
          data: { alarmType: 'leakage', level, location: '三江社区菜市场' },
        }),
      );
    }
    expect((await h.scenarios.get('fire-l2'))?.context.timers).toEqual({
      dispatchLevel2: START + 30 * MIN,
    });
    expect((await h.scenarios.get('fire-l3'))?.context.timers).toEqual({
      dispatchLevel3: START + 120 * MIN,
    });
    const pushes = (await h.engine.store.pendingNotifications(1000)).filter(
      (x) => x.topic === 'zz.notify',
    );
    expect(pushes.map((x) => [x.caseId, x.to, x.fields])).toEqual([
      [
        'fire-l2',
        [{ kind: 'post', id: 'qj-sj-xfgl' }],
        { alarmType: 'leakage', level: 2, location: '三江社区菜市场' },
      ],
      [
        'fire-l3',
        [{ kind: 'post', id: 'qj-sj-xfgl' }],
        { alarmType: 'leakage', level: 3, location: '三江社区菜市场' },
      ],
    ]);
    expect((await h.engine.get('fire-l2:dispatchLevel2:1'))?.context.coHandlers).toEqual([]);
  });
});

describe('built-in scenario smoke-alarm (智能烟感, 渝中区大坪街道)', () => {
  it('given an AI smoke alert and a grid worker reporting the same fire, when the duty officer merges the report, declares the emergency plan, and the brigade and community act in parallel, then the fire is out within 2 hours, residents are resettled the same day and every grid is inspected', async () => {
    const h = setup();
    const grids = ['qj-sj-c1-g1', 'qj-sj-c1-g2', 'qj-sj-c2-g1', 'qj-sj-c2-g2'];
    must(
      await h.scenarios.start({
        id: 'smoke-1',
        scenario: 'smoke-alarm',
        trigger: 'smokeAlert',
        by: 'qj-sj-sensor',
        gridId: 'qj-sj-c1-g2',
        data: { alarmType: 'smoke', level: 1, location: '三江社区老旧小区 5 栋 402 室' },
        lists: { grids },
      }),
    );
    const fireCase = await h.caseOf('smoke-1', 'dispatchFire');

    await h.at(2);
    const gridReport = must(
      await h.engine.report({
        id: 'grid-fire-1',
        gridId: 'qj-sj-c1-g2',
        reporterId: 'qj-sj-c1-g2-worker',
        category: 'houseFire',
        severity: 'high',
        title: '老旧小区 5 栋冒烟起火',
      }),
    );
    expect(gridReport.record.status).toBe('intake');
    await h.at(3);
    await h.toCase(fireCase, { type: 'ACKNOWLEDGE', by: 'qj-sj-xfgl-staff' });
    await h.at(4);
    await h.toCase('grid-fire-1', { type: 'MERGE', by: 'qj-sj-duty', intoCaseId: fireCase });
    await h.at(5);
    await h.toCase(fireCase, {
      type: 'DECLARE_EMERGENCY',
      by: 'qj-sj-duty',
      plan: '老旧小区火灾应急预案',
    });
    must(
      await h.scenarios.send('smoke-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-duty',
        step: 'decide',
        outcome: 'declareEmergency',
      }),
    );
    const brigadeCase = await h.caseOf('smoke-1', 'dispatchBrigade');
    await h.at(8);
    await h.toCase(brigadeCase, { type: 'ACKNOWLEDGE', by: 'qj-fire-staff' });
    await h.at(110);
    must(
      await h.scenarios.send('smoke-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-fire-staff',
        step: 'fireOut',
        outcome: 'extinguished',
      }),
    );
    await h.at(115);
    await h.toCase(fireCase, { type: 'STAND_DOWN', by: 'qj-sj-duty', note: '明火已扑灭' });
    await h.at(300);
    must(
      await h.scenarios.send('smoke-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-staff',
        step: 'resettle',
        outcome: 'resettled',
        data: { displacedHouseholds: 6, shelter: '三江社区综合服务中心' },
      }),
    );
    await h.at(360);
    must(
      await h.scenarios.send('smoke-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-fire-staff',
        step: 'fireInvestigation',
        outcome: 'done',
        data: { fireCause: '电动自行车室内充电' },
      }),
    );
    await h.toCase(brigadeCase, { type: 'RESOLVE', by: 'qj-fire-staff', result: '明火扑灭' });
    await h.toCase(fireCase, { type: 'RESOLVE', by: 'qj-sj-xfgl-staff', result: '处置完毕' });
    await h.at(420);
    await h.toCase(brigadeCase, { type: 'CONFIRM', by: 'qj-sj-duty' });
    await h.toCase(fireCase, { type: 'CONFIRM', by: 'qj-sj-duty' });
    await h.at(1440);
    must(
      await h.scenarios.send('smoke-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-staff',
        step: 'aftercare',
        outcome: 'done',
      }),
    );
    // the inspection campaign, entered through the parallel's join, has 14 days from now
    const joined = await h.scenarios.get('smoke-1');
    expect.soft(joined?.context.entered.inspection).toBe(START + 1440 * MIN);
    expect.soft(joined?.context.timers).toEqual({ inspection: START + 15 * 1440 * MIN });
    for (const [i, grid] of grids.entries()) {
      await h.at(2880 + i * 1440);
      must(
        await h.scenarios.send('smoke-1', {
          type: 'CHECK_IN',
          by: `${grid}-worker`,
          step: 'inspection',
          target: grid,
          data: { compoundsInspected: 2 + i, hazardsFound: i },
        }),
      );
    }

    const respond = (fire: string, resettlement: string) =>
      JSON.stringify({ respond: { firefighting: fire, resettlement } });
    expect(await h.trail('smoke-1')).toEqual([
      ['START', null, 'dispatchFire', 'qj-sj-sensor', 0],
      ['CASE_ACKNOWLEDGED', 'dispatchFire', 'decide', 'system', 3],
      ['TASK_COMPLETE', 'decide', respond('dispatchBrigade', 'resettle'), 'qj-sj-duty', 5],
      [
        'CASE_ACKNOWLEDGED',
        respond('dispatchBrigade', 'resettle'),
        respond('fireOut', 'resettle'),
        'system',
        8,
      ],
      [
        'TASK_COMPLETE',
        respond('fireOut', 'resettle'),
        respond('fireInvestigation', 'resettle'),
        'qj-fire-staff',
        110,
      ],
      [
        'TASK_COMPLETE',
        respond('fireInvestigation', 'resettle'),
        respond('fireInvestigation', 'aftercare'),
        'qj-sj-c1-staff',
        300,
      ],
      [
        'TASK_COMPLETE',
        respond('fireInvestigation', 'aftercare'),
        respond('$done', 'aftercare'),
        'qj-fire-staff',
        360,
      ],
      // both cases its dispatch steps opened close at minute 420
      ['CASE_CLOSED', respond('$done', 'aftercare'), respond('$done', 'aftercare'), 'system', 420],
      ['CASE_CLOSED', respond('$done', 'aftercare'), respond('$done', 'aftercare'), 'system', 420],
      ['TASK_COMPLETE', respond('$done', 'aftercare'), 'inspection', 'qj-sj-c1-staff', 1440],
      ['CHECK_IN', 'inspection', 'inspection', 'qj-sj-c1-g1-worker', 2880],
      ['CHECK_IN', 'inspection', 'inspection', 'qj-sj-c1-g2-worker', 4320],
      ['CHECK_IN', 'inspection', 'inspection', 'qj-sj-c2-g1-worker', 5760],
      ['CHECK_IN', 'inspection', 'closed', 'qj-sj-c2-g2-worker', 7200],
    ]);
    expect(await h.trail(fireCase)).toEqual([
      ['REPORT', null, 'assigned', 'system', 0],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-xfgl-staff', 3],
      ['DECLARE_EMERGENCY', 'inProgress', 'inProgress', 'qj-sj-duty', 5],
      ['STAND_DOWN', 'inProgress', 'inProgress', 'qj-sj-duty', 115],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-xfgl-staff', 360],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-duty', 420],
    ]);
    expect(await h.trail('grid-fire-1')).toEqual([
      ['REPORT', null, 'intake', 'qj-sj-c1-g2-worker', 2],
      ['MERGE', 'intake', 'closed', 'qj-sj-duty', 4],
    ]);
    expect(await h.trail(brigadeCase)).toEqual([
      ['REPORT', null, 'assigned', 'system', 5],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-fire-staff', 8],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-fire-staff', 360],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-duty', 420],
    ]);
    expect((await h.engine.get('grid-fire-1'))?.context).toMatchObject({
      outcome: 'merged',
      mergedInto: fireCase,
    });
    expect((await h.engine.get(brigadeCase))?.context).toMatchObject({
      lead: { kind: 'department', id: 'qj-fire' },
      coHandlers: [{ kind: 'post', id: 'qj-sj-xfgl' }],
    });
    const record = await h.scenarios.get('smoke-1');
    expect(record?.context.outcome).toBe('resolved');
    expect(record?.context.campaigns.inspection).toEqual({ total: 4, done: grids });

    const outbox = await h.outbox();
    expect(outbox.filter((x) => x[1] === 'smoke-1')).toEqual([
      [0, 'smoke-1', 'zz.notify', ['commandCenter:qj-sj']],
      [
        1440,
        'smoke-1',
        'zz.notify',
        ['community:qj-sj-c1', 'community:qj-sj-c2', 'role:gridWorker'],
      ],
    ]);
    expect(outbox.filter((x) => x[1] === fireCase && x[0] !== 0)).toEqual([
      [5, fireCase, 'DECLARE_EMERGENCY', ['commander:qj-sj', 'cityOperationsCenter:qj-cyzx']],
      [115, fireCase, 'STAND_DOWN', ['commander:qj-sj', 'cityOperationsCenter:qj-cyzx']],
      [360, fireCase, 'RESOLVE', ['grid:qj-sj-c1-g2', 'commandCenter:qj-sj']],
    ]);
    expect(await h.kpis('smoke-1')).toEqual({
      responseTime: { value: 5 * MIN, met: true },
      extinguishTime: { value: 110 * MIN, met: true },
      resettlementTime: { value: 300 * MIN, met: true },
      inspectionCoverage: { value: 1, met: true },
    });
  });
});

describe('built-in scenario anti-fraud-outreach (反诈宣传, 巴南区骑手兼职网格员)', () => {
  const households = Array.from(
    { length: 10 },
    (_, i) => `qj-sj-h${String(i + 1).padStart(3, '0')}`,
  );
  const riders = ['qj-sj-c1-g1-rider', 'qj-sj-c1-g2-rider', 'qj-sj-c2-g1-rider'];

  it('given a household list, when riders check in 9 of 10 households within 14 days, then the outreach completes at 90% coverage and the ledger is shared with the post and the police', async () => {
    const h = setup();
    must(
      await h.scenarios.start({
        id: 'fraud-1',
        scenario: 'anti-fraud-outreach',
        trigger: 'manual',
        by: 'qj-sj-zzwd-staff',
        gridId: 'qj-sj-c1-g1',
        data: { theme: '警惕冒充客服退款诈骗' },
        lists: { households },
      }),
    );
    const refused = await h.scenarios.send('fraud-1', {
      type: 'CHECK_IN',
      by: 'qj-sj-c1-g1-worker',
      step: 'outreach',
      target: 'qj-sj-h001',
    });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('run.notAssignee');
    const outside = await h.scenarios.send('fraud-1', {
      type: 'CHECK_IN',
      by: 'qj-sj-c1-g1-rider',
      step: 'outreach',
      target: 'qj-th-h001',
    });
    expect(outside.ok ? 'accepted' : outside.error.code).toBe('run.notInList');
    for (const [i, target] of households.slice(0, 9).entries()) {
      await h.at((i + 1) * 720);
      must(
        await h.scenarios.send('fraud-1', {
          type: 'CHECK_IN',
          by: riders[i % riders.length],
          step: 'outreach',
          target,
          data: { leafletGiven: true, appInstalled: i % 3 !== 2 },
        }),
      );
    }

    const trail = await h.trail('fraud-1');
    expect(trail).toEqual([
      ['START', null, 'outreach', 'qj-sj-zzwd-staff', 0],
      ...households
        .slice(0, 9)
        .map((_, i): Trail[number] => [
          'CHECK_IN',
          'outreach',
          i === 8 ? 'completed' : 'outreach',
          riders[i % riders.length] as string,
          (i + 1) * 720,
        ]),
    ]);
    const audit = await h.scenarios.auditTrail('fraud-1');
    expect(audit[3]?.data).toEqual({
      step: 'outreach',
      target: 'qj-sj-h003',
      data: { leafletGiven: true, appInstalled: false },
    });
    expect(await h.outbox()).toEqual([
      [0, 'fraud-1', 'zz.notify', ['role:partTimeGridWorker']],
      [6480, 'fraud-1', 'zz.notify', ['post:qj-sj-zzwd', 'department:qj-police']],
    ]);
    expect(await h.kpis('fraud-1')).toEqual({
      coverage: { value: 0.9, met: true },
      cycleTime: { value: 6480 * MIN, met: true },
    });
  });

  it('given riders who cover only 5 households, when 14 days pass, then the town is told and the public-security post follows up; coverage misses its target', async () => {
    const h = setup();
    must(
      await h.scenarios.start({
        id: 'fraud-2',
        scenario: 'anti-fraud-outreach',
        trigger: 'monthly',
        by: 'qj-sj-duty',
        gridId: 'qj-sj-c2-g2',
        lists: { households },
      }),
    );
    for (const [i, target] of households.slice(0, 5).entries()) {
      await h.at((i + 1) * 1440);
      must(
        await h.scenarios.send('fraud-2', {
          type: 'CHECK_IN',
          by: 'qj-sj-c2-g2-rider',
          step: 'outreach',
          target,
          data: { leafletGiven: true, appInstalled: true },
        }),
      );
    }
    await h.at(14 * 1440);
    await h.at(15 * 1440);
    must(
      await h.scenarios.send('fraud-2', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-zzwd-staff',
        step: 'followUp',
        outcome: 'done',
        data: { followUpNote: '补访 5 户，均已发放宣传单' },
      }),
    );
    expect((await h.trail('fraud-2')).slice(5)).toEqual([
      ['CHECK_IN', 'outreach', 'outreach', 'qj-sj-c2-g2-rider', 7200],
      ['TIMEOUT', 'outreach', 'followUp', 'system', 20_160],
      ['TASK_COMPLETE', 'followUp', 'completed', 'qj-sj-zzwd-staff', 21_600],
    ]);
    expect((await h.outbox()).filter((x) => x[2] === 'zz.escalate')).toEqual([
      [20_160, 'fraud-2', 'zz.escalate', ['commandCenter:qj-sj']],
    ]);
    expect(await h.kpis('fraud-2')).toEqual({
      coverage: { value: 0.5, met: false },
      cycleTime: { value: 21_600 * MIN, met: false },
    });
  });
});

describe('built-in scenario elderly-health-band (留守老人智能健康手环)', () => {
  it('given a fall nobody answers, when the grid worker is late too, then the town is told, the elderly-care post is dispatched, and the ambulance and the family are called in parallel', async () => {
    const h = setup();
    must(
      await h.scenarios.start({
        id: 'band-1',
        scenario: 'elderly-health-band',
        trigger: 'manual',
        by: 'qj-sj-duty',
        gridId: 'qj-sj-c1-g1',
        data: { alarmType: 'fall', heartRate: 150, elderName: '张奶奶' },
      }),
    );
    await h.at(5);
    await h.at(35);
    const care = await h.caseOf('band-1', 'dispatchCare');
    await h.at(40);
    await h.toCase(care, { type: 'ACKNOWLEDGE', by: 'qj-sj-ylfw-staff' });
    await h.at(50);
    must(
      await h.scenarios.send('band-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-g1-worker',
        step: 'visit',
        outcome: 'emergency',
        data: { condition: '跌倒后意识模糊' },
      }),
    );
    await h.at(53);
    must(
      await h.scenarios.send('band-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-g1-worker',
        step: 'callAmbulance',
        outcome: 'done',
      }),
    );
    const emergency = JSON.stringify({
      emergency: { ambulance: 'callAmbulance', family: '$done' },
    });
    expect(await h.trail('band-1')).toEqual([
      ['START', null, 'call', 'qj-sj-duty', 0],
      ['TIMEOUT', 'call', 'visit', 'system', 5],
      ['TIMEOUT', 'visit', 'dispatchCare', 'system', 35],
      ['CASE_ACKNOWLEDGED', 'dispatchCare', 'visit', 'system', 40],
      ['TASK_COMPLETE', 'visit', emergency, 'qj-sj-c1-g1-worker', 50],
      ['TASK_COMPLETE', emergency, 'handled', 'qj-sj-c1-g1-worker', 53],
    ]);
    expect(await h.trail(care)).toEqual([
      ['REPORT', null, 'assigned', 'system', 35],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-ylfw-staff', 40],
    ]);
    expect((await h.outbox()).filter((x) => x[1] === 'band-1')).toEqual([
      [35, 'band-1', 'zz.escalate', ['commandCenter:qj-sj']],
      [50, 'band-1', 'zz.notify', ['family:primary']],
      [53, 'band-1', 'zz.notify', ['post:qj-sj-ylfw']],
    ]);
    expect(await h.kpis('band-1')).toEqual({
      responseTime: { value: 50 * MIN, met: false },
      handledCount: { value: 1, met: null },
    });
  });
});

describe('built-in scenario standard-case-flow (标准事件流程模板, 荣昌区檬梓桥河)', () => {
  const report = {
    title: '檬梓桥河雨污混流',
    description: '雨污混流，污水管网破损',
    location: '三江社区檬梓桥河段',
    reporterPhone: '13800000000',
  };

  it('given a grid worker’s report, when it is accepted, dispatched, resolved, reopened on verification and resolved again, then it closes in 3 days with the case machine’s trail alongside', async () => {
    const h = setup();
    must(
      await h.scenarios.start({
        id: 'river-1',
        scenario: 'standard-case-flow',
        trigger: 'report',
        by: 'qj-sj-c1-g1-worker',
        gridId: 'qj-sj-c1-g1',
        data: report,
      }),
    );
    await h.at(8);
    must(
      await h.scenarios.send('river-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-duty',
        step: 'intake',
        outcome: 'accept',
        data: { intakeNote: '派村镇建设岗牵头' },
      }),
    );
    const caseId = await h.caseOf('river-1', 'dispatchPost');
    await h.at(32);
    await h.toCase(caseId, { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' });
    await h.at(392);
    await h.toCase(caseId, { type: 'PROGRESS', by: 'qj-sj-czjs-staff', note: '方案已定' });
    await h.at(2880);
    const resolve = (resolution: string) =>
      h.scenarios.send('river-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-czjs-staff',
        step: 'resolve',
        outcome: 'resolved',
        data: { resolution },
      });
    must(await resolve('破损管网已修复'));
    await h.toCase(caseId, { type: 'RESOLVE', by: 'qj-sj-czjs-staff', result: '管网已修复' });
    await h.at(3000);
    must(
      await h.scenarios.send('river-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-g1-worker',
        step: 'verify',
        outcome: 'reopen',
        data: { verifyNote: '仍有污水直排口' },
      }),
    );
    await h.toCase(caseId, { type: 'REOPEN', by: 'qj-sj-c1-g1-worker', reason: '仍有污水直排口' });
    await h.at(4200);
    must(await resolve('直排口已封堵，雨污分流'));
    await h.toCase(caseId, { type: 'RESOLVE', by: 'qj-sj-czjs-staff', result: '雨污分流完成' });
    await h.at(4320);
    must(
      await h.scenarios.send('river-1', {
        type: 'TASK_COMPLETE',
        by: 'qj-sj-c1-g1-worker',
        step: 'verify',
        outcome: 'confirm',
        data: { verifyNote: '河水清澈' },
      }),
    );
    await h.toCase(caseId, { type: 'CONFIRM', by: 'qj-sj-c1-g1-worker' });

    expect(await h.trail('river-1')).toEqual([
      ['START', null, 'intake', 'qj-sj-c1-g1-worker', 0],
      ['TASK_COMPLETE', 'intake', 'dispatchPost', 'qj-sj-duty', 8],
      ['CASE_ACKNOWLEDGED', 'dispatchPost', 'resolve', 'system', 32],
      ['TASK_COMPLETE', 'resolve', 'verify', 'qj-sj-czjs-staff', 2880],
      ['TASK_COMPLETE', 'verify', 'resolve', 'qj-sj-c1-g1-worker', 3000],
      ['TASK_COMPLETE', 'resolve', 'verify', 'qj-sj-czjs-staff', 4200],
      ['TASK_COMPLETE', 'verify', 'closed', 'qj-sj-c1-g1-worker', 4320],
      ['CASE_CLOSED', 'closed', 'closed', 'system', 4320],
    ]);
    expect(await h.trail(caseId)).toEqual([
      ['REPORT', null, 'assigned', 'system', 8],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-czjs-staff', 32],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-sj-czjs-staff', 392],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-czjs-staff', 2880],
      ['REOPEN', 'verifying', 'inProgress', 'qj-sj-c1-g1-worker', 3000],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-czjs-staff', 4200],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-c1-g1-worker', 4320],
    ]);
    expect((await h.engine.get(caseId))?.context).toMatchObject({
      category: 'riverPollution',
      section: 'economicDevelopment',
      reopens: 1,
      outcome: 'resolved',
    });
    expect((await h.outbox()).filter((x) => x[1] === 'river-1')).toEqual([]);
    expect(await h.kpis('river-1')).toEqual({
      acknowledgeTime: { value: 32 * MIN, met: true },
      closeTime: { value: 4320 * MIN, met: true },
      closedCount: { value: 1, met: null },
    });
  });

  it('given reports the duty officer rejects or merges, then each ends with its outcome and opens no case', async () => {
    const h = setup();
    for (const [id, outcome, end] of [
      ['river-2', 'reject', 'rejected'],
      ['river-3', 'merge', 'merged'],
    ] as const) {
      must(
        await h.scenarios.start({
          id,
          scenario: 'standard-case-flow',
          trigger: 'report',
          by: 'qj-sj-c1-g2-worker',
          gridId: 'qj-sj-c1-g2',
          data: report,
        }),
      );
      await h.at(outcome === 'reject' ? 10 : 20);
      must(
        await h.scenarios.send(id, {
          type: 'TASK_COMPLETE',
          by: 'qj-sj-duty2',
          step: 'intake',
          outcome,
        }),
      );
      const record = await h.scenarios.get(id);
      expect([record?.status, record?.context.outcome, record?.context.cases]).toEqual([
        end,
        end === 'rejected' ? 'invalid' : 'merged',
        {},
      ]);
    }
  });
});
