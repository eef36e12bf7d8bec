import type { Directory } from '../org/Directory.js';
import type { CaseContext } from './caseContext.js';
import type { CaseEvent, DispatchTarget } from './caseEventSchemas.js';
import { type CaseStatus, clockOfStatus } from './caseStatus.js';

const sameTarget = (a: DispatchTarget, b: DispatchTarget) => a.kind === b.kind && a.id === b.id;

/**
 * The pure context update of an event already judged applicable: given the status before and
 * after, returns the next context (a new object; the input is not touched). The case machine's
 * `assign` and the Engine's baseline reducer both call it, so they cannot drift apart.
 *
 * @example
 * ```ts
 * import { applyCaseEvent } from '@zhizhi/core';
 * // const next = applyCaseEvent(directory, ctx, 'verifying', 'closed', { type: 'CONFIRM', by: 'w1', at: now });
 * // next.outcome === 'resolved'
 * ```
 */
export function applyCaseEvent(
  directory: Directory,
  ctx: CaseContext,
  from: CaseStatus,
  to: CaseStatus,
  event: CaseEvent,
): CaseContext {
  const next: CaseContext = { ...ctx, updatedAt: event.at };
  // A status change restarts the clock, except intake → dispatching: one accept clock spans both.
  if (to !== from && !(clockOfStatus[to] && clockOfStatus[to] === clockOfStatus[from])) {
    next.enteredAt = event.at;
    next.supervision = null;
  }
  switch (event.type) {
    case 'RESOLVE_ON_SITE':
      next.outcome = 'resolvedOnSite';
      break;
    case 'REJECT':
      next.outcome = 'invalid';
      break;
    case 'MERGE':
      next.outcome = 'merged';
      next.mergedInto = event.intoCaseId;
      break;
    case 'DISPATCH': {
      next.lead = event.lead;
      next.coHandlers = event.coHandlers ?? [];
      next.dispatchedAt = event.at;
      next.dueAt = event.dueAt ?? null;
      const post = event.lead.kind === 'post' ? directory.post(event.lead.id) : undefined;
      if (post) next.section = post.section;
      break;
    }
    case 'RETURN':
      next.returns = ctx.returns + 1;
      next.lead = null;
      next.coHandlers = [];
      next.dispatchedAt = null;
      next.dueAt = null;
      break;
    case 'REQUEST_SUPPORT':
      next.coHandlers = [
        ...ctx.coHandlers,
        ...event.targets.filter(
          (t, i) =>
            !ctx.coHandlers.some((c) => sameTarget(c, t)) &&
            !(ctx.lead && sameTarget(ctx.lead, t)) &&
            event.targets.findIndex((u) => sameTarget(u, t)) === i,
        ),
      ];
      break;
    case 'CONFIRM':
      next.outcome = 'resolved';
      break;
    case 'REOPEN':
      next.reopens = ctx.reopens + 1;
      break;
    case 'CANCEL':
      next.outcome = 'cancelled';
      break;
    case 'DECLARE_EMERGENCY':
      next.emergency = { plan: event.plan, declaredAt: event.at };
      break;
    case 'STAND_DOWN':
      next.emergency = null;
      break;
    case 'SLA_OVERDUE':
      next.supervision = { clock: event.clock, level: event.level };
      break;
  }
  return next;
}
