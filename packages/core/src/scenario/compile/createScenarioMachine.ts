import { assign, raise, setup } from 'xstate';
import type { ExprNode } from '../../expr/ExprNode.js';
import { evaluateExpression } from '../../expr/evaluateExpression.js';
import { FIELD_ID_PATTERN } from '../../expr/fieldName.js';
import { parseDuration } from '../../sla/parseDuration.js';
import type { ScenarioContext, ScenarioEvent, ScenarioInput } from '../run/scenarioContext.js';
import { parseMachineJson } from './parseMachineJson.js';

/** Copies only own, well-named keys (optionally only the listed ones) of event data. */
function pick(data: unknown, fields?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const [k, v] of Object.entries(data)) {
    if (FIELD_ID_PATTERN.test(k) && (!fields || fields.includes(k))) out[k] = v;
  }
  return out;
}

const timeOf = (event: { at?: unknown }, context: ScenarioContext) =>
  typeof event.at === 'number' ? event.at : context.now;

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

const implementations = setup({
  types: {
    context: {} as ScenarioContext,
    events: {} as ScenarioEvent,
    input: {} as ScenarioInput,
  },
  guards: {
    'zz.trigger': ({ context }, p: { trigger: string }) => context.trigger === p.trigger,
    'zz.stepIs': ({ event }, p: { step: string }) => 'step' in event && event.step === p.step,
    'zz.outcome': ({ event }, p: { step: string; outcome: string }) =>
      event.type === 'TASK_COMPLETE' && event.step === p.step && event.outcome === p.outcome,
    'zz.when': ({ context }, p: { expr: ExprNode }) => {
      const result = evaluateExpression(p.expr, context.data, { now: context.now });
      return result.ok && result.value === true;
    },
    'zz.named': ({ event }, p: { name: string }) => 'name' in event && event.name === p.name,
    'zz.covered': ({ context }, p: { step: string; coverage: number }) => {
      const c = Object.hasOwn(context.campaigns, p.step) ? context.campaigns[p.step] : undefined;
      return !!c && c.total > 0 && c.done.length / c.total >= p.coverage;
    },
  },
  actions: {
    'zz.enter': assign(({ context, event }, p: { step: string }) => {
      if (--instantStepBudget.left < 0) throw new InstantLoopError(p.step);
      const now = timeOf(event, context);
      return { now, entered: { ...context.entered, [p.step]: now } };
    }),
    'zz.startTimer': assign(({ context }, p: { step: string; within: string }) => ({
      timers: { ...context.timers, [p.step]: context.now + parseDuration(p.within) },
    })),
    'zz.cancelTimer': assign(({ context }, p: { step: string }) => ({
      timers: without(context.timers, p.step),
    })),
    'zz.record': assign(({ context, event }, p: { step: string; fields: string[] }) => ({
      data: { ...context.data, ...pick('data' in event ? event.data : undefined, p.fields) },
    })),
    'zz.recordSignal': assign(({ context, event }) => ({
      data: { ...context.data, ...pick('data' in event ? event.data : undefined) },
    })),
    'zz.campaign': assign(({ context }, p: { step: string; list: string }) => ({
      campaigns: {
        ...context.campaigns,
        [p.step]: {
          total: Object.hasOwn(context.lists, p.list) ? (context.lists[p.list]?.length ?? 0) : 0,
          // re-entering a campaign (a reminder loop) keeps the check-ins already made
          done: Object.hasOwn(context.campaigns, p.step)
            ? (context.campaigns[p.step]?.done ?? [])
            : [],
        },
      },
    })),
    'zz.checkIn': assign(({ context, event }, p: { step: string; fields: string[] }) => {
      if (event.type !== 'CHECK_IN') return {};
      const c = Object.hasOwn(context.campaigns, p.step) ? context.campaigns[p.step] : undefined;
      if (!c || c.done.includes(event.target)) return {};
      return {
        campaigns: {
          ...context.campaigns,
          [p.step]: { total: c.total, done: [...c.done, event.target] },
        },
      };
    }),
    'zz.branchDone': raise((_, p: { step: string }) => ({
      type: 'BRANCH_DONE' as const,
      step: p.step,
    })),
    'zz.end': assign((_, p: { outcome: string }) => ({ outcome: p.outcome })),
    // Effects the host carries out (outbox, real cases): declared here, executed by the host.
    'zz.notify': () => {},
    'zz.dispatch': () => {},
    'zz.escalate': () => {},
  },
});

/**
 * How many more steps the transition being taken may enter: the stepper sets it to
 * `MAX_INSTANT_STEPS` around each transition (JavaScript runs one transition at a time), so that
 * a loop of instantaneous steps the checker somehow let through stops with an error instead of
 * blocking the process. Infinite outside a stepper.
 *
 * @internal
 */
export const instantStepBudget = { left: Number.POSITIVE_INFINITY };

/**
 * Thrown out of a transition that entered more than `MAX_INSTANT_STEPS` steps.
 *
 * @internal
 */
export class InstantLoopError extends Error {
  constructor(readonly step: string) {
    super(`More than the allowed number of steps entered in one command (last: ${step})`);
    this.name = 'InstantLoopError';
  }
}

/**
 * Turns machine JSON (from {@link compileScenario}, or imported) back into an XState 5 machine.
 * The JSON is checked and rebuilt by {@link parseMachineJson} first; its actions and guards are
 * names whose implementations live here, so nothing in the JSON is ever executed as code.
 * Timers are data: `zz.startTimer` records the due time in `context.timers`, and the host
 * (the Engine) turns them into durable timer rows and sends `TIMEOUT` when one falls due.
 * Throws a `TypeError` listing the diagnostics if the JSON is refused.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { compileScenario, createScenarioMachine, type Scenario } from '@zhizhi/core/scenario';
 * declare const doc: Scenario; // a validated document
 * const machine = createScenarioMachine(compileScenario(doc));
 * createActor(machine, { input: { trigger: 'band', townId: 'qj-sj', at: Date.now() } }).start();
 * ```
 */
export function createScenarioMachine(json: unknown) {
  const checked = parseMachineJson(json);
  if (!checked.ok) {
    throw new TypeError(
      `Invalid machine JSON: ${checked.diagnostics.map((d) => `${d.path.join('.')} ${d.code} ${d.message.en}`).join('; ')}`,
    );
  }
  const machine = checked.value;
  return implementations.createMachine({
    id: machine.id,
    initial: machine.initial,
    context: ({ input }) => ({
      trigger: input.trigger,
      townId: input.townId,
      gridId: input.gridId ?? null,
      data: pick(input.data),
      lists: input.lists ?? {},
      campaigns: {},
      timers: {},
      entered: {},
      cases: {},
      outcome: null,
      alertId: input.alertId ?? null,
      startedAt: input.at,
      now: input.at,
    }),
    // biome-ignore lint/suspicious/noExplicitAny: checked and rebuilt machine JSON
    states: machine.states as any,
  });
}

/**
 * The type of a machine {@link createScenarioMachine} returns.
 *
 * @example
 * ```ts
 * import type { ScenarioMachine } from '@zhizhi/core/scenario';
 * type Snap = import('xstate').SnapshotFrom<ScenarioMachine>;
 * ```
 */
export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
