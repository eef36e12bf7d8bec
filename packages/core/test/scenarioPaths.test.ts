import { describe, expect, it } from 'vitest';
import { Directory, SimulatedClock } from '../src/index.js';
import type { Member } from '../src/org/orgSchema.js';
import { Engine } from '../src/runtime.js';
import {
  builtInScenarios,
  sampleDutyLists,
  sampleOrg,
  sampleSlaPolicy,
} from '../src/sample/index.js';
import { stepEdges, stepRegions } from '../src/scenario/document/scenarioGraph.js';
import type { Scenario, ScenarioStep } from '../src/scenario/document/scenarioSchema.js';
import { activeSteps } from '../src/scenario/run/activeSteps.js';
import { ScenarioEngine } from '../src/scenario/run/ScenarioEngine.js';

// Model-based paths over each built-in scenario's step graph. Nodes are the steps plus one
// virtual `<parallel>$join` node per parallel step: a branch's `@join` leads there, and from
// there only the parallel's `next` leaves. A parallel step itself leads to its branch starts
// (the branch a path follows is its focus; the driver finishes the other branches first along
// their shortest way to the join). For every transition (`stepEdges`, timeouts included) one
// path is built — shortest from the trigger's start to the transition, the transition, shortest
// on to an end — unless an earlier path took it already. Each path is replayed on a fresh
// Engine + ScenarioEngine: task outcomes, case acknowledgements and campaign check-ins are
// sent as the right member; a timeout is driven by moving the clock to the step's due time and
// calling `engine.tick()` (xstate/graph cannot generate timed transitions). After every
// transition the target step must have been entered at that moment, a resting step must be
// active, and the path must end in its end step with its outcome.

const directory = new Directory(sampleOrg);
const START = Date.parse('2026-09-01T08:00:00+08:00');
const MIN = 60_000;

/** One transition of the step graph: the step it leaves (or a `$join` node), and where it goes. */
interface Hop {
  key: string;
  from: string;
  to: string;
  step: ScenarioStep;
  path: (string | number)[];
  timeout: boolean;
}

/** What a replay needs beyond the graph: the grid, start data (decision inputs) and lists. */
interface Fixture {
  gridId: string;
  data: Record<string, unknown>;
  /** Start data a decision transition needs, by hop key. */
  decisions?: Record<string, Record<string, unknown>>;
  lists?: Record<string, string[]>;
}

const fixtures: Record<string, Fixture> = {
  'electrical-fire': {
    gridId: 'qj-sj-c1-g1',
    data: { alarmType: 'leakage', location: '三江社区养老服务中心' },
    decisions: {
      'classify.branches.0.to': { level: 1 },
      'classify.branches.1.to': { level: 2 },
      'classify.otherwise': { level: 3 },
    },
  },
  'smoke-alarm': {
    gridId: 'qj-sj-c1-g2',
    data: { alarmType: 'smoke', level: 1, location: '三江社区老旧小区 5 栋' },
    lists: { grids: ['qj-sj-c1-g1', 'qj-sj-c1-g2', 'qj-sj-c2-g1', 'qj-sj-c2-g2'] },
  },
  'anti-fraud-outreach': {
    gridId: 'qj-sj-c2-g1',
    data: { theme: '反诈' },
    lists: { households: Array.from({ length: 10 }, (_, i) => `qj-sj-h${i + 1}`) },
  },
  'elderly-health-band': {
    gridId: 'qj-sj-c1-g1',
    data: { alarmType: 'fall', elderName: '张奶奶' },
    decisions: {
      'followUp.branches.0.to': { heartRate: 150 },
      'followUp.otherwise': { heartRate: 80 },
    },
  },
  'standard-case-flow': {
    gridId: 'qj-sj-c1-g1',
    data: { title: '檬梓桥河雨污混流', reporterPhone: '13800000000' },
  },
};

/** The step graph of a document, as hops out of each node. */
function graphOf(doc: Scenario) {
  const { regionOf } = stepRegions(doc);
  const steps = new Map(doc.steps.map((s) => [s.id, s]));
  const out = new Map<string, Hop[]>();
  const all: Hop[] = [];
  const resolve = (from: string, to: string) => {
    if (to !== '@join') return to;
    const region = regionOf.get(from);
    if (!region) throw new Error(`@join outside a branch at ${from}`);
    return `${region.parallel}$join`;
  };
  doc.steps.forEach((step, i) => {
    for (const e of stepEdges(step, i)) {
      const isNext = step.kind === 'parallel' && e.path.at(-1) === 'next';
      const from = isNext ? `${step.id}$join` : step.id;
      const hop: Hop = {
        key: `${step.id}.${e.path.slice(2).join('.')}`,
        from,
        to: resolve(step.id, e.to),
        step,
        path: e.path,
        timeout: e.timeout,
      };
      all.push(hop);
      out.set(from, [...(out.get(from) ?? []), hop]);
    }
  });
  /** Shortest hops from `start` to `goal` (a node id, or any end step when omitted). */
  const shortest = (start: string, goal?: string): Hop[] | undefined => {
    const isGoal = (n: string) => (goal ? n === goal : steps.get(n)?.kind === 'end');
    const parent = new Map<string, Hop | null>([[start, null]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as string;
      if (isGoal(node)) {
        const hops: Hop[] = [];
        for (let h = parent.get(node); h; h = parent.get(h.from)) hops.unshift(h);
        return hops;
      }
      for (const hop of out.get(node) ?? []) {
        if (parent.has(hop.to)) continue;
        parent.set(hop.to, hop);
        queue.push(hop.to);
      }
    }
    return undefined;
  };
  return { steps, all, out, shortest };
}

type Graph = ReturnType<typeof graphOf>;

/** Paths that together take every hop: for each hop not yet taken, start → hop → an end. */
function coveringPaths(doc: Scenario, graph: Graph) {
  const taken = new Set<string>();
  const paths: { trigger: string; hops: Hop[] }[] = [];
  for (const hop of graph.all) {
    if (taken.has(hop.key)) continue;
    const found = doc.triggers
      .map((t) => ({ t, before: graph.shortest(t.start, hop.from), after: graph.shortest(hop.to) }))
      .find((x) => x.before && x.after);
    if (!found?.before || !found.after) throw new Error(`${doc.id}: no path through ${hop.key}`);
    const hops = [...found.before, hop, ...found.after];
    for (const h of hops) taken.add(h.key);
    paths.push({ trigger: found.t.id, hops });
  }
  return paths;
}

const gridSuffix: Record<string, string> = {
  gridWorker: 'worker',
  partTimeGridWorker: 'rider',
  gridChief: 'chief',
  gridInstructor: 'instructor',
};

function memberFor(
  assignee: { role: string } | { post: string } | { department: string },
  gridId: string,
  townId: string,
): string {
  const found = sampleOrg.members.find((m: Member) =>
    'post' in assignee
      ? m.postId === assignee.post
      : 'department' in assignee
        ? m.departmentId === assignee.department && m.role === 'departmentStaff'
        : m.role === assignee.role &&
          (gridSuffix[assignee.role]
            ? m.id === `${gridId}-${gridSuffix[assignee.role]}`
            : directory.townOfMember(m) === townId),
  );
  if (!found) throw new Error(`nobody for ${JSON.stringify(assignee)}`);
  return found.id;
}

/** A value of each field type, for forms. */
function formData(doc: Scenario, form: readonly string[] | undefined): Record<string, unknown> {
  const values = {
    string: 'x',
    number: 1,
    boolean: true,
    date: '2026-09-01',
    'string[]': [],
    'number[]': [],
  };
  return Object.fromEntries(
    (form ?? []).map((f) => [f, values[doc.fields.find((x) => x.id === f)?.type ?? 'string']]),
  );
}

/** Replays one path on a fresh Engine + ScenarioEngine; returns the hop keys it exercised. */
async function replay(doc: Scenario, graph: Graph, path: { trigger: string; hops: Hop[] }) {
  const fixture = fixtures[doc.id] as Fixture;
  const clock = new SimulatedClock(START);
  const engine = new Engine({
    directory,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  const scenarios = new ScenarioEngine(engine);
  const registered = scenarios.register(doc);
  if (!registered.ok) throw new Error(`${doc.id} refused`);
  const townId = directory.ancestorAt(fixture.gridId, 'town')?.id as string;
  const trigger = doc.triggers.find((t) => t.id === path.trigger);
  const by =
    trigger?.kind === 'sensor'
      ? `${townId}-sensor`
      : trigger?.kind === 'report'
        ? `${fixture.gridId}-worker`
        : memberFor(
            { role: trigger?.kind === 'manual' ? (trigger.roles[0] as string) : 'dutyOfficer' },
            fixture.gridId,
            townId,
          );
  const data = { ...fixture.data };
  for (const hop of path.hops) Object.assign(data, fixture.decisions?.[hop.key]);
  const started = await scenarios.start({
    id: 'run',
    scenario: doc.id,
    trigger: path.trigger,
    by,
    gridId: fixture.gridId,
    data,
    lists: fixture.lists ?? {},
  });
  if (!started.ok) throw new Error(`${doc.id}: start refused ${started.error.code}`);
  const exercised = new Set<string>();
  const load = async () => {
    const r = await scenarios.get('run');
    if (!r) throw new Error('instance lost');
    return r;
  };
  const ok = (r: { ok: boolean; error?: unknown }, what: string) => {
    if (!r.ok) throw new Error(`${doc.id}: ${what} refused ${JSON.stringify(r.error)}`);
  };

  const take = async (hop: Hop): Promise<void> => {
    const step = hop.step;
    /** When the target is entered: now, except a branch start, entered with its parallel. */
    let enteredAt: number | null = null;
    /** `entered` right after the command that entered the parallel (it holds the branch starts). */
    let enteredWith: Record<string, number> | null = null;
    if (hop.timeout) {
      const due = (await load()).context.timers[step.id];
      if (due === undefined) throw new Error(`${doc.id}: ${step.id} has no running timer`);
      clock.set(due);
      await engine.tick();
      await scenarios.settled();
    } else if (step.kind === 'parallel' && hop.from === step.id) {
      if (step.join !== 'all') throw new Error('only join: all is driven');
      enteredAt = clock.now();
      enteredWith = (await load()).context.entered;
      // entering the parallel entered every branch: finish the others, then follow the focus
      for (const b of step.branches) {
        const entry = graph.all.find((h) => h.step === step && h.to === b.start);
        if (entry) exercised.add(entry.key);
        if (b.start === hop.to) continue;
        const rest = graph.shortest(b.start, `${step.id}$join`);
        if (!rest) throw new Error(`${doc.id}: branch ${b.id} cannot finish`);
        for (const h of rest) await take(h);
      }
    } else if (step.kind === 'task' && hop.from === step.id) {
      const outcome = step.outcomes[hop.path[3] as number]?.id as string;
      clock.advance(MIN);
      const r = await scenarios.send('run', {
        type: 'TASK_COMPLETE',
        by: memberFor(step.assignee, fixture.gridId, townId),
        step: step.id,
        outcome,
        data: formData(doc, step.form),
      });
      ok(r, `${step.id}.${outcome}`);
    } else if (step.kind === 'dispatch') {
      const caseId = (await load()).context.cases[step.id] as string;
      clock.advance(MIN);
      const r = await engine.send(caseId, {
        type: 'ACKNOWLEDGE',
        by: memberFor(
          step.lead.kind === 'post' ? { post: step.lead.id } : { department: step.lead.id },
          fixture.gridId,
          townId,
        ),
      });
      ok(r, `${step.id} acknowledge`);
      await scenarios.settled();
    } else if (step.kind === 'campaign') {
      const list = fixture.lists?.[step.targets.list ?? step.targets.kind] ?? [];
      const need = Math.ceil(step.complete.coverage * list.length);
      for (const target of list.slice(0, need)) {
        clock.advance(MIN);
        const r = await scenarios.send('run', {
          type: 'CHECK_IN',
          by: memberFor(step.task.assignee, fixture.gridId, townId),
          step: step.id,
          target,
          data: formData(doc, step.task.form),
        });
        ok(r, `${step.id} check-in ${target}`);
      }
    } else if (step.kind === 'wait') {
      const wait = step.for;
      if ('duration' in wait) {
        clock.set((await load()).context.timers[step.id] as number);
        await engine.tick();
        await scenarios.settled();
      } else {
        clock.advance(MIN);
        const [type, name] = 'signal' in wait ? ['SIGNAL', wait.signal] : ['EVENT', wait.event];
        ok(await scenarios.send('run', { type, by: `${townId}-duty`, name }), `${step.id} ${type}`);
      }
    }
    // notify, escalate, decision and a parallel's join move on by themselves
    exercised.add(hop.key);
    const record = await load();
    const target = graph.steps.get(hop.to);
    if (!target) return; // a `$join` node: the next hop checks where the parallel went
    // `entered` holds the steps the latest command passed through (a branch start was entered
    // by the command that entered its parallel)
    expect
      .soft(
        (enteredWith ?? record.context.entered)[target.id],
        `${doc.id}: ${hop.key} entered ${target.id}`,
      )
      .toBe(enteredAt ?? clock.now());
    if (!['notify', 'escalate', 'decision'].includes(target.kind)) {
      expect(activeSteps(record.status), `${doc.id}: ${hop.key}`).toContain(target.id);
    }
  };

  for (const hop of path.hops) await take(hop);
  const last = graph.steps.get(path.hops.at(-1)?.to as string);
  const record = await load();
  expect(last?.kind).toBe('end');
  expect([record.status, record.context.outcome]).toEqual([
    last?.id,
    last?.kind === 'end' ? last.outcome : null,
  ]);
  return exercised;
}

describe('model-based paths through the built-in scenarios', () => {
  for (const doc of builtInScenarios) {
    it(`given ${doc.id}'s step graph, when paths covering every transition (timeouts too) are replayed on a fresh Engine, then each reaches its end step and every step and transition is taken`, async () => {
      const graph = graphOf(doc);
      const paths = coveringPaths(doc, graph);
      const exercised = new Set<string>();
      for (const path of paths) {
        for (const key of await replay(doc, graph, path)) exercised.add(key);
      }
      const visited = new Set(
        graph.all.filter((h) => exercised.has(h.key)).flatMap((h) => [h.step.id, h.to]),
      );
      const timeouts = graph.all.filter((h) => h.timeout);
      console.log(
        `${doc.id}: ${paths.length} paths, ${exercised.size}/${graph.all.length} transitions (${timeouts.filter((h) => exercised.has(h.key)).length}/${timeouts.length} timeouts), ${doc.steps.filter((s) => visited.has(s.id)).length}/${doc.steps.length} steps`,
      );
      expect(graph.all.map((h) => h.key).filter((k) => !exercised.has(k))).toEqual([]);
      expect(doc.steps.map((s) => s.id).filter((id) => !visited.has(id))).toEqual([]);
      expect(timeouts.length).toBeGreaterThan(0);
    });
  }
});
