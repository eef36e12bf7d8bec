/**
 * The most steps a scenario document may have (`scenarioSchema` refuses more).
 *
 * @example
 * ```ts
 * import { MAX_STEPS } from '@zhizhi/core/scenario';
 * MAX_STEPS; // 5000
 * ```
 */
export const MAX_STEPS = 5000;

/**
 * How deep parallel steps may nest: a parallel step inside a branch of a parallel step is at
 * level 2, and so on. `validateScenario` refuses deeper nesting (`scenario.tooDeep`), and
 * `parseMachineJson` refuses machine JSON nested deeper than the compiler emits for this many
 * levels (`machine.tooDeep`), so the two can never disagree.
 *
 * @example
 * ```ts
 * import { MAX_PARALLEL_DEPTH } from '@zhizhi/core/scenario';
 * MAX_PARALLEL_DEPTH; // 8
 * ```
 */
export const MAX_PARALLEL_DEPTH = 8;

/**
 * How many steps one command (a start, a task completion, a signal, a timer…) may enter
 * before the runtime gives up on it: the runtime's second line of defence against a loop of
 * instantaneous steps (`decision`, `notify`, `escalate`, a `campaign` already covered, a
 * `parallel` whose branches finish at once) that never waits. `validateScenario` already
 * refuses every such loop (`scenario.instantLoop`); without one a command enters each step at
 * most once, so a valid document (at most {@link MAX_STEPS} steps) never reaches this limit.
 * A runtime counts the steps entered while applying one command and, past this number, refuses
 * the command without committing anything.
 *
 * @example
 * ```ts
 * import { MAX_INSTANT_STEPS } from '@zhizhi/core/scenario';
 * let entered = 0;
 * const onEnter = () => {
 *   if (++entered > MAX_INSTANT_STEPS) throw new Error('a loop of instantaneous steps');
 * };
 * ```
 */
export const MAX_INSTANT_STEPS = MAX_STEPS;

/**
 * How deep machine JSON may nest states: the root's states are at depth 1, a parallel step's
 * regions one deeper and their steps one deeper again, so `2 × MAX_PARALLEL_DEPTH + 1`.
 *
 * @internal
 * @example
 * ```ts
 * import { MAX_STATE_DEPTH } from './scenarioLimits.js';
 * MAX_STATE_DEPTH; // 17
 * ```
 */
export const MAX_STATE_DEPTH = 2 * MAX_PARALLEL_DEPTH + 1;
