import { Directory, type Member, type Org } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import {
  activeSteps,
  authorizeScenarioCommand,
  compileScenario,
  createScenarioMachine,
  createScenarioStepper,
  type Scenario,
  type ScenarioCommand,
  type ScenarioContext,
  type ScenarioEvent,
  type ScenarioStep,
} from '@zhizhi/core/scenario';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import { candidateData, sampleValue } from './candidateData.js';
import type { EventLine } from './EventLine.js';

/**
 * One generated test path: the events file lines that drive one instance, the steps it
 * enters, the SLA timeouts it fires, and the statuses the instance goes through (what a
 * replay must show).
 *
 * @example
 * ```ts
 * import type { TestPath } from '@zhizhi/designer/model';
 * const title = (p: TestPath) => `${p.name}: ${p.reaches.length} steps`;
 * ```
 */
export interface TestPath {
  name: string;
  lines: EventLine[];
  reaches: string[];
  timeouts: string[];
  statuses: string[];
}

/**
 * What `generateTestPaths` found: the paths, and what no path reaches (with the org and
 * start data tried: a step behind a condition no tried value satisfies, a task nobody in the
 * org may do…).
 *
 * @example
 * ```ts
 * import type { TestPaths } from '@zhizhi/designer/model';
 * const complete = (t: TestPaths) => t.unreached.length === 0 && t.untimed.length === 0;
 * ```
 */
export interface TestPaths {
  paths: TestPath[];
  unreached: string[];
  untimed: string[];
}

interface Node {
  status: string;
  context: ScenarioContext;
  lines: EventLine[];
  statuses: string[];
  timeouts: string[];
}

/** The default start of `zhizhi simulate`'s clock. */
const DEFAULT_START = '2026-01-01T08:00:00+08:00';

/** An ISO 8601 duration of whole seconds (at least one). */
const seconds = (ms: number) => `PT${Math.max(1, Math.ceil(ms / 1000))}S`;

/**
 * Generates test paths for a (valid) scenario by exploring its compiled machine with core's
 * stepper: every step and every SLA timeout reached at least once where the org and the
 * tried data allow it, each path an events file for `zhizhi simulate` (see `toEventsFile`).
 * Actors are picked from the org by core's own authorization (`authorizeScenarioCommand`);
 * decisions are steered by start data built from the conditions' literals; timeouts by
 * advancing the clock to the next deadline. Breadth-first, so each path is among the
 * shortest reaching what it covers; at most `maxNodes` states are explored.
 *
 * @example
 * ```ts
 * import { generateTestPaths, toEventsFile } from '@zhizhi/designer/model';
 * const { paths, unreached } = generateTestPaths(draft.doc);
 * for (const p of paths) save(`${p.name}.events.jsonl`, toEventsFile(p));
 * ```
 */
export function generateTestPaths(
  draft: ScenarioDraft,
  options: { org?: Org; gridId?: string; start?: string; maxNodes?: number } = {},
): TestPaths {
  const doc = draft as unknown as Scenario;
  const org = options.org ?? sampleOrg;
  const directory = new Directory(org);
  const gridId =
    options.gridId ?? org.units.find((u) => u.level === 'grid')?.id ?? (undefined as never);
  const townId = directory.ancestorAt(gridId, 'town')?.id as string;
  const startAt = Date.parse(options.start ?? DEFAULT_START);
  const stepper = createScenarioStepper(createScenarioMachine(compileScenario(doc)));
  const steps = new Map<string, ScenarioStep>(doc.steps.map((s) => [s.id, s]));
  const members = org.members as Member[];

  /** A member the runtime lets do `command` in this state (core's own rule), if any. */
  const actorFor = (node: Node, command: ScenarioCommand): Member | undefined =>
    members.find(
      (m) =>
        authorizeScenarioCommand(
          directory,
          doc,
          { townId, status: node.status, context: node.context } as never,
          m,
          command,
        ) === null,
    );

  const formData = (form: readonly string[] | undefined, node: Node) =>
    Object.fromEntries((form ?? []).map((f) => [f, node.context.data[f] ?? sampleValue(doc, f)]));

  /** The moves out of a state: [line(s), event]. */
  function moves(node: Node): { lines: EventLine[]; event: ScenarioEvent; timeout?: string }[] {
    const out: { lines: EventLine[]; event: ScenarioEvent; timeout?: string }[] = [];
    const now = node.context.now;
    for (const id of activeSteps(node.status)) {
      const step = steps.get(id);
      if (!step) continue;
      if (step.kind === 'task') {
        for (const o of step.outcomes) {
          const data = formData(step.form, node);
          const command = { type: 'TASK_COMPLETE', step: id, outcome: o.id, data } as never;
          const m = actorFor(node, command);
          if (!m) continue;
          out.push({
            lines: [{ type: 'TASK_COMPLETE', actor: m.id, step: id, outcome: o.id, data }],
            event: { type: 'TASK_COMPLETE', step: id, outcome: o.id, by: m.id, at: now, data },
          });
        }
      } else if (step.kind === 'dispatch') {
        const staff = directory.staffOf(step.lead)[0];
        if (staff) {
          out.push({
            lines: [{ case: id, type: 'ACKNOWLEDGE', actor: staff.id }],
            event: { type: 'CASE_ACKNOWLEDGED', step: id, caseId: id, by: staff.id, at: now },
          });
        }
      } else if (step.kind === 'wait' && !('duration' in step.for)) {
        const isSignal = 'signal' in step.for;
        const name = 'signal' in step.for ? step.for.signal : (step.for as { event: string }).event;
        const type = isSignal ? 'SIGNAL' : 'EVENT';
        const m = actorFor(node, { type, name, data: {} } as never);
        if (m) {
          out.push({
            lines: [{ type, actor: m.id, name }],
            event: { type, name, by: m.id, at: now } as ScenarioEvent,
          });
        }
      } else if (step.kind === 'campaign') {
        const list = step.targets.list ?? step.targets.kind;
        const target = node.context.lists[list]?.find(
          (t) => !(node.context.campaigns[id]?.done ?? []).includes(t),
        );
        const data = formData(step.task.form, node);
        if (target) {
          const m = actorFor(node, { type: 'CHECK_IN', step: id, target, data } as never);
          if (m) {
            out.push({
              lines: [{ type: 'CHECK_IN', actor: m.id, step: id, target, data }],
              event: { type: 'CHECK_IN', step: id, target, by: m.id, at: now, data },
            });
          }
        }
      }
    }
    // the next deadline: advance the clock to it and the timer fires
    const due = Object.entries(node.context.timers).sort((a, b) => a[1] - b[1])[0];
    if (due) {
      const [step, at] = due;
      const advance = seconds(at - now);
      const when = now + Math.max(1, Math.ceil((at - now) / 1000)) * 1000;
      const slaStep = steps.get(step);
      const isSla = !!slaStep && 'sla' in slaStep && !!slaStep.sla;
      out.push({
        lines: [{ advance }],
        event: { type: 'TIMEOUT', step, by: 'system', at: when },
        ...(isSla ? { timeout: step } : {}),
      });
    }
    return out;
  }

  const data = candidateData(doc);
  const roots: Node[] = [];
  for (const trigger of doc.triggers) {
    const lists = Object.fromEntries(
      doc.steps.flatMap((s) =>
        s.kind === 'campaign'
          ? [
              [
                s.targets.list ?? s.targets.kind,
                s.targets.kind === 'grids' ? [gridId] : [`${s.id}-1`],
              ],
            ]
          : [],
      ),
    );
    const starters: Record<string, readonly string[]> = {
      manual: trigger.kind === 'manual' ? trigger.roles : [],
      sensor: ['sensor', 'dutyOfficer', 'commander'],
      schedule: ['dutyOfficer', 'commander'],
      report: ['resident', 'gridWorker', 'dutyOfficer'],
    };
    const starter = members.find(
      (m) =>
        (starters[trigger.kind] ?? []).includes(m.role) && directory.townOfMember(m) === townId,
    );
    if (!starter) continue;
    for (const d of data) {
      const first = stepper.initial({
        trigger: trigger.id,
        townId,
        gridId,
        at: startAt,
        data: d,
        lists,
      });
      if (!first.status) continue;
      const line: EventLine = {
        type: 'START',
        trigger: trigger.id,
        actor: starter.id,
        gridId,
        data: d,
      };
      if (Object.keys(lists).length > 0) line.lists = lists;
      roots.push({
        status: first.status,
        context: first.context,
        lines: [line],
        statuses: [first.status],
        timeouts: [],
      });
    }
  }

  const wantSteps = new Set(doc.steps.map((s) => s.id));
  const wantTimeouts = new Set(doc.steps.filter((s) => 'sla' in s && s.sla).map((s) => s.id));
  const found: Node[] = [];
  const covered = new Set<string>();
  const seen = new Set<string>();
  const queue = [...roots];
  const maxNodes = options.maxNodes ?? 5000;
  for (let head = 0; head < queue.length && head < maxNodes; head++) {
    const node = queue[head] as Node;
    const fresh = [
      ...Object.keys(node.context.entered).filter((s) => !covered.has(`s:${s}`)),
      ...node.timeouts.filter((t) => !covered.has(`t:${t}`)),
    ];
    if (fresh.length > 0) {
      for (const s of Object.keys(node.context.entered)) covered.add(`s:${s}`);
      for (const t of node.timeouts) covered.add(`t:${t}`);
      found.push(node);
      const all =
        [...wantSteps].every((x) => covered.has(`s:${x}`)) &&
        [...wantTimeouts].every((x) => covered.has(`t:${x}`));
      if (all) break;
    }
    for (const move of moves(node)) {
      const r = stepper.next(node.status, node.context, move.event);
      if (!r.changed || r.loop) continue;
      const key = `${r.status}|${JSON.stringify(r.context.data)}|${Object.keys(r.context.timers).join()}|${JSON.stringify(r.context.campaigns)}`;
      const timeouts = move.timeout ? [...node.timeouts, move.timeout] : node.timeouts;
      const coverKey = `${key}|${Object.keys(r.context.entered).sort().join()}|${timeouts.join()}`;
      if (seen.has(coverKey)) continue;
      seen.add(coverKey);
      queue.push({
        status: r.status,
        context: r.context,
        lines: [...node.lines, ...move.lines],
        statuses: [...node.statuses, r.status],
        timeouts,
      });
    }
  }
  // keep the paths that add something, longest coverage first (a greedy set cover)
  const chosen: Node[] = [];
  const have = new Set<string>();
  const gain = (n: Node) =>
    [
      ...Object.keys(n.context.entered).map((s) => `s:${s}`),
      ...n.timeouts.map((t) => `t:${t}`),
    ].filter((k) => !have.has(k)).length;
  const pool = [...found];
  while (pool.length > 0) {
    pool.sort((a, b) => gain(b) - gain(a) || a.lines.length - b.lines.length);
    const best = pool.shift() as Node;
    if (gain(best) === 0) break;
    chosen.push(best);
    for (const s of Object.keys(best.context.entered)) have.add(`s:${s}`);
    for (const t of best.timeouts) have.add(`t:${t}`);
  }
  return {
    paths: chosen.map((n, i) => ({
      name: `${doc.id}-path-${i + 1}`,
      lines: n.lines,
      reaches: doc.steps.map((s) => s.id).filter((s) => Object.hasOwn(n.context.entered, s)),
      timeouts: [...new Set(n.timeouts)],
      statuses: n.statuses,
    })),
    unreached: [...wantSteps].filter((s) => !have.has(`s:${s}`)),
    untimed: [...wantTimeouts].filter((t) => !have.has(`t:${t}`)),
  };
}
