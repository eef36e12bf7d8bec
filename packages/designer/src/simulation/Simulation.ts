import { Directory, type Org, parseDuration, SimulatedClock } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { MemoryStore } from '@zhizhi/core/runtime';
import { sampleOrg } from '@zhizhi/core/sample';
import {
  activeSteps,
  authorizeScenarioCommand,
  type Diagnostic,
  type Scenario,
} from '@zhizhi/core/scenario';
import type { EventLine } from '../model/paths/EventLine.js';
import { toEventsFile } from '../model/paths/toEventsFile.js';
import { type TimelineEntry, timelineOf } from './timelineOf.js';

/** The default start of the simulated clock: that of `zhizhi simulate` and of the test paths. */
export const SIMULATION_START = '2026-01-01T08:00:00+08:00';

/** What `createSimulation` is given besides the document. */
export interface SimulationOptions {
  /** The org the scenario runs in (default: the sample org). */
  org?: Org;
  /** Where the simulated clock starts (default {@link SIMULATION_START}). */
  start?: string;
}

/** A task a member may complete now: the step, its outcomes and the fields its form asks for. */
export interface SimulatedTask {
  step: string;
  outcomes: string[];
  form: string[];
}

/** A command on the case a dispatch step opened that a member may send now. */
export interface SimulatedCaseAction {
  /** The dispatch step that opened the case. */
  step: string;
  caseId: string;
  type: string;
}

/** What the simulation shows after each move: the clock, the instance and what happened. */
export interface SimulationState {
  now: number;
  /** The earliest timer still to fire (SLA, escalation, wait), if any. */
  nextDeadline: number | undefined;
  instanceId: string | undefined;
  status: string | undefined;
  outcome: string | null | undefined;
  active: string[];
  timeline: TimelineEntry[];
}

type Result =
  | { ok: true }
  | { ok: false; error: { code: string; message: { zh: string; en: string } } };

/** An ISO 8601 duration of whole seconds (at least one), as the test paths write them. */
const seconds = (ms: number) => `PT${Math.max(1, Math.ceil(ms / 1000))}S`;

/** Codes that mean "not this member's, or not now" (others: the form is not filled in yet). */
const NOT_YOURS = new Set(['run.notAssignee', 'run.notActive', 'run.outsideTown']);

/**
 * A scenario simulated on the real runtime: a `LocalClient` over a `MemoryStore` with a
 * `SimulatedClock` (the mechanism `zhizhi simulate` uses), the document registered on it. Every
 * move is an events-file line (`apply`), so what a user does in the designer is recorded as a
 * run that `zhizhi simulate --events` replays (`eventsFile`), and a generated test path plays
 * through the same `apply`. Moving the clock fires due timers at their own times, earliest
 * first, as the runtime would on a real clock.
 *
 * @example
 * ```ts
 * import { createSimulation } from '@zhizhi/designer';
 * const made = createSimulation(doc);
 * if (made.ok) {
 *   const sim = made.simulation;
 *   await sim.apply({ type: 'START', actor: 'qj-sj-duty', trigger: 'manual', gridId: 'qj-sj-c1-g1', data: { alarmType: 'fall' } });
 *   await sim.toNextDeadline(); // the call's 5-minute SLA fires: a grid worker visits
 *   (await sim.state()).active; // ['visit']
 * }
 * ```
 */
export class Simulation {
  readonly client: LocalClient;
  readonly clock: SimulatedClock;
  readonly directory: Directory;
  readonly doc: Scenario;
  /** The run so far, as events-file lines. */
  readonly lines: EventLine[] = [];
  #instanceId: string | undefined;

  /** @internal use {@link createSimulation} */
  constructor(doc: Scenario, client: LocalClient, clock: SimulatedClock) {
    this.doc = doc;
    this.client = client;
    this.clock = clock;
    this.directory = client.engine.directory;
  }

  get instanceId(): string | undefined {
    return this.#instanceId;
  }

  /** The earliest timer in the store (the simulation's store holds only this run's). */
  async nextDeadline(): Promise<number | undefined> {
    const [first] = await this.client.engine.store.dueTimers(Number.MAX_SAFE_INTEGER, 1);
    return first?.dueAt;
  }

  /** Fires what is due now and lets hand-offs (cases opened, acknowledgements) settle. */
  async #settle() {
    await this.client.tick();
    await this.client.scenarios.settled();
  }

  /**
   * Moves the clock by `ms` (rounded up to whole seconds); every timer due on the way fires at
   * its own due time, earliest first. Each move is recorded as an `advance` line.
   */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + Math.max(1000, Math.ceil(ms / 1000) * 1000);
    for (;;) {
      const due = await this.nextDeadline();
      const to = due !== undefined && due < target ? Math.max(due, this.clock.now()) : target;
      await this.apply({ advance: seconds(to - this.clock.now()) });
      if (to >= target) return;
    }
  }

  /** Moves the clock to the next deadline (nothing when none is left). */
  async toNextDeadline(): Promise<boolean> {
    const due = await this.nextDeadline();
    if (due === undefined) return false;
    await this.apply({ advance: seconds(due - this.clock.now()) });
    return true;
  }

  /**
   * Applies one events-file line, as `zhizhi simulate` would: a clock move (then due timers
   * fire), `START`, an instance command, or (`case`) a command to the case a dispatch step
   * opened. Recorded in `lines` when the runtime accepts it; a refusal changes nothing.
   */
  async apply(line: EventLine): Promise<Result> {
    if ('advance' in line) {
      this.clock.advance(parseDuration(String(line.advance)));
      await this.#settle();
      this.lines.push(line);
      return { ok: true };
    }
    const {
      type,
      actor,
      case: step,
      ...payload
    } = line as {
      type: string;
      actor: string;
      case?: unknown;
    } & Record<string, unknown>;
    let result: Result;
    if (type === 'START') {
      const started = await this.client.start({
        ...payload,
        scenario: this.doc.id,
        version: this.doc.version,
        by: actor,
      });
      if (started.ok) this.#instanceId = started.record.id;
      result = started;
    } else if (this.#instanceId === undefined) {
      return refused('sim.notStarted', '场景尚未开始', 'The scenario has not started');
    } else if (typeof step === 'string') {
      const caseId = (await this.client.getInstance(this.#instanceId))?.context.cases[step];
      if (caseId === undefined)
        return refused('sim.noCase', `步骤 ${step} 没有派出事件`, `Step ${step} opened no case`);
      result = await this.client.send(caseId, { ...payload, type, by: actor });
    } else {
      result = await this.client.command(this.#instanceId, { ...payload, type, by: actor });
    }
    await this.client.scenarios.settled();
    if (result.ok) this.lines.push(line);
    return result;
  }

  /**
   * Injects a sensor reading at `level` (1 highest … 3; 0 clears) from the org's sensor in the
   * grid's town, through the client's readings path (the alert normaliser, as
   * `POST /api/readings`): a sensor trigger starts an instance, a running one hears the signal.
   * An accepted reading is recorded as a `READING` line (the reading as sent), which
   * `zhizhi simulate` feeds through the same path.
   */
  async inject(reading: { type: string; level: 0 | 1 | 2 | 3; value?: number; gridId: string }) {
    const townId = this.directory.ancestorAt(reading.gridId, 'town')?.id;
    const sensor = this.directory.org.members.find(
      (m) => m.role === 'sensor' && m.unitId === townId,
    );
    if (!sensor) return { accepted: 0, started: false };
    this.#seq += 1;
    const sent = {
      deviceId: `sim-${reading.gridId}`,
      seq: this.#seq,
      deviceTime: this.clock.now(),
      type: reading.type,
      level: reading.level,
      ...(reading.value === undefined ? {} : { value: reading.value }),
      townId,
      gridId: reading.gridId,
    };
    const r = await this.client.readings(sensor.id, [sent]);
    await this.client.scenarios.settled();
    if (r.accepted > 0) this.lines.push({ type: 'READING', actor: sensor.id, reading: sent });
    let started = false;
    for (const x of r.results) {
      if (!x.ok || x.record.kind !== 'scenario' || x.record.id === this.#instanceId) continue;
      if (this.#instanceId === undefined) {
        this.#instanceId = x.record.id;
        started = true;
      } else {
        // a second instance (a reading from another grid): one events file drives one
        this.#second = true;
      }
    }
    return { accepted: r.accepted, started };
  }

  #seq = 0;
  #second = false;

  /**
   * Whether the run can be saved as an events file: an instance was started (by `START` or a
   * reading) and no reading started a second one.
   */
  get replayable(): boolean {
    return this.#instanceId !== undefined && !this.#second && this.lines.some((l) => 'type' in l);
  }

  /** The tasks `memberId` may complete now (their form still to fill in). */
  async tasksFor(memberId: string): Promise<SimulatedTask[]> {
    const member = this.directory.member(memberId);
    const record = this.#instanceId ? await this.client.getInstance(this.#instanceId) : undefined;
    if (!member || !record) return [];
    const out: SimulatedTask[] = [];
    for (const id of activeSteps(record.status)) {
      const step = this.doc.steps.find((s) => s.id === id);
      if (step?.kind !== 'task') continue;
      const outcome = step.outcomes[0]?.id ?? '';
      const denied = authorizeScenarioCommand(this.directory, this.doc, record, member, {
        type: 'TASK_COMPLETE',
        by: member.id,
        step: id,
        outcome,
      });
      if (denied && NOT_YOURS.has(denied.error.code)) continue;
      out.push({ step: id, outcomes: step.outcomes.map((o) => o.id), form: step.form ?? [] });
    }
    return out;
  }

  /** The commands `memberId` may send now to the cases this instance's dispatch steps opened. */
  async caseActionsFor(memberId: string): Promise<SimulatedCaseAction[]> {
    const record = this.#instanceId ? await this.client.getInstance(this.#instanceId) : undefined;
    if (!record) return [];
    const out: SimulatedCaseAction[] = [];
    for (const [step, caseId] of Object.entries(record.context.cases)) {
      for (const a of await this.client.actions(caseId, memberId))
        out.push({ step, caseId, type: a.type });
    }
    return out;
  }

  /** The clock, the instance's status and active steps, the next deadline and the timeline. */
  async state(): Promise<SimulationState> {
    const record = this.#instanceId ? await this.client.getInstance(this.#instanceId) : undefined;
    const ids = record ? [record.id, ...Object.values(record.context.cases)] : [];
    const trails = await Promise.all(
      ids.map(async (id) => ({ id, audit: await this.client.audit(id) })),
    );
    return {
      now: this.clock.now(),
      nextDeadline: await this.nextDeadline(),
      instanceId: record?.id,
      status: record?.status,
      outcome: record?.context.outcome,
      active: record && record.context.outcome === null ? activeSteps(record.status) : [],
      timeline: timelineOf(trails, record?.id),
    };
  }

  /** The run as the events file `zhizhi simulate --events` replays. */
  eventsFile(): string {
    return toEventsFile({ lines: this.lines });
  }
}

function refused(code: string, zh: string, en: string): Result {
  return { ok: false, error: { code, message: { zh, en } } };
}

/**
 * Registers `doc` on a fresh `LocalClient` over a `MemoryStore` with a `SimulatedClock` and the
 * org (the sample org by default). The runtime's own check refuses a document with errors:
 * `{ ok: false, diagnostics }`.
 *
 * @example
 * ```ts
 * import { createSimulation } from '@zhizhi/designer';
 * const made = createSimulation(doc, { start: '2026-03-02T09:00:00+08:00' });
 * if (!made.ok) console.log(made.diagnostics.map((d) => d.message.zh));
 * ```
 */
export function createSimulation(
  doc: Scenario,
  options: SimulationOptions = {},
): { ok: true; simulation: Simulation } | { ok: false; diagnostics: Diagnostic[] } {
  const clock = new SimulatedClock(options.start ?? SIMULATION_START);
  const client = new LocalClient({
    directory: new Directory(options.org ?? sampleOrg),
    store: new MemoryStore(),
    clock,
  });
  const registered = client.scenarios.register(doc);
  if (!registered.ok) return registered;
  return { ok: true, simulation: new Simulation(doc, client, clock) };
}
