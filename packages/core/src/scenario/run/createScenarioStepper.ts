import type { AnyActorScope } from 'xstate';
import { createInertScope } from '../../case/createInertScope.js';
import type { ScenarioMachine } from '../compile/createScenarioMachine.js';
import { InstantLoopError, instantStepBudget } from '../compile/createScenarioMachine.js';
import { MAX_INSTANT_STEPS } from '../document/scenarioLimits.js';
import { parseStatus, statusOf } from './activeSteps.js';
import type { ScenarioContext, ScenarioEvent, ScenarioInput } from './scenarioContext.js';

/**
 * A host effect a scenario step asked for: `zz.notify`, `zz.dispatch` or `zz.escalate`, with
 * its JSON params.
 *
 * @example
 * ```ts
 * import type { ScenarioEffect } from '@zhizhi/core/scenario';
 * const isNotify = (e: ScenarioEffect) => e.type === 'zz.notify';
 * ```
 */
export interface ScenarioEffect {
  type: 'zz.notify' | 'zz.dispatch' | 'zz.escalate';
  params: Record<string, unknown>;
}

/**
 * One pure step of a scenario machine.
 *
 * @example
 * ```ts
 * import type { ScenarioStepResult } from '@zhizhi/core/scenario';
 * const ended = (r: ScenarioStepResult) => r.done;
 * ```
 */
export interface ScenarioStepResult {
  changed: boolean;
  /** Set when the step entered more than `MAX_INSTANT_STEPS` steps (an instant loop): nothing changed. */
  loop?: string;
  status: string;
  done: boolean;
  context: ScenarioContext;
  effects: ScenarioEffect[];
}

const EFFECTS = new Set(['zz.notify', 'zz.dispatch', 'zz.escalate']);

type Snapshot = ReturnType<ScenarioMachine['resolveState']>;

/**
 * Steps a scenario machine without a live actor, like the case stepper: one inert actor scope
 * per machine, reused; the state is a stored status string and a context.
 *
 * @example
 * ```ts
 * import { createScenarioStepper, type ScenarioMachine } from '@zhizhi/core/scenario';
 * declare const machine: ScenarioMachine; // createScenarioMachine(compileScenario(doc))
 * declare const now: number;
 * declare const later: number;
 * const stepper = createScenarioStepper(machine);
 * const first = stepper.initial({ trigger: 'band', townId: 'qj-sj', at: now });
 * stepper.next(first.status, first.context, { type: 'TIMEOUT', step: 'call', by: 'system', at: later });
 * ```
 */
export function createScenarioStepper(
  machine: ScenarioMachine,
  options: {
    /**
     * Steps whose last entry `entered` keeps across commands (the steps duration KPIs measure);
     * every other step is kept only for the command that entered it. Default: keep every step.
     */
    keep?: ReadonlySet<string>;
  } = {},
) {
  const keep = options.keep;
  /** `entered` as the next command starts it: the kept steps only (so it never grows with the scenario). */
  const carried = (entered: Record<string, number>): Record<string, number> => {
    if (!keep) return entered;
    const out: Record<string, number> = {};
    for (const step of keep) if (Object.hasOwn(entered, step)) out[step] = entered[step] as number;
    return out;
  };
  let effects: ScenarioEffect[] = [];
  let scope: AnyActorScope | undefined;
  const scopeFor = (input: ScenarioInput): AnyActorScope => {
    scope ??= createInertScope(machine, input, (action) => {
      if (EFFECTS.has(action.type)) {
        effects.push({ type: action.type, params: action.params } as ScenarioEffect);
      }
    });
    return scope;
  };
  // The snapshot each step returned, by its context: when the next command comes with that same
  // context (the record this process just wrote), stepping on from the snapshot skips
  // `resolveState`, whose cost grows with the number of steps of the scenario.
  const snapshots = new WeakMap<ScenarioContext, Snapshot>();
  const result = (
    snapshot: { value: unknown; context: ScenarioContext; status: string; error?: unknown },
    changed: boolean,
  ): ScenarioStepResult => {
    // XState turns an error thrown while resolving a state into an error snapshot
    if (snapshot.status === 'error' && snapshot.error instanceof InstantLoopError)
      throw snapshot.error;
    const out = effects;
    effects = [];
    snapshots.set(snapshot.context, snapshot as Snapshot);
    return {
      changed,
      status: statusOf(snapshot.value),
      done: snapshot.status === 'done',
      context: snapshot.context,
      effects: out,
    };
  };
  /** Runs one transition within the instant-step budget; a loop leaves everything as it was. */
  const bounded = (
    step: () => ScenarioStepResult,
    unchanged: () => { status: string; context: ScenarioContext },
  ): ScenarioStepResult => {
    instantStepBudget.left = MAX_INSTANT_STEPS;
    try {
      return step();
    } catch (error) {
      if (!(error instanceof InstantLoopError)) throw error;
      effects = [];
      return { changed: false, done: false, effects: [], loop: error.step, ...unchanged() };
    } finally {
      instantStepBudget.left = Number.POSITIVE_INFINITY;
    }
  };
  return {
    initial(input: ScenarioInput): ScenarioStepResult {
      return bounded(
        // the scope's actor computes an initial state too: inside the budget as well
        () => {
          const s = scopeFor(input);
          effects = [];
          return result(machine.getInitialSnapshot(s, input), true);
        },
        () => ({ status: '', context: undefined as unknown as ScenarioContext }),
      );
    },
    next(status: string, context: ScenarioContext, event: ScenarioEvent): ScenarioStepResult {
      // Internal events (a finished parallel step's onDone, BRANCH_DONE) carry no time: step
      // with the event's time already in context so every step entered in this macrostep gets it.
      const now = typeof event.at === 'number' ? event.at : context.now;
      const known = snapshots.get(context);
      const start = { ...context, now, entered: carried(context.entered) };
      const before =
        known && statusOf(known.value) === status
          ? ({ ...known, context: start } as Snapshot)
          : (machine.resolveState({
              value: parseStatus(status),
              context: start,
            } as never) as Snapshot);
      return bounded(
        () => {
          const s = scopeFor({
            trigger: context.trigger ?? '',
            townId: context.townId,
            at: context.startedAt,
          });
          effects = [];
          const after = machine.transition(before, event, s);
          return result(after, after !== before && after.context !== before.context);
        },
        () => ({ status, context }),
      );
    },
  };
}

/**
 * The stepper {@link createScenarioStepper} returns.
 *
 * @example
 * ```ts
 * import type { ScenarioStepper } from '@zhizhi/core/scenario';
 * const start = (s: ScenarioStepper) => s.initial;
 * ```
 */
export type ScenarioStepper = ReturnType<typeof createScenarioStepper>;
