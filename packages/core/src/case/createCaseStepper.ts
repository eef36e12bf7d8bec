import type { AnyActorScope, SnapshotFrom } from 'xstate';
import type { CaseContext } from './caseContext.js';
import type { CaseEvent } from './caseEventSchemas.js';
import type { NotificationIntent } from './caseNotifications.js';
import type { CaseStatus } from './caseStatus.js';
import type { CaseMachine } from './createCaseMachine.js';
import { createInertScope } from './createInertScope.js';

/**
 * The result of one pure step of the case machine.
 *
 * @example
 * ```ts
 * import type { CaseStep } from '@zhizhi/core';
 * const moved = (s: CaseStep) => s.changed && s.status === 'closed';
 * ```
 */
export interface CaseStep {
  /** Whether the machine took a transition at all (a refused event leaves everything as it was). */
  changed: boolean;
  status: CaseStatus;
  context: CaseContext;
  notifications: NotificationIntent[];
}

/**
 * Steps the case machine without a live actor: `(status, context, event) → next status,
 * context and notification intents`, via the machine's own pure `transition`. XState's
 * exported `transition()` builds a fresh actor scope on every call (about 4× slower than a
 * live actor here); the stepper builds one inert scope per machine and reuses it, which is
 * what lets the Engine keep cases as plain rows instead of live actors.
 *
 * @example
 * ```ts
 * import { type CaseContext, createCaseMachine, createCaseStepper, Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * declare const context: CaseContext; // a new case, from initialCaseContext
 * declare const at: number;
 * const step = createCaseStepper(createCaseMachine({ directory: new Directory(sampleOrg) }));
 * step.initial(context).status; // 'intake'
 * step.next('intake', context, { type: 'ACCEPT', by: 'qj-sj-duty', at }).status; // 'dispatching'
 * ```
 */
export function createCaseStepper(machine: CaseMachine) {
  let sink: NotificationIntent[] = [];
  let scope: AnyActorScope | undefined;
  const resting = new Map<CaseStatus, SnapshotFrom<CaseMachine>>();
  const scopeFor = (input: CaseContext): AnyActorScope => {
    scope ??= createInertScope(machine, input, (action) => {
      if (action.type === 'notify') {
        sink.push(...(action.params as { intents: NotificationIntent[] }).intents);
      }
    });
    return scope;
  };
  const finish = (snapshot: SnapshotFrom<CaseMachine>, changed: boolean): CaseStep => {
    const notifications = sink;
    sink = [];
    return {
      changed,
      status: snapshot.value as unknown as CaseStatus,
      context: snapshot.context,
      notifications,
    };
  };
  return {
    /** The resting status and context of a new case (after the transient `reported` state). */
    initial(context: CaseContext): CaseStep {
      const s = scopeFor(context);
      sink = [];
      const snapshot = machine.getInitialSnapshot(s, context);
      // XState hands back the initial context in V8 dictionary mode (~1.7 KB more per
      // resident case); a spread copy is a fast object again.
      return finish({ ...snapshot, value: snapshot.value, context: { ...snapshot.context } }, true);
    },
    /** One event: the next status, context and notifications (`changed: false` if refused). */
    next(status: CaseStatus, context: CaseContext, event: CaseEvent): CaseStep {
      const s = scopeFor(context);
      sink = [];
      // The case machine's states are flat and its snapshots immutable: the resolved snapshot of
      // a status differs from one case to the next only by its context, so it is resolved once
      // per status and copied with this case's context (resolveState rebuilt the state-node
      // sets and the state value on every event: ~15% of an Engine.send).
      let resolved = resting.get(status);
      if (!resolved) {
        resolved = machine.resolveState({ value: status, context });
        resting.set(status, resolved);
      }
      const before = resolved.context === context ? resolved : { ...resolved, context };
      const after = machine.transition(before, event, s);
      return finish(after, after !== before && after.context !== before.context);
    },
  };
}

/**
 * The stepper {@link createCaseStepper} returns.
 *
 * @example
 * ```ts
 * import type { CaseStepper } from '@zhizhi/core';
 * const statusAfter = (s: CaseStepper, ctx: import('@zhizhi/core').CaseContext) => s.initial(ctx).status;
 * ```
 */
export type CaseStepper = ReturnType<typeof createCaseStepper>;
