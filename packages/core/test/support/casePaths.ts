import { createActor, type EventFromLogic, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  type CaseCommand,
  type CaseContext,
  type CaseEvent,
  type CaseMachine,
  type CaseReport,
  type CaseStatus,
  clockOfStatus,
  createCaseMachine,
  Directory,
  type Member,
  type Role,
  roles,
  SimulatedClock,
  type SlaClock,
} from '../../src/index.js';
import { Engine, type EngineResult, MemoryStore, type Store } from '../../src/runtime.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../../src/sample/index.js';

/** 2026-03-02 09:00 in Chongqing: every test clock starts here. */
export const T0 = Date.parse('2026-03-02T09:00:00+08:00');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The sample org as a directory, built once. */
export const directory = new Directory(sampleOrg);

export { type Member, type Role, roles };

/** Every member of the sample org, and the built-in `system` actor. */
export const members: readonly Member[] = [
  ...sampleOrg.members,
  { id: 'system', name: 'system', role: 'system', unitId: '*' },
];

export const memberById = new Map(members.map((m) => [m.id, m]));

const unitById = new Map(sampleOrg.units.map((u) => [u.id, u]));
const townOfPost = new Map(sampleOrg.posts.map((p) => [p.id, p.townId]));

/** The town a member works in (their post's, else their unit's), or undefined at district level. */
export function townOf(member: Member): string | undefined {
  if (member.postId !== undefined) return townOfPost.get(member.postId);
  let unit = unitById.get(member.unitId);
  while (unit && unit.level !== 'town')
    unit = unit.parentId ? unitById.get(unit.parentId) : undefined;
  return unit?.id;
}

type Target = { kind: 'post' | 'department'; id: string };
const staffs = (m: Member, t: Target) =>
  t.kind === 'post' ? m.postId === t.id : m.departmentId === t.id;

/** Where a member stands relative to a case, as the rules tables' scopes describe it (a test oracle). */
export function inScope(
  member: Member,
  scope: 'grid' | 'community' | 'town' | 'lead' | 'coHandler' | 'system',
  ctx: Pick<CaseContext, 'gridId' | 'communityId' | 'townId' | 'lead' | 'coHandlers'>,
): boolean {
  switch (scope) {
    case 'grid':
      return member.unitId === ctx.gridId;
    case 'community':
      return member.unitId === ctx.communityId;
    case 'town':
      return townOf(member) === ctx.townId;
    case 'lead':
      return ctx.lead !== null && staffs(member, ctx.lead);
    case 'coHandler':
      return ctx.coHandlers.some((t) => staffs(member, t));
    case 'system':
      return member.role === 'system';
  }
}

/** The id of the case every path is about, and of the open case of the same town it may merge into. */
export const CASE_ID = 'case-under-test';
export const MERGE_TARGET_ID = 'merge-target';

/** Who acts in the model paths: members of 三江街道 (qj-sj) and its grid qj-sj-c1-g1. */
export const who = {
  worker: 'qj-sj-c1-g1-worker',
  chief: 'qj-sj-c1-g1-chief',
  /** A part-time grid worker (a delivery rider): grid crew like the worker and the chief. */
  rider: 'qj-sj-c1-g1-rider',
  community: 'qj-sj-c1-staff',
  duty: 'qj-sj-duty',
  duty2: 'qj-sj-duty2',
  commander: 'qj-sj-commander',
  /** Staff of the lead post 村镇建设岗 (economic development: the statutory section of river pollution). */
  leadStaff: 'qj-sj-czjs-staff',
  /** Staff of the co-handling district city management bureau. */
  coStaff: 'qj-cgj-staff',
} as const;

export const leadPost = { kind: 'post', id: 'qj-sj-czjs' } as const;
export const coDepartment = { kind: 'department', id: 'qj-cgj' } as const;
export const supportPost = { kind: 'post', id: 'qj-sj-zzwd' } as const;

/**
 * The SLA deadlines of a medium river-pollution case under `sampleSlaPolicy`, written out here
 * (not computed by the library) so that the Engine's timers are checked against them.
 */
export const deadlines: Record<SlaClock, number> = {
  accept: 30 * MINUTE,
  acknowledge: HOUR,
  resolve: 5 * DAY,
};
export const ESCALATE_AFTER = 2 * HOUR;

/**
 * The three ways a case enters the machine, named by the status it first rests in: handled on
 * the grid by the reporter, sent to the command center's intake, or opened and dispatched at
 * once by a duty officer (one-click dispatch).
 */
export type Entry = 'gridHandling' | 'intake' | 'assigned';
export const entries: readonly Entry[] = ['intake', 'gridHandling', 'assigned'];

/** A report of a medium river-pollution case on grid qj-sj-c1-g1, for an entry point. */
export function riverReport(entry: Entry | boolean, id: string = CASE_ID): CaseReport {
  const report: CaseReport = {
    id,
    gridId: 'qj-sj-c1-g1',
    reporterId: who.worker,
    category: 'riverPollution',
    severity: 'medium',
    title: '檬梓桥河雨污混流',
    handleOnGrid: entry === true || entry === 'gridHandling',
  };
  if (entry !== 'assigned') return report;
  return { ...report, reporterId: who.duty, lead: leadPost, coHandlers: [coDepartment] };
}

/** The context the Engine is expected to build for {@link riverReport} at `at` (written out by hand). */
export function reportedContext(entry: Entry, at: number = T0): CaseContext {
  const dispatched = entry === 'assigned';
  return {
    id: CASE_ID,
    districtId: 'qj',
    townId: 'qj-sj',
    communityId: 'qj-sj-c1',
    gridId: 'qj-sj-c1-g1',
    category: 'riverPollution',
    severity: 'medium',
    title: '檬梓桥河雨污混流',
    description: '',
    location: null,
    photos: [],
    reporterId: dispatched ? who.duty : who.worker,
    reporterRole: dispatched ? 'dutyOfficer' : 'gridWorker',
    handleOnGrid: entry === 'gridHandling',
    reportedAt: at,
    enteredAt: at,
    updatedAt: at,
    section: 'economicDevelopment',
    lead: dispatched ? leadPost : null,
    coHandlers: dispatched ? [coDepartment] : [],
    dispatchedAt: dispatched ? at : null,
    dueAt: null,
    emergency: null,
    supervision: null,
    outcome: null,
    mergedInto: null,
    returns: 0,
    reopens: 0,
    origin: null,
  };
}

/** A fresh Engine on the sample org, policies and duty lists, with a simulated clock at {@link T0}. */
export function newEngine(options: { store?: Store; clock?: SimulatedClock } = {}): {
  engine: Engine;
  clock: SimulatedClock;
  store: Store;
} {
  const clock = options.clock ?? new SimulatedClock(T0);
  const store = options.store ?? new MemoryStore();
  let n = 0;
  const engine = new Engine({
    directory,
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    newId: () => `generated-${++n}`,
  });
  return { engine, clock, store };
}

/**
 * Opens the merge target (an open case of the same town, resting on its grid so that it has no
 * SLA timer of its own) and the case under test.
 */
export async function openCase(engine: Engine, entry: Entry): Promise<EngineResult> {
  const target = await engine.report(riverReport('gridHandling', MERGE_TARGET_ID));
  if (!target.ok) throw new Error(`merge target: ${target.error.code}`);
  return engine.report(riverReport(entry));
}

/** Time between two steps of a model path. */
export const STEP_MS = 5 * MINUTE;

/** When the supervision timer of `level` on the running clock falls due (independent of src/sla). */
export function expectedDue(status: CaseStatus, ctx: CaseContext, level: 1 | 2): number | null {
  const clock = clockOfStatus[status];
  if (!clock) return null;
  let base: number;
  if (clock !== 'resolve' || ctx.reopens > 0) base = ctx.enteredAt + deadlines[clock];
  else base = ctx.dueAt ?? (ctx.dispatchedAt ?? ctx.enteredAt) + deadlines.resolve;
  return level === 1 ? base : base + ESCALATE_AFTER;
}

/** The supervision level the next `SLA_OVERDUE` of the running clock must carry, or null (both fired / no clock). */
export function nextSupervisionLevel(status: CaseStatus, ctx: CaseContext): 1 | 2 | null {
  const clock = clockOfStatus[status];
  if (!clock) return null;
  const reached = ctx.supervision?.clock === clock ? ctx.supervision.level : 0;
  return reached >= 2 ? null : ((reached + 1) as 1 | 2);
}

const staffOf = (target: Target | undefined) =>
  target ? members.find((m) => staffs(m, target))?.id : undefined;

/** A snapshot of the case machine. */
export type CaseSnapshot = SnapshotFrom<CaseMachine>;
/** What the graph functions may hand over: the case events, and XState's own. */
type GraphEvent = EventFromLogic<CaseMachine>;

/** The status a snapshot rests in (the machine's states are flat). */
export function statusOf(snapshot: CaseSnapshot): CaseStatus {
  return snapshot.value as unknown as CaseStatus;
}

const isCaseEvent = (e: GraphEvent): e is CaseEvent => !e.type.startsWith('xstate.');

/**
 * The events offered in a state of the model: for every event its status accepts, a concrete
 * event from a member who passes the guard (some from two members of different roles), an
 * emergency declared or stood down, a cancellation, and the next `SLA_OVERDUE` of the running
 * clock from the system, stamped with its due time.
 */
export function modelEvents(snapshot: CaseSnapshot): CaseEvent[] {
  const status = statusOf(snapshot) as CaseStatus | 'reported';
  if (status === 'closed' || status === 'reported') return [];
  const ctx = snapshot.context;
  const at = ctx.updatedAt + STEP_MS;
  const out: CaseEvent[] = [];
  const add = (command: CaseCommand) => out.push({ ...command, at } as CaseEvent);
  switch (status) {
    case 'gridHandling':
      add({ type: 'RESOLVE_ON_SITE', by: who.worker, result: '已现场劝导整改' });
      add({ type: 'ESCALATE', by: who.chief, reason: '网格无法处置' });
      add({ type: 'RESOLVE_ON_SITE', by: who.rider, result: '已劝离' });
      break;
    case 'communityHandling':
      add({ type: 'RESOLVE_ON_SITE', by: who.community, result: '社区协调解决' });
      add({ type: 'ESCALATE', by: who.community, reason: '社区无法处置' });
      break;
    case 'intake':
      add({ type: 'ACCEPT', by: who.duty, note: '接件' });
      add({ type: 'ACCEPT', by: who.commander });
      add({ type: 'REJECT', by: who.duty2, reason: '不属实' });
      add({ type: 'MERGE', by: who.duty, intoCaseId: MERGE_TARGET_ID });
      break;
    case 'dispatching':
      add({ type: 'DISPATCH', by: who.duty, lead: leadPost, coHandlers: [coDepartment] });
      break;
    case 'assigned': {
      const lead = staffOf(ctx.lead ?? undefined);
      if (lead) {
        add({ type: 'ACKNOWLEDGE', by: lead, note: '签收' });
        add({ type: 'RETURN', by: lead, reason: '不属本岗职责' });
      }
      break;
    }
    case 'inProgress': {
      const lead = staffOf(ctx.lead ?? undefined);
      const co = staffOf(ctx.coHandlers[0]);
      if (lead) {
        add({ type: 'PROGRESS', by: lead, note: '已排查排污口' });
        add({ type: 'REQUEST_SUPPORT', by: lead, targets: [supportPost] });
        add({ type: 'RESOLVE', by: lead, result: '已封堵排污口' });
      }
      if (co) add({ type: 'PROGRESS', by: co, note: '执法人员到场' });
      break;
    }
    case 'verifying':
      add({ type: 'CONFIRM', by: who.worker, note: '核查属实' });
      add({ type: 'CONFIRM', by: who.duty });
      add({ type: 'CONFIRM', by: who.rider });
      add({ type: 'REOPEN', by: who.chief, reason: '仍有污水排放' });
      break;
  }
  add({ type: 'CANCEL', by: who.commander, reason: '撤销' });
  if (ctx.emergency) add({ type: 'STAND_DOWN', by: who.duty2 });
  else add({ type: 'DECLARE_EMERGENCY', by: who.duty, plan: '防汛应急预案' });
  const clock = clockOfStatus[status];
  const level = nextSupervisionLevel(status, ctx);
  if (clock && level) {
    const dueAt = expectedDue(status, ctx, level) as number;
    out.push({ type: 'SLA_OVERDUE', by: 'system', clock, level, dueAt, at: Math.max(dueAt, at) });
  }
  return out;
}

/** A state of the model: status, whether an emergency is declared, and the supervision reached. */
export function serializeCaseState(snapshot: CaseSnapshot): string {
  const ctx = snapshot.context;
  return JSON.stringify([snapshot.value, ctx.emergency !== null, ctx.supervision]);
}

/** One step of a model path: the event and the status and context the machine reached. */
export interface ModelStep {
  event: CaseEvent;
  status: CaseStatus;
  context: CaseContext;
}

/** A model path from the entry state. */
export interface ModelPath {
  /** `shortest` (to a state), `transition` (shortest path to a state plus one of its edges) or `simple`. */
  kind: 'shortest' | 'transition' | 'simple';
  entry: Entry;
  steps: ModelStep[];
}

/** The traversal of the case machine from one entry point. */
export interface CaseModel {
  entry: Entry;
  input: CaseContext;
  machine: CaseMachine;
  initialStatus: CaseStatus;
  /** Serialized states reached. */
  states: Set<string>;
  /** Edges of the adjacency map: state, event, next state. */
  edges: { from: CaseSnapshot; event: CaseEvent; to: CaseSnapshot }[];
  shortest: ModelPath[];
  transitions: ModelPath[];
  simple: ModelPath[];
}

const traversal = (input: CaseContext) => ({
  input,
  events: modelEvents,
  serializeState: serializeCaseState,
  serializeEvent: (e: GraphEvent) => JSON.stringify(e),
});

/** What identifies an offered event regardless of when it is sent: all but its times. */
export function eventKey(event: CaseEvent): string {
  const { at: _at, ...rest } = event;
  if (rest.type === 'SLA_OVERDUE') return JSON.stringify([rest.type, rest.clock, rest.level]);
  return JSON.stringify(rest);
}

/**
 * Replays a path's events on a live actor of the machine from `input`, taking at each step the
 * event {@link modelEvents} offers there with the same key (so that its time and due time fit
 * the context actually reached: a graph's representative snapshot of a state may have been
 * reached another way). Throws if the machine refuses a step.
 */
export function materialize(
  machine: CaseMachine,
  input: CaseContext,
  events: readonly CaseEvent[],
): ModelStep[] {
  const actor = createActor(machine, { input }).start();
  const steps: ModelStep[] = [];
  for (const wanted of events) {
    const before = actor.getSnapshot();
    const event = modelEvents(before).find((e) => eventKey(e) === eventKey(wanted));
    if (!event) throw new Error(`${eventKey(wanted)} is not offered in ${String(before.value)}`);
    actor.send(event);
    const after = actor.getSnapshot();
    if (after === before || after.context === before.context) {
      throw new Error(`the machine refused ${eventKey(wanted)} in ${String(before.value)}`);
    }
    steps.push({ event, status: statusOf(after), context: after.context });
  }
  actor.stop();
  return steps;
}

const eventsOf = (steps: readonly { event: GraphEvent }[]) =>
  steps.map((s) => s.event).filter(isCaseEvent);

/**
 * The events simple paths follow: the lifecycle without the detours every status allows (an
 * emergency declared or stood down, a cancellation) and with one sender per event type, so
 * that their number stays in the hundreds instead of the millions.
 */
function lifecycleOnly(snapshot: CaseSnapshot, event: GraphEvent): boolean {
  if (!isCaseEvent(event)) return false;
  if (event.type === 'DECLARE_EMERGENCY' || event.type === 'STAND_DOWN') return false;
  if (event.type === 'CANCEL') return statusOf(snapshot) === 'inProgress';
  const first = modelEvents(snapshot).find((e) => e.type === event.type);
  return JSON.stringify(first) === JSON.stringify(event);
}

const models = new Map<Entry, CaseModel>();

/**
 * Traverses the case machine from an entry point (cached): the adjacency map,
 * the shortest path to every state, one path per transition, and the simple paths to the
 * closed states (every way to close a case without revisiting a state).
 */
export function caseModel(entry: Entry): CaseModel {
  const cached = models.get(entry);
  if (cached) return cached;
  const machine = createCaseMachine({ directory, dutyLists: sampleDutyLists });
  const input = reportedContext(entry);
  const options = traversal(input);
  const adjacency = getAdjacencyMap(machine, options);
  const path = (kind: ModelPath['kind'], events: CaseEvent[]): ModelPath => ({
    kind,
    entry,
    steps: materialize(machine, input, events),
  });
  const shortestRaw = getShortestPaths(machine, options);
  const headOf = new Map<string, CaseEvent[]>();
  for (const p of shortestRaw) headOf.set(serializeCaseState(p.state), eventsOf(p.steps));
  const edges: CaseModel['edges'] = [];
  const transitions: ModelPath[] = [];
  for (const [serial, value] of Object.entries(adjacency)) {
    const head = headOf.get(serial);
    if (!head) throw new Error(`no shortest path to ${serial}`);
    const next = Object.values(value.transitions) as { event: GraphEvent; state: CaseSnapshot }[];
    for (const t of next) {
      if (!isCaseEvent(t.event)) continue;
      edges.push({ from: value.state, event: t.event, to: t.state });
      transitions.push(path('transition', [...head, t.event]));
    }
  }
  const simple = getSimplePaths(machine, {
    ...options,
    filterEvents: lifecycleOnly,
    toState: (s: CaseSnapshot) => statusOf(s) === 'closed',
  })
    .filter((p) => statusOf(p.state) === 'closed')
    .map((p) => path('simple', eventsOf(p.steps)));
  const initial = createActor(machine, { input }).getSnapshot();
  const model: CaseModel = {
    entry,
    input,
    machine,
    initialStatus: statusOf(initial),
    states: new Set(Object.keys(adjacency)),
    edges,
    shortest: shortestRaw.map((p) => path('shortest', eventsOf(p.steps))),
    transitions,
    simple,
  };
  models.set(entry, model);
  return model;
}

/** The command a caller sends for a model event (the Engine stamps the time itself). */
export function commandOf(event: CaseEvent): CaseCommand {
  const { at: _at, ...command } = event;
  return command as CaseCommand;
}

/**
 * Plays one model step on an Engine: sets the clock to the event's time; an `SLA_OVERDUE` is
 * not sent (the Engine refuses `system` from outside) but fired by `tick()` once its timer is
 * due. Returns the results that concern the case (a tick must fire exactly one).
 */
export async function playStep(
  engine: Engine,
  clock: SimulatedClock,
  caseId: string,
  event: CaseEvent,
): Promise<EngineResult> {
  if (event.at > clock.now()) clock.set(event.at);
  if (event.type !== 'SLA_OVERDUE') return engine.send(caseId, commandOf(event));
  const { results } = await engine.tick();
  const mine = results.filter((r) => !r.ok || r.record.id === caseId);
  if (mine.length !== 1) {
    throw new Error(`tick at ${clock.now()} fired ${mine.length} timers of ${caseId}, expected 1`);
  }
  return mine[0] as EngineResult;
}
