import { assign, setup } from 'xstate';
import type { DutyLists } from '../duty/dutyListsSchema.js';
import type { Directory } from '../org/Directory.js';
import { applyCaseEvent } from './applyCaseEvent.js';
import { authorizeCaseEvent } from './authorizeCaseEvent.js';
import type { CaseContext } from './caseContext.js';
import type { CaseEvent, CaseEventType } from './caseEventSchemas.js';
import { caseNotifications, type NotificationIntent } from './caseNotifications.js';
import { type CaseRule, caseRules, openCaseRules } from './caseRules.js';
import { type CaseStatus, caseStatuses } from './caseStatus.js';

/**
 * Options of {@link createCaseMachine}: the org directory the guards consult and, optionally,
 * the duty lists that constrain dispatch.
 *
 * @example
 * ```ts
 * import { Directory, type CaseMachineOptions } from '@zhizhi/core';
 * import { sampleOrg, sampleDutyLists } from '@zhizhi/core/sample';
 * const options: CaseMachineOptions = { directory: new Directory(sampleOrg), dutyLists: sampleDutyLists };
 * ```
 */
export interface CaseMachineOptions {
  directory: Directory;
  dutyLists?: DutyLists | undefined;
}

type Edge = { from: CaseStatus; to: CaseStatus };

/**
 * Builds the case machine (XState 5, `setup()`): the life of a case from report to closure as
 * {@link caseRules} describes it. Its input is the initial {@link CaseContext}; it starts in a
 * transient `reported` state and rests in `gridHandling` when the reporter chose to handle the
 * matter on the grid, otherwise in `intake`. Every transition is guarded by
 * {@link authorizeCaseEvent}, so a bare actor of this machine also refuses what the Engine
 * refuses; `notify` actions carry {@link NotificationIntent}s as params for an outbox.
 * The machine has no timers of its own: SLA timers are data owned by the Engine.
 *
 * @example
 * ```ts
 * import { createActor } from 'xstate';
 * import { type CaseContext, createCaseMachine, Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * declare const context: CaseContext; // a new case, from initialCaseContext
 * const machine = createCaseMachine({ directory: new Directory(sampleOrg) });
 * const actor = createActor(machine, { input: context }).start();
 * actor.send({ type: 'ACCEPT', by: 'qj-sj-duty', at: Date.now() });
 * ```
 */
export function createCaseMachine(options: CaseMachineOptions) {
  const { directory, dutyLists } = options;
  const transitionsOf = (status: CaseStatus) => {
    const rules: Partial<Record<CaseEventType, CaseRule>> = { ...caseRules[status] };
    if (status !== 'closed') Object.assign(rules, openCaseRules);
    const on: Record<string, unknown> = {};
    for (const [type, rule] of Object.entries(rules)) {
      const edge: Edge = { from: status, to: rule.to ?? status };
      on[type] = {
        guard: { type: 'allowed', params: { status } },
        ...(rule.to !== null && rule.to !== status ? { target: rule.to } : {}),
        actions: [
          { type: 'apply', params: edge },
          {
            type: 'notify',
            params: ({ context, event }: { context: CaseContext; event: CaseEvent }) => ({
              intents: caseNotifications(directory, edge.from, edge.to, context, event),
            }),
          },
        ],
      };
    }
    return on;
  };
  const opened = (to: CaseStatus, guard?: string) => ({
    ...(guard ? { guard } : {}),
    target: to,
    actions: {
      type: 'notify',
      params: ({ context }: { context: CaseContext }) => ({
        intents: caseNotifications(directory, null, to, context, null),
      }),
    },
  });
  const states: Record<string, unknown> = {
    reported: {
      always: [
        opened('assigned', 'preDispatched'),
        opened('gridHandling', 'handleOnGrid'),
        opened('intake'),
      ],
    },
  };
  for (const status of caseStatuses) {
    states[status] = status === 'closed' ? { type: 'final' } : { on: transitionsOf(status) };
  }

  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
      input: {} as CaseContext,
    },
    guards: {
      handleOnGrid: ({ context }) => context.handleOnGrid,
      preDispatched: ({ context }) => context.lead !== null,
      allowed: ({ context, event }, params: { status: CaseStatus }) =>
        authorizeCaseEvent(directory, dutyLists, params.status, context, event) === null,
    },
    actions: {
      apply: assign(({ context, event }, params: Edge) =>
        applyCaseEvent(directory, context, params.from, params.to, event),
      ),
      notify: (_, _params: { intents: NotificationIntent[] }) => {},
    },
  }).createMachine({
    id: 'case',
    context: ({ input }) => input,
    initial: 'reported',
    // biome-ignore lint/suspicious/noExplicitAny: states are generated from the caseRules table
    states: states as any,
  });
}

/**
 * The type of the machine {@link createCaseMachine} returns.
 *
 * @example
 * ```ts
 * import type { CaseMachine } from '@zhizhi/core';
 * type Snapshot = import('xstate').SnapshotFrom<CaseMachine>;
 * ```
 */
export type CaseMachine = ReturnType<typeof createCaseMachine>;
