import { describe, expect, it } from 'vitest';
import { Directory, type Notification, SimulatedClock } from '../src/index.js';
import { computeKpis } from '../src/kpi/index.js';
import { Engine } from '../src/runtime.js';
import {
  playStory,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
  seedStories,
} from '../src/sample/index.js';

/** [event, from, to, actor, minutes after the story's start] of every audit entry, per case. */
type Trail = [string, string | null, string, string, number][];

const expectedTrails: Record<string, Record<string, Trail>> = {
  riverPollution: {
    'river-1': [
      ['REPORT', null, 'intake', 'qj-sj-c1-g1-worker', 0],
      ['ACCEPT', 'intake', 'dispatching', 'qj-sj-duty', 8],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-sj-duty', 12],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-czjs-staff', 32],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-sj-czjs-staff', 392],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-czjs-staff', 4352],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-c1-g1-worker', 4472],
    ],
  },
  schoolCrossing: {
    'crossing-1': [
      ['REPORT', null, 'intake', 'qj-th-c1-g1-worker', 0],
      ['ACCEPT', 'intake', 'dispatching', 'qj-th-duty', 15],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-th-duty', 20],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-cgj-staff', 60],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-cgj-staff', 2940],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-cgj-staff', 5700],
      ['CONFIRM', 'verifying', 'closed', 'qj-th-c1-g1-worker', 5760],
    ],
  },
  escalationLadder: {
    'ladder-1': [
      ['REPORT', null, 'gridHandling', 'qj-sj-c2-g1-worker', 0],
      ['ESCALATE', 'gridHandling', 'communityHandling', 'qj-sj-c2-g1-chief', 30],
      ['ESCALATE', 'communityHandling', 'intake', 'qj-sj-c2-staff', 90],
      ['ACCEPT', 'intake', 'dispatching', 'qj-sj-duty', 100],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-sj-duty', 100],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-zzwd-staff', 130],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-zzwd-staff', 970],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-c2-g1-worker', 1150],
    ],
    'ladder-2': [
      ['REPORT', null, 'gridHandling', 'qj-sj-c2-g2-worker', 1150],
      ['RESOLVE_ON_SITE', 'gridHandling', 'closed', 'qj-sj-c2-g2-worker', 1170],
    ],
  },
  returnedAndRedispatched: {
    'vendor-1': [
      ['REPORT', null, 'intake', 'qj-th-c2-g1-rider', 0],
      ['ACCEPT', 'intake', 'dispatching', 'qj-th-duty', 5],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-th-duty', 5],
      ['RETURN', 'assigned', 'dispatching', 'qj-th-shsw-staff', 30],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-th-duty2', 40],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-th-zzwd-staff', 55],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-th-shsw-staff', 235],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-th-zzwd-staff', 355],
      ['CONFIRM', 'verifying', 'closed', 'qj-th-duty', 415],
    ],
  },
  acknowledgeOverdue: {
    'water-1': [
      ['REPORT', null, 'intake', 'qj-sj-c1-g2-worker', 0],
      ['ACCEPT', 'intake', 'dispatching', 'qj-sj-duty', 10],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-sj-duty', 10],
      ['SLA_OVERDUE', 'assigned', 'assigned', 'system', 80],
      ['SLA_OVERDUE', 'assigned', 'assigned', 'system', 200],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-sj-czjs-staff', 200],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-sj-czjs-staff', 500],
      ['CONFIRM', 'verifying', 'closed', 'qj-sj-c1-g2-chief', 560],
    ],
  },
  reopenedVerification: {
    'water-2': [
      ['REPORT', null, 'intake', 'qj-th-c1-g2-worker', 0],
      ['ACCEPT', 'intake', 'dispatching', 'qj-th-duty', 10],
      ['DISPATCH', 'dispatching', 'assigned', 'qj-th-duty', 10],
      ['ACKNOWLEDGE', 'assigned', 'inProgress', 'qj-th-czjs-staff', 30],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-th-czjs-staff', 390],
      ['REOPEN', 'verifying', 'inProgress', 'qj-th-c1-g2-worker', 510],
      ['PROGRESS', 'inProgress', 'inProgress', 'qj-th-czjs-staff', 570],
      ['RESOLVE', 'inProgress', 'verifying', 'qj-th-czjs-staff', 870],
      ['CONFIRM', 'verifying', 'closed', 'qj-th-c1-g2-worker', 990],
    ],
  },
};

/** Per story: the longest duration of each KPI (minutes), SLA [met, missed], supervisions, outcomes. */
const expectedKpis = {
  riverPollution: {
    maxMinutes: { accept: 8, acknowledge: 20, resolve: 4340, close: 4472 },
    sla: { accept: [1, 0], acknowledge: [1, 0], resolve: [1, 0] },
    supervisions: { level1: 0, level2: 0 },
    outcomes: { resolved: 1 },
  },
  schoolCrossing: {
    maxMinutes: { accept: 15, acknowledge: 40, resolve: 5680, close: 5760 },
    sla: { accept: [1, 0], acknowledge: [1, 0], resolve: [1, 0] },
    supervisions: { level1: 0, level2: 0 },
    outcomes: { resolved: 1 },
  },
  escalationLadder: {
    maxMinutes: { accept: 100, acknowledge: 30, resolve: 870, close: 1150 },
    sla: { accept: [1, 0], acknowledge: [1, 0], resolve: [1, 0] },
    supervisions: { level1: 0, level2: 0 },
    outcomes: { resolved: 1, resolvedOnSite: 1 },
  },
  returnedAndRedispatched: {
    maxMinutes: { accept: 5, acknowledge: 15, resolve: 350, close: 415 },
    sla: { accept: [2, 0], acknowledge: [2, 0], resolve: [1, 0] },
    supervisions: { level1: 0, level2: 0 },
    outcomes: { resolved: 1 },
  },
  acknowledgeOverdue: {
    maxMinutes: { accept: 10, acknowledge: 190, resolve: 490, close: 560 },
    sla: { accept: [1, 0], acknowledge: [0, 1], resolve: [1, 0] },
    supervisions: { level1: 1, level2: 1 },
    outcomes: { resolved: 1 },
  },
  reopenedVerification: {
    maxMinutes: { accept: 10, acknowledge: 20, resolve: 860, close: 990 },
    sla: { accept: [1, 0], acknowledge: [1, 0], resolve: [2, 0] },
    supervisions: { level1: 0, level2: 0 },
    outcomes: { resolved: 1 },
  },
} as const;

async function play(storyId: string) {
  const story = seedStories.find((s) => s.id === storyId);
  if (!story) throw new Error(storyId);
  const clock = new SimulatedClock(0);
  const engine = new Engine({
    directory: new Directory(sampleOrg),
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  const notifications: Notification[] = [];
  engine.subscribe((c) => notifications.push(...c.notifications));
  const { caseIds } = await playStory(engine, clock, story);
  const cases = await Promise.all(
    caseIds.map(async (id) => {
      const record = await engine.get(id);
      if (!record) throw new Error(id);
      return { record, audit: await engine.auditTrail(id) };
    }),
  );
  return { engine, clock, start: Date.parse(story.start), cases, notifications };
}

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

describe('the seed stories, replayed on the Engine with a simulated clock', () => {
  for (const story of seedStories) {
    it(`given the story ${story.id}, when replayed, then every case's full audit trail and the KPIs are as the article tells`, async () => {
      const { engine, clock, start, cases } = await play(story.id);
      const trails = Object.fromEntries(
        cases.map(({ record, audit }) => [
          record.id,
          audit.map((e) => [e.event, e.from, e.to, e.actorId, (e.at - start) / 60_000]),
        ]),
      );
      expect(trails).toEqual(expectedTrails[story.id]);
      for (const { record } of cases) {
        expect(record.status).toBe('closed');
        expect(await engine.verify(record.id)).toMatchObject({ ok: true });
      }
      const k = computeKpis(cases, { now: clock.now() });
      const want = expectedKpis[story.id as keyof typeof expectedKpis];
      expect({
        accept: minutes(k.durations.accept.max),
        acknowledge: minutes(k.durations.acknowledge.max),
        resolve: minutes(k.durations.resolve.max),
        close: minutes(k.durations.close.max),
      }).toEqual(want.maxMinutes);
      expect({
        accept: [k.slaCompliance.accept.met, k.slaCompliance.accept.missed],
        acknowledge: [k.slaCompliance.acknowledge.met, k.slaCompliance.acknowledge.missed],
        resolve: [k.slaCompliance.resolve.met, k.slaCompliance.resolve.missed],
      }).toEqual(want.sla);
      expect(k.supervisions).toEqual(want.supervisions);
      expect(k.byOutcome).toEqual(want.outcomes);
      expect(k.overdue).toEqual([]);
    });
  }

  it('given the river story, then the village/town construction post is told of the dispatch and the case closes about 3 days after the report', async () => {
    const { cases, notifications } = await play('riverPollution');
    const dispatch = notifications.find((n) => n.topic === 'DISPATCH');
    expect(dispatch?.to).toEqual([{ kind: 'post', id: 'qj-sj-czjs' }]);
    const audit = cases[0]?.audit ?? [];
    const days = ((audit.at(-1)?.at ?? 0) - (audit[0]?.at ?? 0)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(days).toBeLessThan(3.5);
  });

  it('given a second crossing on the department-led list, then a town post may not lead it', async () => {
    const { engine } = await play('schoolCrossing');
    const clock = engine.clock as SimulatedClock;
    await engine.report({
      id: 'crossing-2',
      gridId: 'qj-th-c1-g1',
      reporterId: 'qj-th-c1-g1-worker',
      category: 'roadFacilities',
      severity: 'high',
      title: '另一处人行道过窄',
    });
    clock.advance('PT1M');
    await engine.send('crossing-2', { type: 'ACCEPT', by: 'qj-th-duty' });
    const toPost = await engine.send('crossing-2', {
      type: 'DISPATCH',
      by: 'qj-th-duty',
      lead: { kind: 'post', id: 'qj-th-czjs' },
    });
    expect(!toPost.ok && toPost.error.code).toBe('routing.departmentLed');
    expect((await engine.get('crossing-2'))?.status).toBe('dispatching');
  });

  it('given the escalation ladder, then the community is told first, then the command center', async () => {
    const { notifications } = await play('escalationLadder');
    const escalations = notifications.filter((n) => n.topic === 'ESCALATE').map((n) => n.to);
    expect(escalations).toEqual([
      [{ kind: 'community', id: 'qj-sj-c2' }],
      [{ kind: 'commandCenter', id: 'qj-sj' }],
    ]);
  });

  it('given the missed acknowledge deadline, then supervision goes to the section lead, then the commander', async () => {
    const { notifications } = await play('acknowledgeOverdue');
    const supervision = notifications.filter((n) => n.topic === 'SLA_OVERDUE').map((n) => n.to[0]);
    expect(supervision).toEqual([
      { kind: 'sectionLead', id: 'qj-sj', section: 'economicDevelopment' },
      { kind: 'commander', id: 'qj-sj' },
    ]);
  });
});
