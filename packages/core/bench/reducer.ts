// The same case lifecycle as a plain TypeScript reducer — no XState — built from the same
// pieces the machine uses: `ruleFor` (where an event leads), `authorizeCaseEvent` (the guard),
// `applyCaseEvent` (the assign) and `caseNotifications` (the notify params).

import { applyCaseEvent } from '../src/case/applyCaseEvent.js';
import { authorizeCaseEvent } from '../src/case/authorizeCaseEvent.js';
import type { CaseContext } from '../src/case/caseContext.js';
import type { CaseEvent } from '../src/case/caseEventSchemas.js';
import { caseNotifications } from '../src/case/caseNotifications.js';
import { ruleFor } from '../src/case/caseRules.js';
import type { CaseStatus } from '../src/case/caseStatus.js';
import type { CaseStep } from '../src/case/createCaseStepper.js';
import type { DutyLists } from '../src/duty/dutyListsSchema.js';
import type { CaseError } from '../src/errors/CaseError.js';
import type { Directory } from '../src/org/Directory.js';

export type ReducerStep = (CaseStep & { error: null }) | (CaseStep & { error: CaseError });

export function createCaseReducer(directory: Directory, dutyLists: DutyLists | undefined) {
  return {
    /** The resting status of a new case (the machine's transient `reported` state resolved). */
    initial(context: CaseContext): ReducerStep {
      const status: CaseStatus =
        context.lead !== null ? 'assigned' : context.handleOnGrid ? 'gridHandling' : 'intake';
      return {
        changed: true,
        status,
        context,
        notifications: caseNotifications(directory, null, status, context, null),
        error: null,
      };
    },
    /** One event: authorise, move, update the context, compute the notifications. */
    next(status: CaseStatus, context: CaseContext, event: CaseEvent): ReducerStep {
      const error = authorizeCaseEvent(directory, dutyLists, status, context, event);
      const rule = error ? undefined : ruleFor(status, event.type);
      if (error || !rule) {
        return { changed: false, status, context, notifications: [], error: error as CaseError };
      }
      const to = rule.to ?? status;
      const next = applyCaseEvent(directory, context, status, to, event);
      return {
        changed: true,
        status: to,
        context: next,
        notifications: caseNotifications(directory, status, to, next, event),
        error: null,
      };
    },
  };
}
