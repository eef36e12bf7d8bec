import type { AnyActorScope } from 'xstate';
import { createInertScope } from '../../case/createInertScope.js';
import type { ScenarioMachine } from '../compile/createScenarioMachine.js';
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
  status: string;
  done: boolean;
  context: ScenarioContext;
  effects: ScenarioEffect[];
}

const EFFECTS = new Set(['zz.notify', 'zz.dispatch', 'zz.escalate']);

/**
 * Steps a scenario machine without a live actor, like the case stepper: one inert actor scope
 * per machine, reused; the state is a stored status string and a context.
 *
 * @example
 * ```ts
 * import { createScenarioStepper } from '@zhizhi/core/scenario';
 * // const stepper = createScenarioStepper(machine);
 * // const first = stepper.initial({ trigger: 'band', townId: 'qj-sj', at: now });
 * // stepper.next(first.status, first.context, { type: 'TIMEOUT', step: 'call', by: 'system', at: later });
 * ```
 */
export function createScenarioStepper(machine: ScenarioMachine) {
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
  const result = (
    snapshot: { value: unknown; context: ScenarioContext; status: string },
    changed: boolean,
  ): ScenarioStepResult => {
    const out = effects;
    effects = [];
    return {
      changed,
      status: statusOf(snapshot.value),
      done: snapshot.status === 'done',
      context: snapshot.context,
      effects: out,
    };
  };
  return {
    initial(input: ScenarioInput): ScenarioStepResult {
      const s = scopeFor(input);
      effects = [];
      return result(machine.getInitialSnapshot(s, input), true);
    },
    next(status: string, context: ScenarioContext, event: ScenarioEvent): ScenarioStepResult {
      const s = scopeFor({
        trigger: context.trigger ?? '',
        townId: context.townId,
        at: context.startedAt,
      });
      effects = [];
      // Internal events (a finished parallel step's onDone, BRANCH_DONE) carry no time: step
      // with the event's time already in context so every step entered in this macrostep gets it.
      const now = typeof event.at === 'number' ? event.at : context.now;
      const before = machine.resolveState({
        value: parseStatus(status),
        context: { ...context, now },
      } as never);
      const after = machine.transition(before, event, s);
      return result(after, after !== before && after.context !== before.context);
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
