import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseEventType,
  type CaseRule,
  type CaseStatus,
  caseEventTypes,
  caseRules,
  caseStatuses,
  clockOfStatus,
  type DispatchTarget,
  openCaseRules,
  type SlaClock,
} from '../src/index.js';
import { sampleDutyLists, sampleOrg } from '../src/sample/index.js';
import {
  CASE_ID,
  DAY,
  expectedDue,
  HOUR,
  inScope,
  MERGE_TARGET_ID,
  type Member,
  MINUTE,
  members,
  newEngine,
  nextSupervisionLevel,
  reportedContext,
  riverReport,
  who,
} from './support/casePaths.js';
import { requiredFields } from './support/requiredFields.js';

// ── the oracle: the rules tables + where members stand, written independently of src/case ──

const TOWN = 'qj-sj';
const DISTRICT = 'qj';
const CATEGORY = 'riverPollution';
const OTHER_TOWN_CASE = 'th-case';
const CLOSED_CASE = 'closed-case';

type Verdict = 'applied' | 'actor.outside' | `routing.${string}` | string;

interface Model {
  status: CaseStatus;
  emergency: boolean;
  lead: DispatchTarget | null;
  coHandlers: DispatchTarget[];
  supervision: { clock: SlaClock; level: 1 | 2 } | null;
  enteredAt: number;
  dispatchedAt: number | null;
  dueAt: number | null;
  reopens: number;
}

const rulesOf = (status: CaseStatus): Partial<Record<CaseEventType, CaseRule>> =>
  status === 'closed' ? {} : { ...caseRules[status], ...openCaseRules };

const scopeOf = (m: Model) => ({
  gridId: 'qj-sj-c1-g1',
  communityId: 'qj-sj-c1',
  townId: TOWN,
  lead: m.lead,
  coHandlers: m.coHandlers,
});

const byId = new Map(members.map((x) => [x.id, x]));
const posts = new Map(sampleOrg.posts.map((p) => [p.id, p]));
const departments = new Map(sampleOrg.departments.map((d) => [d.id, d]));
const sameTarget = (a: DispatchTarget, b: DispatchTarget) => a.kind === b.kind && a.id === b.id;

/** Routing as the duty lists describe it (sampleDutyLists is data; the logic is re-stated here). */
function routingError(target: DispatchTarget, asLead: boolean): string | null {
  if (target.kind === 'post') {
    const post = posts.get(target.id);
    if (!post) return 'routing.unknownTarget';
    if (post.townId !== TOWN) return 'routing.outsideTown';
  } else {
    const dept = departments.get(target.id);
    // the city-operations center coordinates; it does not handle cases
    if (dept?.kind !== 'department') return 'routing.unknownTarget';
    if (dept.districtId !== DISTRICT) return 'routing.outsideTown';
  }
  if (!asLead) return null;
  const led = sampleDutyLists.departmentLed.find((d) => d.category === CATEGORY);
  if (led && !(target.kind === 'department' && led.departmentIds.includes(target.id)))
    return 'routing.departmentLed';
  const statutory = sampleDutyLists.statutory.find((d) => d.category === CATEGORY);
  if (statutory && !(target.kind === 'post' && posts.get(target.id)?.section === statutory.section))
    return 'routing.statutory';
  return null;
}

interface Sent {
  type: string;
  by: unknown;
  body: Record<string, unknown>;
  /** Whether the body was deliberately broken (a required field removed or nulled). */
  corrupt: boolean;
}

/** The expected verdict of the Engine for a command sent to the case in `m`. */
function expectedVerdict(m: Model, sent: Sent, closedCases: Set<string>): Verdict {
  if (!(caseEventTypes as string[]).includes(sent.type)) return 'event.unknown';
  if (sent.corrupt) return 'payload.invalid';
  if (sent.by === 'system') return 'actor.roleNotAllowed';
  if (m.status === 'closed') return 'case.closed';
  const type = sent.type as CaseEventType;
  const rule = rulesOf(m.status)[type];
  if (!rule) return 'event.wrongState';
  const member = byId.get(sent.by as string);
  if (!member) return 'actor.unknown';
  const allowances = rule.allow.filter((a) => a.roles.includes(member.role));
  if (allowances.length === 0) return 'actor.roleNotAllowed';
  if (!allowances.some((a) => inScope(member, a.scope, scopeOf(m)))) return 'actor.outside';
  const b = sent.body;
  switch (type) {
    case 'DISPATCH': {
      const lead = routingError(b.lead as DispatchTarget, true);
      if (lead) return lead;
      for (const t of (b.coHandlers as DispatchTarget[] | undefined) ?? []) {
        const e = routingError(t, false);
        if (e) return e;
      }
      return 'applied';
    }
    case 'REQUEST_SUPPORT':
      for (const t of b.targets as DispatchTarget[]) {
        const e = routingError(t, false);
        if (e) return e;
      }
      return 'applied';
    case 'MERGE': {
      const into = b.intoCaseId as string;
      if (into === CASE_ID) return 'case.mergeTarget';
      if (![MERGE_TARGET_ID, OTHER_TOWN_CASE, CLOSED_CASE].includes(into))
        return 'case.mergeTarget';
      if (into === OTHER_TOWN_CASE || closedCases.has(into)) return 'case.mergeTarget';
      return 'applied';
    }
    case 'DECLARE_EMERGENCY':
      return m.emergency ? 'event.notApplicable' : 'applied';
    case 'STAND_DOWN':
      return m.emergency ? 'applied' : 'event.notApplicable';
    default:
      return 'applied';
  }
}

/** The model after an applied event (the oracle's own bookkeeping). */
function advanceModel(
  m: Model,
  type: CaseEventType,
  body: Record<string, unknown>,
  at: number,
): Model {
  const rule = rulesOf(m.status)[type] as CaseRule;
  const to = rule.to ?? m.status;
  const next: Model = { ...m, status: to };
  // a status change restarts the SLA clock, unless both statuses run the same one (intake and
  // dispatching share the accept clock)
  const sameClock =
    clockOfStatus[to] !== undefined && clockOfStatus[to] === clockOfStatus[m.status];
  if (to !== m.status && !sameClock) {
    next.enteredAt = at;
    next.supervision = null;
  }
  if (type === 'DISPATCH') {
    next.lead = body.lead as DispatchTarget;
    next.coHandlers = (body.coHandlers as DispatchTarget[] | undefined) ?? [];
    next.dispatchedAt = at;
    next.dueAt = (body.dueAt as number | undefined) ?? null;
  }
  if (type === 'RETURN') {
    next.lead = null;
    next.coHandlers = [];
    next.dispatchedAt = null;
    next.dueAt = null;
  }
  if (type === 'REQUEST_SUPPORT') {
    const added: DispatchTarget[] = [];
    for (const t of body.targets as DispatchTarget[]) {
      const known = [...m.coHandlers, ...added, ...(m.lead ? [m.lead] : [])];
      if (!known.some((k) => sameTarget(k, t))) added.push(t);
    }
    next.coHandlers = [...m.coHandlers, ...added];
  }
  if (type === 'REOPEN') next.reopens = m.reopens + 1;
  if (type === 'DECLARE_EMERGENCY') next.emergency = true;
  if (type === 'STAND_DOWN') next.emergency = false;
  return next;
}

/** The SLA firings a tick at `now` must produce, in order. */
function expectedFirings(m: Model, now: number): { clock: SlaClock; level: 1 | 2; due: number }[] {
  const out: { clock: SlaClock; level: 1 | 2; due: number }[] = [];
  let model = m;
  for (;;) {
    if (model.status === 'closed') return out;
    const clock = clockOfStatus[model.status];
    const ctx = { ...reportedContext('intake'), ...model, emergency: null };
    const level = nextSupervisionLevel(model.status, ctx);
    if (!clock || !level) return out;
    const due = expectedDue(model.status, ctx, level) as number;
    if (due > now) return out;
    out.push({ clock, level, due });
    model = { ...model, supervision: { clock, level } };
  }
}

// ── generators ─────────────────────────────────────────────────────────────────────────────

const targetPool: DispatchTarget[] = [
  { kind: 'post', id: 'qj-sj-czjs' },
  { kind: 'post', id: 'qj-sj-nyfw' },
  { kind: 'post', id: 'qj-sj-xfgl' },
  { kind: 'post', id: 'qj-sj-zzwd' },
  { kind: 'department', id: 'qj-cgj' },
  { kind: 'department', id: 'qj-env' },
  { kind: 'department', id: 'qj-cyzx' },
  { kind: 'post', id: 'qj-th-czjs' },
  { kind: 'post', id: 'qj-sj-nowhere' },
  { kind: 'department', id: 'qj-nowhere' },
];
const mergePool = [MERGE_TARGET_ID, CASE_ID, OTHER_TOWN_CASE, CLOSED_CASE, 'no-such-case'];
const clocks: SlaClock[] = ['accept', 'acknowledge', 'resolve'];

/** Ids that often matter: the case's crew, center, lead posts, co-handlers, and their twins elsewhere. */
const nearIds = [
  ...Object.values(who),
  'qj-sj-c1-g1-rider',
  'qj-sj-c1-g2-worker',
  'qj-sj-c2-staff',
  'qj-sj-nyfw-staff',
  'qj-sj-xfgl-staff',
  'qj-sj-zzwd-staff',
  'qj-env-staff',
  'qj-th-duty',
  'qj-th-commander',
  'qj-th-c1-g1-worker',
  'qj-th-czjs-staff',
  'qj-sj-lead-economicDevelopment',
  'system',
  'nobody',
];
const allIds = [...members.map((m) => m.id), 'nobody'];

const seedArb = fc.record({
  lead: fc.nat(),
  co: fc.nat(),
  targets: fc.nat(),
  into: fc.nat(),
  clock: fc.nat(),
  level: fc.constantFrom(1, 2),
  due: fc.constantFrom(null, -HOUR, HOUR, 2 * DAY),
  text: fc.constantFrom('已处置', '好', '<b>注意</b> & "引号"', '网格员已到场核实情况'),
});
type Seed = typeof seedArb extends fc.Arbitrary<infer T> ? T : never;

const pickOf = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;
const subsetOf = <T>(xs: readonly T[], mask: number, min = 0): T[] => {
  const picked = xs.filter((_, i) => (mask >> i) & 1);
  return picked.length >= min ? picked : [pickOf(xs, mask)];
};

/** Targets a river-pollution case of qj-sj may lawfully be dispatched to, and co-handled by. */
const lawfulLeads = targetPool.slice(0, 2);
const lawfulHelpers = targetPool.slice(2, 6);

/**
 * A valid body of a type from a seed, at time `now` (for a DISPATCH's absolute dueAt); with
 * `lawful`, dispatch and support targets come from those the duty lists allow.
 */
function bodyOf(
  type: CaseEventType,
  by: string,
  s: Seed,
  now: number,
  lawful = false,
): Record<string, unknown> {
  switch (type) {
    case 'RESOLVE_ON_SITE':
    case 'RESOLVE':
      return { type, by, result: s.text };
    case 'ESCALATE':
    case 'ACCEPT':
    case 'ACKNOWLEDGE':
    case 'CONFIRM':
    case 'STAND_DOWN':
      return s.lead % 2 ? { type, by, note: s.text } : { type, by };
    case 'REJECT':
    case 'RETURN':
    case 'REOPEN':
    case 'CANCEL':
      return { type, by, reason: s.text };
    case 'PROGRESS':
      return { type, by, note: s.text };
    case 'MERGE':
      return { type, by, intoCaseId: pickOf(mergePool, s.into) };
    case 'DISPATCH': {
      const lead = pickOf(lawful ? lawfulLeads : targetPool, s.lead);
      const body: Record<string, unknown> = { type, by, lead };
      const co = subsetOf(lawful ? lawfulHelpers : targetPool.slice(3), s.co % 128);
      if (co.length > 0) body.coHandlers = co;
      if (s.due !== null) body.dueAt = Math.max(0, now + s.due);
      return body;
    }
    case 'REQUEST_SUPPORT':
      return {
        type,
        by,
        targets: subsetOf(lawful ? lawfulHelpers : targetPool, s.targets % 1024, 1).slice(0, 4),
      };
    case 'DECLARE_EMERGENCY':
      return { type, by, plan: s.text };
    case 'SLA_OVERDUE':
      return { type, by, clock: pickOf(clocks, s.clock), level: s.level, dueAt: now };
  }
}

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('guided' as const),
      pick: fc.nat(),
      /** Whether the pick may close the case (else it keeps the case moving along its life). */
      mayClose: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      /** Whether the pick must move the case forward along its life (when it can). */
      forward: fc.boolean(),
      seed: seedArb,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      type: fc.constantFrom<string>(...caseEventTypes, 'EXPLODE'),
      by: fc.oneof(fc.constantFrom(...nearIds), fc.constantFrom(...allIds)),
      corrupt: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.record({ field: fc.nat(), mode: fc.constantFrom('remove', 'null') }),
        },
      ),
      seed: seedArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(
        0,
        MINUTE,
        10 * MINUTE,
        31 * MINUTE,
        HOUR + MINUTE,
        2 * HOUR + MINUTE,
        3 * DAY,
        6 * DAY,
      ),
    }),
  },
);
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

/** Resolves a step against the model: guided steps pick an (event, member) the table allows now. */
function resolve(step: Exclude<Step, { kind: 'advance' }>, m: Model, now: number): Sent {
  if (step.kind === 'guided') {
    const options: [CaseEventType, Member][] = [];
    for (const [type, rule] of Object.entries(rulesOf(m.status)) as [CaseEventType, CaseRule][]) {
      if (type === 'SLA_OVERDUE' || (rule.to === 'closed' && !step.mayClose)) continue;
      for (const x of members) {
        if (rule.allow.some((a) => a.roles.includes(x.role) && inScope(x, a.scope, scopeOf(m))))
          options.push([type, x]);
      }
    }
    const order = (s: CaseStatus | null) => (s === null ? -1 : caseStatuses.indexOf(s));
    const forward = options.filter(
      ([type]) => order(rulesOf(m.status)[type]?.to ?? null) > order(m.status),
    );
    const choices = step.forward && forward.length > 0 ? forward : options;
    const [type, member] =
      choices.length > 0
        ? pickOf(choices, step.pick)
        : ['CANCEL' as const, byId.get(who.commander) as Member];
    const lawful = step.seed.co % 4 !== 0;
    return {
      type,
      by: member.id,
      body: bodyOf(type, member.id, step.seed, now, lawful),
      corrupt: false,
    };
  }
  if (!(caseEventTypes as string[]).includes(step.type)) {
    return { type: step.type, by: step.by, body: { type: step.type, by: step.by }, corrupt: false };
  }
  const type = step.type as CaseEventType;
  const body = bodyOf(type, step.by, step.seed, now);
  if (!step.corrupt) return { type, by: step.by, body, corrupt: false };
  const field = pickOf(requiredFields[type], step.corrupt.field);
  if (step.corrupt.mode === 'remove') delete body[field];
  else body[field] = null;
  return { type, by: body.by, body, corrupt: true };
}

// ── the property ───────────────────────────────────────────────────────────────────────────

describe('random event sequences against the rules tables', () => {
  it('given random events from random members (wrong roles, other towns, bad payloads) and clock jumps with ticks, when sent to a case, then only what the table allows is applied, to the rule’s target, one version each, the chain verifies and a closed case never changes', async () => {
    const stats = { applied: 0, refused: 0, fired: 0, closed: 0, statuses: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(stepArb, { minLength: 5, maxLength: 25 }),
        async (onGrid, steps) => {
          const { engine, clock, store } = newEngine();
          const side = async (id: string, gridId: string) => {
            const r = await engine.report({
              ...riverReport(true, id),
              gridId,
              reporterId: `${gridId}-worker`,
            });
            expect(r.ok).toBe(true);
          };
          await side(MERGE_TARGET_ID, 'qj-sj-c2-g1');
          await side(OTHER_TOWN_CASE, 'qj-th-c1-g1');
          await side(CLOSED_CASE, 'qj-sj-c1-g2');
          await engine.send(CLOSED_CASE, { type: 'CANCEL', by: who.commander, reason: '撤销' });
          const closedCases = new Set([CLOSED_CASE]);
          expect((await engine.report(riverReport(onGrid))).ok).toBe(true);

          let m: Model = {
            status: onGrid ? 'gridHandling' : 'intake',
            emergency: false,
            lead: null,
            coHandlers: [],
            supervision: null,
            enteredAt: clock.now(),
            dispatchedAt: null,
            dueAt: null,
            reopens: 0,
          };
          let version = 1;
          let frozen: unknown;

          for (const step of steps) {
            const before = structuredClone({
              record: await engine.get(CASE_ID),
              trail: await engine.auditTrail(CASE_ID),
              timers: await store.timersOf(CASE_ID),
            });
            let applied = 0;
            if (step.kind === 'advance') {
              clock.advance(step.ms);
              const expected = expectedFirings(m, clock.now());
              const { fired, results } = await engine.tick();
              expect(fired).toBe(expected.length);
              for (const [i, r] of results.entries()) {
                const want = expected[i];
                if (!r.ok || !want) throw new Error('unexpected tick result');
                // (a) the table lets the system send SLA_OVERDUE here, and (e) it stays
                expect(
                  caseRules[m.status].SLA_OVERDUE?.allow.some((a) => a.roles.includes('system')),
                ).toBe(true);
                expect(r.entry).toMatchObject({
                  event: 'SLA_OVERDUE',
                  actorId: 'system',
                  role: 'system',
                  from: m.status,
                  to: m.status,
                  data: { clock: want.clock, level: want.level, dueAt: want.due },
                });
                m = { ...m, supervision: { clock: want.clock, level: want.level } };
                applied++;
              }
              stats.fired += applied;
            } else {
              const sent = resolve(step, m, clock.now());
              const verdict = expectedVerdict(m, sent, closedCases);
              const result = await engine.send(CASE_ID, sent.body);
              const got = result.ok ? 'applied' : result.error.code;
              const normal =
                got === 'actor.outsideTown' || got === 'actor.outsideScope' ? 'actor.outside' : got;
              expect(normal, `${sent.type} by ${String(sent.by)} in ${m.status}`).toBe(verdict);
              if (result.ok) {
                const type = sent.type as CaseEventType;
                const rule = rulesOf(m.status)[type] as CaseRule;
                const member = byId.get(sent.by as string) as Member;
                // (a) the table allows this role, and the member stands in one of its scopes
                expect(
                  rule.allow.some(
                    (a) => a.roles.includes(member.role) && inScope(member, a.scope, scopeOf(m)),
                  ),
                ).toBe(true);
                // (e) the status is the rule's target
                expect(result.record.status).toBe(rule.to ?? m.status);
                expect(result.entry).toMatchObject({
                  from: m.status,
                  to: rule.to ?? m.status,
                  actorId: member.id,
                  role: member.role,
                  event: type,
                });
                m = advanceModel(m, type, sent.body, clock.now());
                applied = 1;
                stats.applied++;
              } else {
                stats.refused++;
              }
            }

            const record = await engine.get(CASE_ID);
            const trail = await engine.auditTrail(CASE_ID);
            if (applied === 0) {
              expect({ record, trail, timers: await store.timersOf(CASE_ID) }).toEqual(before);
            }
            // (b) the chain verifies; (d) one version per applied event, equal to the trail length
            expect(await engine.verify(CASE_ID)).toEqual({ ok: true, length: trail.length });
            version += applied;
            expect(record?.version).toBe(version);
            expect(trail).toHaveLength(version);
            // the oracle's model and the Engine agree
            expect(record?.status).toBe(m.status);
            expect(record?.context.emergency !== null).toBe(m.emergency);
            expect(record?.context.lead).toEqual(m.lead);
            expect(record?.context.coHandlers).toEqual(m.coHandlers);
            expect(record?.context.supervision).toEqual(m.supervision);
            stats.statuses.add(m.status);
            // (c) once closed, nothing changes
            if (frozen !== undefined) expect({ record, trail }).toEqual(frozen);
            else if (m.status === 'closed') {
              frozen = structuredClone({ record, trail });
              stats.closed++;
              expect(await store.timersOf(CASE_ID)).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
    console.log(
      `properties: ${stats.applied} events applied, ${stats.refused} refused, ${stats.fired} SLA firings, ${stats.closed} runs closed; statuses seen: ${[...stats.statuses].sort().join(', ')}`,
    );
    // the generators must reach the whole lifecycle, or the property says little
    expect(stats.statuses.size).toBe(8);
    expect(stats.applied).toBeGreaterThan(stats.refused / 10);
    expect(stats.fired).toBeGreaterThan(0);
  });
});
