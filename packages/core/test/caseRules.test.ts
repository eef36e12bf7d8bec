import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import * as core from '../src/index.js';
import {
  type CaseEventType,
  type CaseRule,
  type CaseStatus,
  caseEventTypes,
  caseRules,
  caseStatuses,
  createCaseMachine,
  type DispatchTarget,
  type ErrorCode,
  openCaseRules,
  type SimulatedClock,
} from '../src/index.js';
import type { Engine, Store } from '../src/runtime.js';
import { sampleDutyLists } from '../src/sample/index.js';
import {
  coDepartment,
  DAY,
  directory,
  ESCALATE_AFTER,
  expectedDue,
  HOUR,
  inScope,
  leadPost,
  MERGE_TARGET_ID,
  type Member,
  MINUTE,
  members,
  newEngine,
  type Role,
  reportedContext,
  roles,
  supportPost,
  townOf,
  who,
} from './support/casePaths.js';
import { requiredFields } from './support/requiredFields.js';

// ── fixtures ────────────────────────────────────────────────────────────────────────────────

/** Two ways a case is led: by a town post (river pollution) or by a district department (road facilities). */
interface Fixture {
  name: string;
  category: string;
  lead: DispatchTarget;
  coHandlers: DispatchTarget[];
  leadStaff: string;
  coStaff: string;
}

const postLed: Fixture = {
  name: 'post-led',
  category: 'riverPollution',
  lead: leadPost,
  coHandlers: [coDepartment],
  leadStaff: 'qj-sj-czjs-staff',
  coStaff: 'qj-cgj-staff',
};
const departmentLed: Fixture = {
  name: 'department-led',
  category: 'roadFacilities',
  lead: { kind: 'department', id: 'qj-cgj' },
  coHandlers: [{ kind: 'post', id: 'qj-sj-czjs' }],
  leadStaff: 'qj-cgj-staff',
  coStaff: 'qj-sj-czjs-staff',
};
const fixtures = [postLed, departmentLed];

const CASE = 'case-1';
const OTHER_TOWN_CASE = 'th-case';
const CLOSED_CASE = 'closed-case';
const TOWN = 'qj-sj';

/** Where members stand relative to a fixture's case once dispatched. */
const scopeCtx = (f: Fixture) => ({
  gridId: 'qj-sj-c1-g1',
  communityId: 'qj-sj-c1',
  townId: TOWN,
  lead: f.lead,
  coHandlers: f.coHandlers,
});

type Command = Record<string, unknown> & { type: string; by: string };

function must<T extends { ok: boolean }>(r: T, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify((r as { error?: unknown }).error)}`);
  return r;
}

interface Harness {
  engine: Engine;
  clock: SimulatedClock;
  store: Store;
}

const onGridStatuses: CaseStatus[] = ['gridHandling', 'communityHandling'];
const lifecycle: CaseStatus[] = ['intake', 'dispatching', 'assigned', 'inProgress', 'verifying'];

/**
 * A fresh Engine with the case `case-1` brought to `status` by the members who may do so, plus
 * three other cases: an open one of the same town (merge target), one of the other town, and a
 * closed one. One simulated minute passes between steps.
 */
async function caseIn(
  status: CaseStatus,
  f: Fixture = postLed,
  options: { emergency?: boolean } = {},
): Promise<Harness> {
  const h = newEngine();
  const { engine, clock } = h;
  const side = (id: string, gridId: string, reporterId: string) =>
    engine.report({
      id,
      gridId,
      reporterId,
      category: 'streetVendors',
      severity: 'low',
      title: '占道经营',
      handleOnGrid: true,
    });
  must(await side(MERGE_TARGET_ID, 'qj-sj-c2-g1', 'qj-sj-c2-g1-worker'), 'merge target');
  must(await side(OTHER_TOWN_CASE, 'qj-th-c1-g1', 'qj-th-c1-g1-worker'), 'other town case');
  must(await side(CLOSED_CASE, 'qj-sj-c1-g2', 'qj-sj-c1-g2-worker'), 'closed case');
  must(
    await engine.send(CLOSED_CASE, {
      type: 'RESOLVE_ON_SITE',
      by: 'qj-sj-c1-g2-chief',
      result: '已劝离',
    }),
    'close closed case',
  );
  must(
    await engine.report({
      id: CASE,
      gridId: 'qj-sj-c1-g1',
      reporterId: who.worker,
      category: f.category,
      severity: 'medium',
      title: '河道排污 / 学校门口人行道过窄',
      handleOnGrid: onGridStatuses.includes(status),
    }),
    'report',
  );
  const steps: Command[] = [];
  if (status === 'communityHandling') steps.push({ type: 'ESCALATE', by: who.worker });
  const depth = status === 'closed' ? lifecycle.length : lifecycle.indexOf(status);
  if (depth >= 1) steps.push({ type: 'ACCEPT', by: who.duty });
  if (depth >= 2)
    steps.push({ type: 'DISPATCH', by: who.duty, lead: f.lead, coHandlers: f.coHandlers });
  if (depth >= 3) steps.push({ type: 'ACKNOWLEDGE', by: f.leadStaff });
  if (depth >= 4) steps.push({ type: 'RESOLVE', by: f.leadStaff, result: '已处置' });
  if (depth >= 5) steps.push({ type: 'CONFIRM', by: who.worker });
  if (options.emergency)
    steps.push({ type: 'DECLARE_EMERGENCY', by: who.commander, plan: '防汛应急预案' });
  for (const c of steps) {
    clock.advance(MINUTE);
    must(await engine.send(CASE, c), `${c.type} on the way to ${status}`);
  }
  clock.advance(MINUTE);
  expect((await engine.get(CASE))?.status).toBe(status);
  return h;
}

async function stateOf(h: Harness, id = CASE) {
  return {
    record: await h.engine.get(id),
    trail: await h.engine.auditTrail(id),
    timers: await h.store.timersOf(id),
  };
}

/** Sends and expects a refusal with `code` (and `path`), after which nothing has changed. */
async function expectRefused(
  h: Harness,
  input: unknown,
  code: ErrorCode,
  path?: (string | number)[],
  id = CASE,
) {
  const before = structuredClone(await stateOf(h, id));
  const result = await h.engine.send(id, input);
  expect(result.ok, JSON.stringify(result.ok ? result.entry : result.error)).toBe(false);
  if (result.ok) return undefined;
  expect(result.error.code).toBe(code);
  if (path) expect(result.error.path).toEqual(path);
  expect(result.error.message.zh.length).toBeGreaterThan(0);
  expect(result.error.message.en.length).toBeGreaterThan(0);
  expect(await stateOf(h, id)).toEqual(before);
  return result.error;
}

/** Sends and expects the event applied from `from` to `to` with one audit entry. */
async function expectApplied(
  h: Harness,
  command: Command,
  from: CaseStatus,
  to: CaseStatus,
  id = CASE,
) {
  const before = structuredClone(await stateOf(h, id));
  const result = await h.engine.send(id, command);
  if (!result.ok) throw new Error(`${command.type} by ${command.by}: ${result.error.code}`);
  const member = members.find((m) => m.id === command.by) as Member;
  const after = await stateOf(h, id);
  expect(after.record?.status).toBe(to);
  expect(after.record?.version).toBe((before.record?.version ?? 0) + 1);
  expect(after.trail).toHaveLength(before.trail.length + 1);
  expect(after.trail.slice(0, -1)).toEqual(before.trail);
  expect(after.trail.at(-1)).toEqual(result.entry);
  expect(result.entry).toMatchObject({
    seq: before.trail.length + 1,
    from,
    to,
    actorId: member.id,
    role: member.role,
    event: command.type,
    at: h.clock.now(),
    prevHash: before.record?.lastHash,
  });
  expect(await h.engine.verify(id)).toEqual({ ok: true, length: after.trail.length });
  return result;
}

/** A valid command of each type, as a member would send it for a fixture's case. */
function commandOf(type: CaseEventType, by: string, f: Fixture = postLed): Command {
  switch (type) {
    case 'RESOLVE_ON_SITE':
      return { type, by, result: '现场处置完毕', photos: ['https://img.example/1.jpg'] };
    case 'ESCALATE':
      return { type, by, reason: '需要上级协调' };
    case 'ACCEPT':
      return { type, by, note: '接件' };
    case 'REJECT':
      return { type, by, reason: '经核实不属实' };
    case 'MERGE':
      return { type, by, intoCaseId: MERGE_TARGET_ID };
    case 'DISPATCH':
      return { type, by, lead: f.lead, coHandlers: f.coHandlers, note: '请尽快处置' };
    case 'ACKNOWLEDGE':
      return { type, by };
    case 'RETURN':
      return { type, by, reason: '不属本岗职责' };
    case 'PROGRESS':
      return { type, by, note: '已到场' };
    case 'REQUEST_SUPPORT':
      return { type, by, targets: [supportPost] };
    case 'RESOLVE':
      return { type, by, result: '已处置' };
    case 'CONFIRM':
      return { type, by, note: '核查属实' };
    case 'REOPEN':
      return { type, by, reason: '问题仍在' };
    case 'CANCEL':
      return { type, by, reason: '重复上报' };
    case 'DECLARE_EMERGENCY':
      return { type, by, plan: '防汛应急预案' };
    case 'STAND_DOWN':
      return { type, by, note: '险情解除' };
    case 'SLA_OVERDUE':
      return { type, by, clock: 'accept', level: 1, dueAt: 0 };
  }
}

const openStatuses = caseStatuses.filter((s) => s !== 'closed');
const rulesOf = (status: CaseStatus): Partial<Record<CaseEventType, CaseRule>> =>
  status === 'closed' ? {} : { ...caseRules[status], ...openCaseRules };

/** The first status in which an event type may be sent, and a member who may send it there. */
function homeOf(type: CaseEventType): { status: CaseStatus; sender: string } {
  const status = openStatuses.find((s) => caseRules[s][type]) ?? 'intake';
  const rule = rulesOf(status)[type] as CaseRule;
  for (const a of rule.allow) {
    const m = members.find(
      (x) =>
        a.roles.includes(x.role) && x.role !== 'system' && inScope(x, a.scope, scopeCtx(postLed)),
    );
    if (m) return { status, sender: m.id };
  }
  return { status, sender: who.commander };
}

/** The member of a role standing nearest the case: its grid, community, lead/co-handler, town, district. */
function nearest(role: Role, f: Fixture): Member {
  const ctx = scopeCtx(f);
  const rank = (m: Member) =>
    inScope(m, 'grid', ctx)
      ? 0
      : inScope(m, 'community', ctx)
        ? 1
        : inScope(m, 'lead', ctx) || inScope(m, 'coHandler', ctx)
          ? 2
          : townOf(m) === TOWN
            ? 3
            : townOf(m) === undefined
              ? 4
              : 5;
  const found = members.filter((m) => m.role === role).sort((a, b) => rank(a) - rank(b))[0];
  if (!found) throw new Error(`no member with role ${role}`);
  return found;
}

// ── the public entry ───────────────────────────────────────────────────────────────────────

describe('the public entry of @zhizhi/core', () => {
  it('given an SDK user who builds an Engine, when importing from @zhizhi/core, then the Directory, SYSTEM_ACTOR_ID and the role list it needs are exported', () => {
    // An Engine cannot be built without a Directory (35fc33d once cut these exports off).
    const entry = core as Record<string, unknown>;
    expect(typeof entry.Directory).toBe('function');
    expect(entry.SYSTEM_ACTOR_ID).toBe('system');
    expect(entry.roles).toEqual(roles);
  });
});

// ── (a)–(c) every transition and every actor guard, generated from the tables ──────────────

/** (status, event, role) triples the tables allow, and those the generated tests applied. */
const allowedTriples = new Set<string>();
const exercisedTriples = new Set<string>();

for (const status of openStatuses) {
  describe(`a case in ${status}`, () => {
    for (const [type, rule] of Object.entries(rulesOf(status)) as [CaseEventType, CaseRule][]) {
      const to = rule.to ?? status;
      const needsEmergency = type === 'STAND_DOWN';
      for (const role of roles) {
        const allowances = rule.allow.filter((a) => a.roles.includes(role));
        if (allowances.length === 0) {
          const m = nearest(role, postLed);
          it(`given a case in ${status}, when a ${role} (${m.id}) sends ${type}, then it is refused with actor.roleNotAllowed and nothing changes`, async () => {
            const h = await caseIn(status, postLed, { emergency: needsEmergency });
            await expectRefused(h, commandOf(type, m.id), 'actor.roleNotAllowed', ['by']);
          });
          continue;
        }
        allowedTriples.add(`${status}.${type}.${role}`);
        if (role === 'system') continue; // SLA_OVERDUE: fired by tick, below
        const seen = new Set<string>();
        for (const f of fixtures) {
          for (const a of allowances) {
            const m = members.find((x) => x.role === role && inScope(x, a.scope, scopeCtx(f)));
            if (!m || seen.has(`ok:${m.id}`)) continue;
            seen.add(`ok:${m.id}`);
            exercisedTriples.add(`${status}.${type}.${role}`);
            it(`given a ${f.name} case in ${status}, when ${m.id} (${role}, in ${a.scope} scope) sends ${type}, then the case moves to ${to} with one audit entry naming them`, async () => {
              const h = await caseIn(status, f, { emergency: needsEmergency });
              await expectApplied(h, commandOf(type, m.id, f), status, to);
            });
          }
          const outsiders = members.filter(
            (x) => x.role === role && !allowances.some((a) => inScope(x, a.scope, scopeCtx(f))),
          );
          const districtLevel = allowances.every(
            (a) => a.scope === 'lead' || a.scope === 'coHandler',
          );
          const otherTown = outsiders.find((x) => townOf(x) !== undefined && townOf(x) !== TOWN);
          // Lead and co-handler scopes are district-wide (departments have no town): there the
          // Engine names the missing responsibility, not the town (authorizeCaseEvent's `districtLevel`).
          const otherTownCode: ErrorCode = districtLevel
            ? 'actor.outsideScope'
            : 'actor.outsideTown';
          if (otherTown && !seen.has(`out:${otherTown.id}`)) {
            seen.add(`out:${otherTown.id}`);
            it(`given a ${f.name} case in ${status} of ${TOWN}, when ${otherTown.id} (${role} of another town) sends ${type}, then it is refused with ${otherTownCode} and nothing changes`, async () => {
              const h = await caseIn(status, f, { emergency: needsEmergency });
              await expectRefused(h, commandOf(type, otherTown.id, f), otherTownCode, ['by']);
            });
          }
          const sameTown = outsiders.find((x) => townOf(x) === TOWN || townOf(x) === undefined);
          if (sameTown && !seen.has(`out:${sameTown.id}`)) {
            seen.add(`out:${sameTown.id}`);
            it(`given a ${f.name} case in ${status}, when ${sameTown.id} (${role} of ${townOf(sameTown) ?? 'the district'} but not its ${allowances.map((a) => a.scope).join('/')}) sends ${type}, then it is refused with actor.outsideScope and nothing changes`, async () => {
              const h = await caseIn(status, f, { emergency: needsEmergency });
              await expectRefused(h, commandOf(type, sameTown.id, f), 'actor.outsideScope', ['by']);
            });
          }
        }
      }
    }

    // (d) every event type the status does not accept
    for (const type of caseEventTypes.filter((t) => !rulesOf(status)[t])) {
      const { sender } = homeOf(type);
      it(`given a case in ${status}, when ${sender} sends ${type} (valid where it belongs), then it is refused with event.wrongState and nothing changes`, async () => {
        const h = await caseIn(status);
        const error = await expectRefused(h, commandOf(type, sender), 'event.wrongState');
        expect(error?.params).toEqual({ type, status });
      });
    }
  });
}

describe('the contract table itself', () => {
  /** The table as the design describes it, written out: `to: role,role@scope | …`. */
  const contract: Record<string, string> = {
    'gridHandling.RESOLVE_ON_SITE': 'closed: gridWorker,partTimeGridWorker,gridChief@grid',
    'gridHandling.ESCALATE': 'communityHandling: gridWorker,partTimeGridWorker,gridChief@grid',
    'communityHandling.RESOLVE_ON_SITE': 'closed: communityStaff@community',
    'communityHandling.ESCALATE': 'intake: communityStaff@community',
    'intake.ACCEPT': 'dispatching: dutyOfficer,commander@town',
    'intake.REJECT': 'closed: dutyOfficer,commander@town',
    'intake.MERGE': 'closed: dutyOfficer,commander@town',
    'intake.SLA_OVERDUE': 'stays: system@system',
    'dispatching.DISPATCH': 'assigned: dutyOfficer,commander@town',
    'dispatching.SLA_OVERDUE': 'stays: system@system',
    'assigned.ACKNOWLEDGE': 'inProgress: postStaff,departmentStaff@lead',
    'assigned.RETURN': 'dispatching: postStaff,departmentStaff@lead',
    'assigned.SLA_OVERDUE': 'stays: system@system',
    'inProgress.PROGRESS':
      'stays: postStaff,departmentStaff@lead | postStaff,departmentStaff@coHandler',
    'inProgress.REQUEST_SUPPORT': 'stays: postStaff,departmentStaff@lead',
    'inProgress.RESOLVE': 'verifying: postStaff,departmentStaff@lead',
    'inProgress.SLA_OVERDUE': 'stays: system@system',
    'verifying.CONFIRM': 'closed: gridWorker,partTimeGridWorker,gridChief@grid | dutyOfficer@town',
    'verifying.REOPEN':
      'inProgress: gridWorker,partTimeGridWorker,gridChief@grid | dutyOfficer@town',
    '*.CANCEL': 'closed: commander@town',
    '*.DECLARE_EMERGENCY': 'stays: dutyOfficer,commander@town',
    '*.STAND_DOWN': 'stays: dutyOfficer,commander@town',
  };
  const show = (rule: CaseRule) =>
    `${rule.to ?? 'stays'}: ${rule.allow.map((a) => `${a.roles.join(',')}@${a.scope}`).join(' | ')}`;

  it('given caseRules and openCaseRules, then they say exactly who may move a case where, as the design describes (a change to the contract must change this test too)', () => {
    const actual: Record<string, string> = {};
    for (const status of caseStatuses) {
      for (const [type, rule] of Object.entries(caseRules[status]) as [string, CaseRule][]) {
        actual[`${status}.${type}`] = show(rule);
      }
    }
    for (const [type, rule] of Object.entries(openCaseRules) as [string, CaseRule][]) {
      actual[`*.${type}`] = show(rule);
    }
    expect(actual).toEqual(contract);
    expect(caseRules.closed).toEqual({});
  });
});

describe('the generated guard tests', () => {
  it('given the rules tables, when the tests above were generated, then every (status, event, role) the tables allow is applied by at least one member in scope', () => {
    const humanTriples = [...allowedTriples].filter((t) => !t.endsWith('.system'));
    expect(humanTriples.length).toBeGreaterThan(40);
    expect([...exercisedTriples].sort()).toEqual(humanTriples.sort());
  });
});

// ── SLA_OVERDUE: only the system, only when due ───────────────────────────────────────────

const slaStatuses = openStatuses.filter((s) => caseRules[s].SLA_OVERDUE);

describe('SLA supervision (SLA_OVERDUE from the system)', () => {
  it('given the rules tables, then SLA_OVERDUE is allowed exactly where a clock runs, to the system alone', () => {
    expect(slaStatuses).toEqual(['intake', 'dispatching', 'assigned', 'inProgress']);
    for (const s of slaStatuses) {
      expect(caseRules[s].SLA_OVERDUE).toEqual({
        to: null,
        allow: [{ roles: ['system'], scope: 'system' }],
      });
    }
  });

  for (const status of slaStatuses) {
    it(`given a case in ${status}, when its deadline passes and the Engine ticks, then the system applies SLA_OVERDUE level 1, and ${ESCALATE_AFTER / HOUR} h later level 2, staying in ${status}`, async () => {
      const h = await caseIn(status);
      const record = await h.engine.get(CASE);
      const ctx = record?.context ?? reportedContext('intake');
      const clockName = {
        intake: 'accept',
        dispatching: 'accept',
        assigned: 'acknowledge',
        inProgress: 'resolve',
      }[status as 'intake'];
      const due1 = expectedDue(status, ctx, 1) as number;
      expect(record?.slaDueAt).toBe(due1);
      expect(await h.store.timersOf(CASE)).toMatchObject([
        { clock: clockName, level: 1, dueAt: due1 },
      ]);

      h.clock.set(due1 - 1);
      const before = structuredClone(await stateOf(h));
      expect((await h.engine.tick()).fired).toBe(0);
      expect(await stateOf(h)).toEqual(before);

      for (const level of [1, 2] as const) {
        const due = expectedDue(status, ctx, level) as number;
        h.clock.set(due);
        const prev = await h.engine.get(CASE);
        const { fired, results } = await h.engine.tick();
        expect(fired).toBe(1);
        const r = results[0];
        if (!r?.ok) throw new Error('SLA_OVERDUE refused');
        expect(r.record.status).toBe(status);
        expect(r.record.version).toBe((prev?.version ?? 0) + 1);
        expect(r.record.context.supervision).toEqual({ clock: clockName, level });
        expect(r.entry).toMatchObject({
          event: 'SLA_OVERDUE',
          actorId: 'system',
          role: 'system',
          from: status,
          to: status,
          at: due,
          data: { clock: clockName, level, dueAt: due },
        });
      }
      expect(await h.store.timersOf(CASE)).toEqual([]);
      h.clock.advance(30 * DAY);
      expect((await h.engine.tick()).fired).toBe(0);
      expect(await h.engine.verify(CASE)).toMatchObject({ ok: true });
    });

    it(`given a case in ${status}, when anyone sends SLA_OVERDUE as 'system' from outside, then it is refused with actor.roleNotAllowed and nothing changes`, async () => {
      const h = await caseIn(status);
      const clockName = {
        intake: 'accept',
        dispatching: 'accept',
        assigned: 'acknowledge',
        inProgress: 'resolve',
      }[status as 'intake'];
      await expectRefused(
        h,
        { type: 'SLA_OVERDUE', by: 'system', clock: clockName, level: 1, dueAt: 0 },
        'actor.roleNotAllowed',
        ['by'],
      );
    });
  }

  it('given a case in intake, when the system sends an SLA_OVERDUE of the wrong clock or level, then the machine refuses it (event.notApplicable)', async () => {
    const { authorizeCaseEvent } = core;
    const ctx = reportedContext('intake');
    for (const [clock, level] of [
      ['acknowledge', 1],
      ['resolve', 1],
      ['accept', 2],
    ] as const) {
      const err = authorizeCaseEvent(directory, sampleDutyLists, 'intake', ctx, {
        type: 'SLA_OVERDUE',
        by: 'system',
        clock,
        level,
        dueAt: 0,
      });
      expect(err?.code).toBe('event.notApplicable');
    }
  });
});

// ── (e) payloads ───────────────────────────────────────────────────────────────────────────

/** Invalid values and the path they must be reported at. */
const invalidValues: [CaseEventType, Record<string, unknown>, (string | number)[]][] = [
  ['REJECT', { reason: '' }, ['reason']],
  ['REJECT', { reason: 42 }, ['reason']],
  ['RETURN', { reason: 'x'.repeat(2001) }, ['reason']],
  ['DISPATCH', { lead: { kind: 'team', id: 'qj-sj-czjs' } }, ['lead', 'kind']],
  ['DISPATCH', { lead: { kind: 'post' } }, ['lead', 'id']],
  ['DISPATCH', { lead: 'qj-sj-czjs' }, ['lead']],
  [
    'DISPATCH',
    {
      coHandlers: [
        { kind: 'department', id: 'qj-cgj' },
        { kind: 'x', id: 'y' },
      ],
    },
    ['coHandlers', 1, 'kind'],
  ],
  ['DISPATCH', { dueAt: -1 }, ['dueAt']],
  ['DISPATCH', { dueAt: 1.5 }, ['dueAt']],
  ['REQUEST_SUPPORT', { targets: [] }, ['targets']],
  ['REQUEST_SUPPORT', { targets: Array.from({ length: 13 }, () => supportPost) }, ['targets']],
  ['RESOLVE_ON_SITE', { photos: Array.from({ length: 21 }, (_, i) => `p${i}.jpg`) }, ['photos']],
  ['RESOLVE_ON_SITE', { photos: [''] }, ['photos', 0]],
  ['MERGE', { intoCaseId: '' }, ['intoCaseId']],
  ['DECLARE_EMERGENCY', { plan: 'x'.repeat(201) }, ['plan']],
  ['ACCEPT', { by: '' }, ['by']],
  ['ACCEPT', { by: 7 }, ['by']],
  ['ACCEPT', { note: '' }, ['note']],
  ['SLA_OVERDUE', { level: 3 }, ['level']],
  ['SLA_OVERDUE', { clock: 'lunch' }, ['clock']],
];

describe('payload validation', () => {
  for (const type of caseEventTypes) {
    const { status, sender } = homeOf(type);
    for (const field of requiredFields[type]) {
      it(`given a case in ${status}, when ${type} arrives without ${field}, then it is refused with payload.invalid at ['${field}'] and nothing changes`, async () => {
        const h = await caseIn(status, postLed, { emergency: type === 'STAND_DOWN' });
        const input = commandOf(type, sender);
        delete input[field];
        const error = await expectRefused(h, input, 'payload.invalid', [field]);
        expect(error?.params.path).toBe(field);
      });
    }
  }

  for (const [type, patch, path] of invalidValues) {
    it(`given a ${type} with ${JSON.stringify(patch).slice(0, 60)}, when sent, then it is refused with payload.invalid at ${JSON.stringify(path)} and nothing changes`, async () => {
      const { status, sender } = homeOf(type);
      const h = await caseIn(status);
      await expectRefused(h, { ...commandOf(type, sender), ...patch }, 'payload.invalid', path);
    });
  }

  for (const type of ['EXPLODE', 'accept', '', '__proto__', 'constructor', 'toString', 42, null]) {
    it(`given a case in intake, when an event of type ${JSON.stringify(type)} arrives, then it is refused with event.unknown at ['type'] and nothing changes`, async () => {
      const h = await caseIn('intake');
      await expectRefused(h, { type, by: who.duty }, 'event.unknown', ['type']);
    });
  }

  it('given a case in intake, when an event without a type arrives, then it is refused with event.unknown', async () => {
    const h = await caseIn('intake');
    await expectRefused(h, { by: who.duty, note: '接件' }, 'event.unknown', ['type']);
  });

  for (const body of [null, 'ACCEPT', [{ type: 'ACCEPT', by: who.duty }], 42]) {
    it(`given a case in intake, when the body is ${JSON.stringify(body)}, then it is refused with payload.invalid at the root`, async () => {
      const h = await caseIn('intake');
      await expectRefused(h, body, 'payload.invalid', []);
    });
  }

  it('given an ACCEPT with extra properties (a forged __proto__, a script), when sent, then they are dropped and never reach the audit entry', async () => {
    const h = await caseIn('intake');
    const forged = JSON.parse(
      `{"type":"ACCEPT","by":"${who.duty}","evil":"<script>alert(1)</script>","__proto__":{"polluted":true}}`,
    );
    const r = await expectApplied(h, forged, 'intake', 'dispatching');
    expect(r.entry.data).toBeNull();
    expect(JSON.stringify(r.record)).not.toContain('<script>');
    expect(JSON.stringify(r.entry)).not.toContain('evil');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given a case in intake, when an unknown member sends ACCEPT, then it is refused with actor.unknown at [by]', async () => {
    const h = await caseIn('intake');
    await expectRefused(h, { type: 'ACCEPT', by: 'nobody' }, 'actor.unknown', ['by']);
  });

  it('given an unknown case id, when an event arrives, then it is refused with case.notFound', async () => {
    const h = await caseIn('intake');
    const r = await h.engine.send('no-such-case', { type: 'ACCEPT', by: who.duty });
    expect(!r.ok && r.error.code).toBe('case.notFound');
  });
});

// ── (f) routing by the duty lists ──────────────────────────────────────────────────────────

describe('routing a dispatch by the duty lists', () => {
  const cases: [string, Fixture, Record<string, unknown>, ErrorCode, (string | number)[]][] = [
    [
      'a department-led matter (road facilities) to a town post',
      departmentLed,
      { lead: leadPost },
      'routing.departmentLed',
      ['lead'],
    ],
    [
      'a department-led matter to another department than the listed one',
      departmentLed,
      { lead: { kind: 'department', id: 'qj-fire' } },
      'routing.departmentLed',
      ['lead'],
    ],
    [
      'a statutory matter (river pollution, economic development) to a post of safety and rule of law',
      postLed,
      { lead: { kind: 'post', id: 'qj-sj-xfgl' } },
      'routing.statutory',
      ['lead'],
    ],
    [
      'a statutory matter to a district department',
      postLed,
      { lead: { kind: 'department', id: 'qj-env' } },
      'routing.statutory',
      ['lead'],
    ],
    [
      'a matter to a post of another town',
      postLed,
      { lead: { kind: 'post', id: 'qj-th-czjs' } },
      'routing.outsideTown',
      ['lead'],
    ],
    [
      'a matter to an unknown post',
      postLed,
      { lead: { kind: 'post', id: 'qj-sj-nowhere' } },
      'routing.unknownTarget',
      ['lead'],
    ],
    [
      'a matter to an unknown department',
      postLed,
      { lead: { kind: 'department', id: 'qj-nowhere' } },
      'routing.unknownTarget',
      ['lead'],
    ],
    [
      'a matter with the city-operations center (which handles no cases) as co-handler',
      postLed,
      { coHandlers: [{ kind: 'department', id: 'qj-cyzx' }] },
      'routing.unknownTarget',
      ['coHandlers', 0],
    ],
    [
      'a matter with an unknown co-handler',
      postLed,
      { coHandlers: [coDepartment, { kind: 'post', id: 'qj-sj-nowhere' }] },
      'routing.unknownTarget',
      ['coHandlers', 1],
    ],
    [
      'a matter with a co-handler post of another town',
      postLed,
      { coHandlers: [{ kind: 'post', id: 'qj-th-zzwd' }] },
      'routing.outsideTown',
      ['coHandlers', 0],
    ],
  ];
  for (const [what, f, patch, code, path] of cases) {
    it(`given a case in dispatching, when the duty officer dispatches ${what}, then it is refused with ${code} at ${JSON.stringify(path)} and nothing changes`, async () => {
      const h = await caseIn('dispatching', f);
      await expectRefused(h, { ...commandOf('DISPATCH', who.duty, f), ...patch }, code, path);
    });
  }

  it('given a statutory matter, when dispatched to another post of the right section, then it is assigned to that post', async () => {
    const h = await caseIn('dispatching', postLed);
    const r = await expectApplied(
      h,
      { type: 'DISPATCH', by: who.duty, lead: { kind: 'post', id: 'qj-sj-nyfw' } },
      'dispatching',
      'assigned',
    );
    expect(r.record.context.lead).toEqual({ kind: 'post', id: 'qj-sj-nyfw' });
    expect(r.record.context.section).toBe('economicDevelopment');
  });

  it('given a matter on no list (street vendors), when dispatched to any post of the town, then it is assigned and the section follows the post', async () => {
    const h = newEngine();
    must(
      await h.engine.report({
        id: CASE,
        gridId: 'qj-sj-c1-g1',
        reporterId: who.worker,
        category: 'streetVendors',
        severity: 'low',
        title: '占道经营',
      }),
      'report',
    );
    must(await h.engine.send(CASE, { type: 'ACCEPT', by: who.duty }), 'accept');
    const r = await expectApplied(
      h,
      { type: 'DISPATCH', by: who.duty, lead: { kind: 'post', id: 'qj-sj-shsw' } },
      'dispatching',
      'assigned',
    );
    expect(r.record.context.section).toBe('livelihoodServices');
  });

  it('given a case in progress, when the lead requests support from an unknown post or a post of another town, then it is refused naming the target', async () => {
    const h = await caseIn('inProgress');
    await expectRefused(
      h,
      {
        type: 'REQUEST_SUPPORT',
        by: postLed.leadStaff,
        targets: [supportPost, { kind: 'post', id: 'x' }],
      },
      'routing.unknownTarget',
      ['targets', 1],
    );
    await expectRefused(
      h,
      {
        type: 'REQUEST_SUPPORT',
        by: postLed.leadStaff,
        targets: [{ kind: 'post', id: 'qj-th-zzwd' }],
      },
      'routing.outsideTown',
      ['targets', 0],
    );
  });

  it('given a case in progress, when the lead requests support from a target already on the case, then the co-handlers hold each target once', async () => {
    const h = await caseIn('inProgress');
    const r = await expectApplied(
      h,
      {
        type: 'REQUEST_SUPPORT',
        by: postLed.leadStaff,
        targets: [supportPost, coDepartment, leadPost, supportPost],
      },
      'inProgress',
      'inProgress',
    );
    expect(r.record.context.coHandlers).toEqual([coDepartment, supportPost]);
  });
});

// ── (g) emergency and cancellation in every open status ────────────────────────────────────

describe('emergency plans and cancellation', () => {
  for (const status of openStatuses) {
    it(`given a case in ${status}, when the duty officer declares an emergency and the commander stands down, then the status stays ${status} and context.emergency is set then cleared`, async () => {
      const h = await caseIn(status);
      const declared = await expectApplied(
        h,
        { type: 'DECLARE_EMERGENCY', by: who.duty, plan: '防汛应急预案' },
        status,
        status,
      );
      expect(declared.record.context.emergency).toEqual({
        plan: '防汛应急预案',
        declaredAt: h.clock.now(),
      });
      expect(declared.entry.note).toBe('防汛应急预案');
      const error = await expectRefused(
        h,
        { type: 'DECLARE_EMERGENCY', by: who.commander, plan: '再次' },
        'event.notApplicable',
      );
      expect(error?.params.type).toBe('DECLARE_EMERGENCY');
      h.clock.advance(MINUTE);
      const stood = await expectApplied(
        h,
        { type: 'STAND_DOWN', by: who.commander },
        status,
        status,
      );
      expect(stood.record.context.emergency).toBeNull();
      await expectRefused(h, { type: 'STAND_DOWN', by: who.duty }, 'event.notApplicable');
    });

    it(`given a case in ${status}, when the commander cancels it, then it is closed with outcome cancelled; a duty officer may not`, async () => {
      const h = await caseIn(status);
      await expectRefused(h, commandOf('CANCEL', who.duty), 'actor.roleNotAllowed', ['by']);
      await expectRefused(h, commandOf('CANCEL', 'qj-th-commander'), 'actor.outsideTown', ['by']);
      const r = await expectApplied(h, commandOf('CANCEL', who.commander), status, 'closed');
      expect(r.record.context.outcome).toBe('cancelled');
      expect(r.entry.note).toBe('重复上报');
      expect(await h.store.timersOf(CASE)).toEqual([]);
    });
  }

  it('given an overdue case at supervision level 1, when an emergency is declared, then the supervision level is kept (the status did not change)', async () => {
    const h = await caseIn('intake');
    h.clock.set((expectedDue('intake', reportedContext('intake'), 1) as number) + MINUTE);
    expect((await h.engine.tick()).fired).toBe(1);
    const r = await expectApplied(
      h,
      { type: 'DECLARE_EMERGENCY', by: who.duty, plan: '应急' },
      'intake',
      'intake',
    );
    expect(r.record.context.supervision).toEqual({ clock: 'accept', level: 1 });
  });
});

// ── (h) closed cases, system from outside, merge targets ───────────────────────────────────

describe('closed cases', () => {
  const routes: [string, CaseStatus, Command, string][] = [
    [
      'resolved on site by the grid',
      'gridHandling',
      { type: 'RESOLVE_ON_SITE', by: who.chief, result: '已劝导' },
      'resolvedOnSite',
    ],
    [
      'resolved on site by the community',
      'communityHandling',
      { type: 'RESOLVE_ON_SITE', by: who.community, result: '已协调' },
      'resolvedOnSite',
    ],
    [
      'rejected as invalid',
      'intake',
      { type: 'REJECT', by: who.duty, reason: '不属实' },
      'invalid',
    ],
    [
      'merged as a duplicate',
      'intake',
      { type: 'MERGE', by: who.commander, intoCaseId: MERGE_TARGET_ID },
      'merged',
    ],
    ['confirmed on site', 'verifying', { type: 'CONFIRM', by: who.duty }, 'resolved'],
    ['cancelled', 'assigned', { type: 'CANCEL', by: who.commander, reason: '撤销' }, 'cancelled'],
  ];
  for (const [how, from, closing, outcome] of routes) {
    it(`given a case ${how}, when anyone sends any event type, then it is refused with case.closed and nothing changes`, async () => {
      const h = await caseIn(from);
      const closed = await expectApplied(h, closing, from, 'closed');
      expect(closed.record.context.outcome).toBe(outcome);
      if (closing.type === 'MERGE') expect(closed.record.context.mergedInto).toBe(MERGE_TARGET_ID);
      expect(await h.store.timersOf(CASE)).toEqual([]);
      for (const type of caseEventTypes.filter((t) => t !== 'SLA_OVERDUE')) {
        await expectRefused(h, commandOf(type, homeOf(type).sender), 'case.closed');
        await expectRefused(h, commandOf(type, who.commander), 'case.closed');
      }
      h.clock.advance(30 * DAY);
      const before = structuredClone(await stateOf(h));
      expect((await h.engine.tick()).fired).toBe(0);
      expect(await stateOf(h)).toEqual(before);
    });
  }
});

describe('the system actor and merge targets', () => {
  for (const status of openStatuses) {
    it(`given a case in ${status}, when a caller sends an allowed event as 'system', then it is refused with actor.roleNotAllowed and nothing changes`, async () => {
      const h = await caseIn(status);
      const type = Object.keys(caseRules[status])[0] as CaseEventType;
      await expectRefused(h, commandOf(type, 'system'), 'actor.roleNotAllowed', ['by']);
      await expectRefused(h, commandOf('CANCEL', 'system'), 'actor.roleNotAllowed', ['by']);
    });
  }

  const targets: [string, string, string][] = [
    ['the case itself', CASE, 'self'],
    ['an unknown case', 'no-such-case', 'not found'],
    ['a case of another town', OTHER_TOWN_CASE, 'another town'],
    ['a closed case', CLOSED_CASE, 'closed'],
  ];
  for (const [what, into, why] of targets) {
    it(`given a case in intake, when the duty officer merges it into ${what}, then it is refused with case.mergeTarget (${why}) at ['intoCaseId'] and nothing changes`, async () => {
      const h = await caseIn('intake');
      const error = await expectRefused(
        h,
        { type: 'MERGE', by: who.duty, intoCaseId: into },
        'case.mergeTarget',
        ['intoCaseId'],
      );
      expect(error?.params).toEqual({ intoCaseId: into, why });
    });
  }
});

// ── the guards live in the machine ─────────────────────────────────────────────────────────

describe('the bare XState machine', () => {
  const machine = createCaseMachine({ directory, dutyLists: sampleDutyLists });
  const start = (entry: 'intake' | 'gridHandling' = 'intake') =>
    createActor(machine, { input: reportedContext(entry) }).start();
  const at = reportedContext('intake').reportedAt + MINUTE;

  it('given a bare actor in intake, when a grid worker, the other town’s duty officer or an unknown id sends ACCEPT, then the snapshot is unchanged', () => {
    const actor = start();
    const before = actor.getSnapshot();
    expect(before.value).toBe('intake');
    for (const by of [who.worker, 'qj-th-duty', 'nobody', 'system']) {
      actor.send({ type: 'ACCEPT', by, at });
      expect(actor.getSnapshot()).toBe(before);
    }
    actor.send({ type: 'DISPATCH', by: who.duty, lead: leadPost, at });
    expect(actor.getSnapshot()).toBe(before);
  });

  it('given a bare actor in intake, when the duty officer sends ACCEPT, then it moves to dispatching; a dispatch the duty lists forbid is refused; a lawful one is taken', () => {
    const actor = start();
    actor.send({ type: 'ACCEPT', by: who.duty, at });
    expect(actor.getSnapshot().value).toBe('dispatching');
    const dispatching = actor.getSnapshot();
    actor.send({ type: 'DISPATCH', by: who.duty, lead: { kind: 'post', id: 'qj-sj-xfgl' }, at });
    expect(actor.getSnapshot()).toBe(dispatching);
    actor.send({ type: 'DISPATCH', by: who.duty, lead: leadPost, at });
    expect(actor.getSnapshot().value).toBe('assigned');
    expect(actor.getSnapshot().context.lead).toEqual(leadPost);
  });

  it('given a bare actor in gridHandling, when the community staff resolves on site, then it is refused; when the grid chief does, the case is closed', () => {
    const actor = start('gridHandling');
    const before = actor.getSnapshot();
    expect(before.value).toBe('gridHandling');
    actor.send({ type: 'RESOLVE_ON_SITE', by: who.community, result: '已处置', at });
    expect(actor.getSnapshot()).toBe(before);
    actor.send({ type: 'RESOLVE_ON_SITE', by: who.chief, result: '已处置', at });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.outcome).toBe('resolvedOnSite');
  });

  it('given the machine, then each status accepts exactly the events of its rules plus the open-case events, and closed none', () => {
    for (const status of caseStatuses) {
      const node = machine.states[status];
      const events = node ? [...node.ownEvents].sort() : [];
      expect(events, status).toEqual(Object.keys(rulesOf(status)).sort());
    }
  });
});

describe('the grid crew (one definition)', () => {
  const rider = 'qj-sj-c1-g1-rider';
  const open = async () => {
    const h = newEngine();
    const r = await h.engine.report({
      id: CASE,
      gridId: 'qj-sj-c1-g1',
      reporterId: rider,
      category: 'streetVendors',
      severity: 'low',
      title: '占道经营',
      handleOnGrid: true,
    });
    expect(r.ok && r.record.status).toBe('gridHandling');
    return h;
  };

  it('given a part-time grid worker who reported with handleOnGrid, when they resolve on site, then the case is closed (the crew that may open a case on the grid may also close it there)', async () => {
    const { engine } = await open();
    const r = await engine.send(CASE, { type: 'RESOLVE_ON_SITE', by: rider, result: '已劝离' });
    expect(r.ok ? r.record.status : r.error.code).toBe('closed');
  });

  it('given a part-time grid worker who reported with handleOnGrid, when they escalate, then the case goes to the community', async () => {
    const { engine } = await open();
    const r = await engine.send(CASE, { type: 'ESCALATE', by: rider, reason: '网格无法处置' });
    expect(r.ok ? r.record.status : r.error.code).toBe('communityHandling');
  });

  it('given gridCrewRoles, then the rules that name the grid scope allow exactly those roles, and the grid instructor is a grid role but not crew', () => {
    for (const status of caseStatuses) {
      for (const rule of Object.values(caseRules[status]) as CaseRule[]) {
        for (const a of rule.allow)
          if (a.scope === 'grid') expect(a.roles).toEqual(core.gridCrewRoles);
      }
    }
    expect(core.gridCrewRoles).toEqual(['gridWorker', 'partTimeGridWorker', 'gridChief']);
    expect(core.gridRoles).toEqual([...core.gridCrewRoles, 'gridInstructor']);
  });
});

// keep `Member`-level helpers honest: the scope oracle agrees with the sample org's shape
describe('test oracle sanity', () => {
  it('given the sample org, then the scope oracle places members as the org describes', () => {
    const ctx = scopeCtx(postLed);
    const m = (id: string) => members.find((x) => x.id === id) as Member;
    expect(inScope(m(who.worker), 'grid', ctx)).toBe(true);
    expect(inScope(m('qj-sj-c1-g2-worker'), 'grid', ctx)).toBe(false);
    expect(inScope(m(who.community), 'community', ctx)).toBe(true);
    expect(inScope(m('qj-sj-c2-staff'), 'community', ctx)).toBe(false);
    expect(inScope(m(who.duty), 'town', ctx)).toBe(true);
    expect(inScope(m('qj-th-duty'), 'town', ctx)).toBe(false);
    expect(inScope(m(postLed.leadStaff), 'lead', ctx)).toBe(true);
    expect(inScope(m(postLed.coStaff), 'coHandler', ctx)).toBe(true);
    expect(townOf(m('qj-th-czjs-staff'))).toBe('qj-th');
    expect(townOf(m('qj-cgj-staff'))).toBeUndefined();
    expect(new Set(members.map((x) => x.role))).toEqual(new Set(roles));
  });
});
