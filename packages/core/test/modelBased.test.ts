import { describe, expect, it } from 'vitest';
import {
  type CaseEventType,
  caseRules,
  caseStatuses,
  clockOfStatus,
  openCaseRules,
  ruleFor,
} from '../src/index.js';
import {
  CASE_ID,
  type CaseModel,
  caseModel,
  entries,
  type ModelPath,
  newEngine,
  openCase,
  playStep,
  reportedContext,
  serializeCaseState,
  statusOf,
} from './support/casePaths.js';

const models: CaseModel[] = entries.map(caseModel);

/** Every (status, event type) pair the rules tables allow, as `status.TYPE`. */
const rulePairs = caseStatuses.flatMap((status) =>
  status === 'closed'
    ? []
    : [...Object.keys(caseRules[status]), ...Object.keys(openCaseRules)].map(
        (type) => `${status}.${type}`,
      ),
);

const describePath = (p: ModelPath) =>
  p.steps.length === 0
    ? `(entry) → ${p.entry}`
    : p.steps.map((s) => `${s.event.type}→${s.status}`).join(' ');

describe('model-based testing of the case machine (xstate/graph)', () => {
  it('given the traversal from every entry point, when the adjacency maps are built, then every status is reached and every (status, event) of the rules tables is traversed', () => {
    const reached = new Set<string>();
    const pairs = new Set<string>();
    let paths = 0;
    let states = 0;
    let transitions = 0;
    for (const m of models) {
      states += m.states.size;
      transitions += m.edges.length;
      paths += m.shortest.length + m.transitions.length + m.simple.length;
      for (const e of m.edges) {
        reached.add(statusOf(e.from));
        reached.add(statusOf(e.to));
        pairs.add(`${statusOf(e.from)}.${e.event.type}`);
      }
      console.log(
        `model-based (entering ${m.entry}): ${m.states.size} states, ${m.edges.length} transitions; paths: ${m.shortest.length} shortest, ${m.transitions.length} transition-covering, ${m.simple.length} simple (to closed)`,
      );
    }
    console.log(
      `model-based total: ${paths} paths, ${states} states, ${transitions} transitions, ${pairs.size}/${rulePairs.length} (status, event) pairs of the rules tables`,
    );
    expect([...reached].sort()).toEqual([...caseStatuses].sort());
    expect([...pairs].sort()).toEqual([...rulePairs].sort());
  });

  it('given the entry points, when the machine starts, then a case rests in intake, in gridHandling when handled on the grid, and in assigned when opened with a lead', () => {
    expect(models.map((m) => m.initialStatus)).toEqual(['intake', 'gridHandling', 'assigned']);
  });

  it('given every edge of the traversal, when its event is taken, then the guard let it through and the machine landed where the rules table says', () => {
    for (const m of models) {
      for (const { from, event, to } of m.edges) {
        const status = statusOf(from);
        const rule = ruleFor(status, event.type as CaseEventType);
        expect(rule, `${status}.${event.type}`).toBeDefined();
        // a refused event returns the same snapshot; a taken one assigns a new context
        expect(to.context, `${status}.${event.type} by ${event.by}`).not.toBe(from.context);
        expect(statusOf(to)).toBe(rule?.to ?? status);
        expect(to.context.updatedAt).toBe(event.at);
      }
    }
  });

  it('given every edge of the traversal, when its event is taken, then the context changes exactly as the event means (counters, lead, outcome, emergency, supervision)', () => {
    for (const m of models) {
      for (const { from, event, to } of m.edges) {
        const a = from.context;
        const b = to.context;
        const moved = statusOf(from) !== statusOf(to);
        const sharedClock =
          clockOfStatus[statusOf(from)] !== undefined &&
          clockOfStatus[statusOf(from)] === clockOfStatus[statusOf(to)];
        const where = `${statusOf(from)}.${event.type}`;
        expect(b.reopens, where).toBe(a.reopens + (event.type === 'REOPEN' ? 1 : 0));
        expect(b.returns, where).toBe(a.returns + (event.type === 'RETURN' ? 1 : 0));
        expect(b.enteredAt, where).toBe(moved && !sharedClock ? event.at : a.enteredAt);
        const outcome = {
          RESOLVE_ON_SITE: 'resolvedOnSite',
          REJECT: 'invalid',
          MERGE: 'merged',
          CONFIRM: 'resolved',
          CANCEL: 'cancelled',
        }[event.type as string];
        expect(b.outcome, where).toBe(outcome ?? null);
        expect(b.mergedInto, where).toBe(event.type === 'MERGE' ? event.intoCaseId : null);
        if (event.type === 'DISPATCH') {
          expect(b.lead).toEqual(event.lead);
          expect(b.coHandlers).toEqual(event.coHandlers ?? []);
          expect(b.dispatchedAt).toBe(event.at);
        } else if (event.type === 'RETURN') {
          expect([b.lead, b.coHandlers, b.dispatchedAt]).toEqual([null, [], null]);
        } else if (event.type !== 'REQUEST_SUPPORT') {
          expect([b.lead, b.coHandlers, b.dispatchedAt], where).toEqual([
            a.lead,
            a.coHandlers,
            a.dispatchedAt,
          ]);
        }
        if (event.type === 'DECLARE_EMERGENCY') {
          expect(b.emergency).toEqual({ plan: event.plan, declaredAt: event.at });
        } else if (event.type === 'STAND_DOWN') {
          expect(b.emergency).toBeNull();
        } else {
          expect(b.emergency, where).toEqual(a.emergency);
        }
        if (event.type === 'SLA_OVERDUE') {
          expect(b.supervision).toEqual({ clock: event.clock, level: event.level });
        } else {
          expect(b.supervision, where).toEqual(moved && !sharedClock ? null : a.supervision);
        }
      }
    }
  });

  it('given the serialization of states, when the emergency or the supervision level differ, then the states differ (and the traversal still terminates)', () => {
    const m = models[0] as CaseModel;
    const serials = new Set(m.edges.map((e) => serializeCaseState(e.to)));
    expect(serials.size).toBe(m.states.size);
    expect([...m.states].some((s) => s.includes('"intake",true,null'))).toBe(true);
    expect(
      [...m.states].some((s) => s.includes('"intake",false,{"clock":"accept","level":2}')),
    ).toBe(true);
    // 5 statuses with a clock or none × emergency × supervision levels; closed has no supervision
    expect(m.states.size).toBe(4 * 2 * 3 + 2 + 2);
    expect((models[1] as CaseModel).states.size).toBe(m.states.size + 4);
    // one-click dispatch never sees intake (it reaches dispatching only by a return)
    expect((models[2] as CaseModel).states.size).toBe(m.states.size - 6);
  });
});

for (const m of models) {
  const all = [...m.shortest, ...m.transitions, ...m.simple];
  describe(`replaying every generated path through the Engine (entering ${m.entry})`, () => {
    it.each(all.map((p, i) => [`${p.kind} #${i + 1}: ${describePath(p)}`, p] as const))(
      'given the path %s, when replayed with engine.send and tick, then the Engine ends in the same status and context as the graph',
      async (_name, path) => {
        const { engine, clock } = newEngine();
        const opened = await openCase(engine, m.entry);
        expect(opened.ok && opened.record.context).toEqual(reportedContext(m.entry));
        for (const [i, step] of path.steps.entries()) {
          const result = await playStep(engine, clock, CASE_ID, step.event);
          if (!result.ok) throw new Error(`step ${i + 1} ${step.event.type}: ${result.error.code}`);
          expect(result.record.status).toBe(step.status);
          expect(result.record.context).toEqual(step.context);
          expect(result.entry).toMatchObject({
            seq: i + 2,
            event: step.event.type,
            actorId: step.event.by,
            to: step.status,
          });
        }
        const record = await engine.get(CASE_ID);
        const last = path.steps.at(-1);
        expect(record?.status).toBe(last?.status ?? m.initialStatus);
        expect(record?.version).toBe(path.steps.length + 1);
        expect(await engine.verify(CASE_ID)).toEqual({ ok: true, length: path.steps.length + 1 });
      },
    );
  });
}
