import { parseExpression } from '../../expr/parseExpression.js';
import { parseDuration } from '../../sla/parseDuration.js';
import { stepRegions } from '../document/scenarioGraph.js';
import type { Scenario, ScenarioStep } from '../document/scenarioSchema.js';

/**
 * An action or guard reference in machine JSON: a name and JSON params. Implementations live
 * in core (`createScenarioMachine`); the JSON never holds code.
 *
 * @example
 * ```ts
 * import type { NamedRef } from '@zhizhi/core/scenario';
 * const r: NamedRef = { type: 'zz.notify', params: { step: 'warn' } };
 * ```
 */
export interface NamedRef {
  type: string;
  params?: Record<string, unknown>;
}

/**
 * One state node of machine JSON (the XState 5 config subset the compiler emits).
 *
 * @example
 * ```ts
 * import type { StateJson } from '@zhizhi/core/scenario';
 * const final: StateJson = { type: 'final' };
 * ```
 */
export interface StateJson {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  entry?: NamedRef[];
  exit?: NamedRef[];
  on?: Record<string, TransitionJson[]>;
  always?: TransitionJson[];
  onDone?: TransitionJson[];
  states?: Record<string, StateJson>;
}

/**
 * One transition of machine JSON.
 *
 * @example
 * ```ts
 * import type { TransitionJson } from '@zhizhi/core/scenario';
 * const t: TransitionJson = { target: '#done', guard: { type: 'zz.stepIs', params: { step: 'call' } } };
 * ```
 */
export interface TransitionJson {
  target?: string;
  guard?: NamedRef;
  actions?: NamedRef[];
}

/**
 * The compiled machine: an XState 5 machine config as plain JSON, plus where it came from.
 *
 * @example
 * ```ts
 * import type { MachineJson } from '@zhizhi/core/scenario';
 * const states = (m: MachineJson) => Object.keys(m.states);
 * ```
 */
export interface MachineJson {
  id: string;
  scenario: { id: string; version: string };
  initial: string;
  states: Record<string, StateJson>;
}

const target = (id: string) => `#${id}`;

function stepState(step: ScenarioStep, children: Map<string, ScenarioStep[]>): StateJson {
  const state: StateJson = {
    id: step.id,
    entry: [{ type: 'zz.enter', params: { step: step.id } }],
  };
  const on: Record<string, TransitionJson[]> = {};
  const entry = state.entry as NamedRef[];
  const next = (to: string) => (to === '@join' ? '$done' : target(to));
  if ('sla' in step && step.sla) {
    entry.push({ type: 'zz.startTimer', params: { step: step.id, within: step.sla.within } });
    state.exit = [{ type: 'zz.cancelTimer', params: { step: step.id } }];
    on.TIMEOUT = [
      { guard: { type: 'zz.stepIs', params: { step: step.id } }, target: next(step.sla.onTimeout) },
    ];
  }
  switch (step.kind) {
    case 'task':
      on.TASK_COMPLETE = step.outcomes.map((o) => ({
        guard: { type: 'zz.outcome', params: { step: step.id, outcome: o.id } },
        target: next(o.to),
        actions: [{ type: 'zz.record', params: { step: step.id, fields: step.form ?? [] } }],
      }));
      break;
    case 'dispatch':
      entry.push({
        type: 'zz.dispatch',
        params: {
          step: step.id,
          lead: step.lead,
          coHandlers: step.coHandlers ?? [],
          category: step.category ?? null,
        },
      });
      on.CASE_ACKNOWLEDGED = [
        { guard: { type: 'zz.stepIs', params: { step: step.id } }, target: next(step.next) },
      ];
      break;
    case 'notify':
      entry.push({
        type: 'zz.notify',
        params: {
          step: step.id,
          to: step.to,
          channels: step.channels,
          fields: step.fields ?? [],
          message: step.message ?? null,
        },
      });
      state.always = [{ target: next(step.next) }];
      break;
    case 'decision':
      state.always = [
        ...step.branches.map((b) => {
          const parsed = parseExpression(b.when);
          return {
            guard: { type: 'zz.when', params: { expr: parsed.ok ? parsed.value : null } },
            target: next(b.to),
          };
        }),
        { target: next(step.otherwise) },
      ];
      break;
    case 'parallel': {
      state.type = 'parallel';
      state.states = {};
      for (const b of step.branches) {
        const region: StateJson = { initial: b.start, states: {} };
        for (const child of children.get(`${step.id}/${b.id}`) ?? []) {
          (region.states as Record<string, StateJson>)[child.id] = stepState(child, children);
        }
        (region.states as Record<string, StateJson>).$done = {
          type: 'final',
          ...(step.join === 'any'
            ? { entry: [{ type: 'zz.branchDone', params: { step: step.id } }] }
            : {}),
        };
        state.states[b.id] = region;
      }
      if (step.join === 'all') state.onDone = [{ target: next(step.next) }];
      else
        on.BRANCH_DONE = [
          { guard: { type: 'zz.stepIs', params: { step: step.id } }, target: next(step.next) },
        ];
      break;
    }
    case 'wait':
      if ('signal' in step.for) {
        on.SIGNAL = [
          {
            guard: { type: 'zz.named', params: { name: step.for.signal } },
            target: next(step.next),
            actions: [{ type: 'zz.recordSignal', params: { step: step.id } }],
          },
        ];
      } else if ('event' in step.for) {
        on.EVENT = [
          {
            guard: { type: 'zz.named', params: { name: step.for.event } },
            target: next(step.next),
          },
        ];
      } else {
        // One durable timer per step: an SLA shorter than the wait (set up above) decides first.
        const slaFirst =
          !!step.sla && parseDuration(step.sla.within) < parseDuration(step.for.duration);
        if (!slaFirst) {
          state.entry = entry.filter((a) => a.type !== 'zz.startTimer');
          state.entry.push({
            type: 'zz.startTimer',
            params: { step: step.id, within: step.for.duration },
          });
          state.exit = [{ type: 'zz.cancelTimer', params: { step: step.id } }];
          on.TIMEOUT = [
            { guard: { type: 'zz.stepIs', params: { step: step.id } }, target: next(step.next) },
          ];
        }
      }
      break;
    case 'escalate':
      entry.push({
        type: 'zz.escalate',
        params: { step: step.id, to: step.to, reason: step.reason ?? null },
      });
      state.always = [{ target: next(step.next) }];
      break;
    case 'campaign':
      entry.push({
        type: 'zz.campaign',
        params: { step: step.id, list: step.targets.list ?? step.targets.kind, task: step.task },
      });
      on.CHECK_IN = [
        {
          guard: { type: 'zz.stepIs', params: { step: step.id } },
          actions: [
            { type: 'zz.checkIn', params: { step: step.id, fields: step.task.form ?? [] } },
          ],
        },
      ];
      state.always = [
        {
          guard: {
            type: 'zz.covered',
            params: { step: step.id, coverage: step.complete.coverage },
          },
          target: next(step.next),
        },
      ];
      break;
    case 'end':
      state.type = 'final';
      entry.push({ type: 'zz.end', params: { outcome: step.outcome } });
      break;
  }
  if (Object.keys(on).length > 0) state.on = on;
  return state;
}

/**
 * Compiles a (validated) scenario document into an XState 5 machine config as plain JSON.
 * Steps become states with their step id as key and as `#id`; a transient `$start` state picks
 * the trigger's start step; parallel steps become parallel states whose regions hold their
 * branches' steps and end in a final `$done`; SLAs and waits become `zz.startTimer` /
 * `zz.cancelTimer` actions for the host's durable timers plus a guarded `TIMEOUT` transition;
 * conditions are parsed once and carried as AST JSON in `zz.when` guard params. The output is
 * deterministic: compiling the same document twice gives byte-identical JSON.
 *
 * @example
 * ```ts
 * import { compileScenario, type Scenario } from '@zhizhi/core/scenario';
 * declare const validDoc: Scenario;
 * const machineJson = compileScenario(validDoc);
 * JSON.stringify(machineJson) === JSON.stringify(compileScenario(validDoc)); // true
 * ```
 */
export function compileScenario(doc: Scenario): MachineJson {
  const { regionOf } = stepRegions(doc);
  const children = new Map<string, ScenarioStep[]>();
  const top: ScenarioStep[] = [];
  for (const step of doc.steps) {
    const region = regionOf.get(step.id);
    if (!region) top.push(step);
    else {
      const key = `${region.parallel}/${region.branch}`;
      const list = children.get(key);
      if (list) list.push(step);
      else children.set(key, [step]);
    }
  }
  const states: Record<string, StateJson> = {
    $start: {
      always: [
        ...doc.triggers.map((t) => ({
          guard: { type: 'zz.trigger', params: { trigger: t.id } },
          target: target(t.start),
        })),
        { target: target(doc.triggers[0]?.start ?? doc.steps[0]?.id ?? '$start') },
      ],
    },
  };
  for (const step of top) states[step.id] = stepState(step, children);
  return {
    id: '$scenario',
    scenario: { id: doc.id, version: doc.version },
    initial: '$start',
    states,
  };
}
