import type { Directory } from '../org/Directory.js';
import type { SectionId } from '../org/roles.js';
import type { CaseContext } from './caseContext.js';
import type { CaseEvent, CaseEventType } from './caseEventSchemas.js';
import type { CaseStatus } from './caseStatus.js';

/**
 * Who an outbound notification goes to. A server resolves these to people and channels when
 * it delivers the outbox: a post or department (its staff), a town's command center, a
 * district's city-operations center, a town's section lead or commander, a community's or a
 * grid's staff, or one member.
 *
 * @example
 * ```ts
 * import type { Recipient } from '@zhizhi/core';
 * const r: Recipient = { kind: 'sectionLead', id: 'qj-sj', section: 'safetyRuleOfLaw' };
 * ```
 */
export type Recipient =
  | { kind: 'post' | 'department' | 'member' | 'grid' | 'community'; id: string }
  | { kind: 'commandCenter' | 'commander'; id: string }
  | { kind: 'cityOperationsCenter'; id: string }
  | { kind: 'sectionLead'; id: string; section: SectionId };

/**
 * What the case machine asks to be told to whom on a transition (the `notify` action's params).
 *
 * @example
 * ```ts
 * import type { NotificationIntent } from '@zhizhi/core';
 * const n: NotificationIntent = { topic: 'DISPATCH', to: [{ kind: 'post', id: 'qj-sj-xfgl' }] };
 * ```
 */
export interface NotificationIntent {
  topic: CaseEventType | 'REPORT';
  to: Recipient[];
}

/**
 * The notifications a transition produces, computed from the context after it:
 * a case entering intake goes to the command center; a dispatch to the lead and co-handlers
 * (and, in an emergency, to the city-operations center); a return to the command center; a
 * support request to its targets; a resolution to the grid for verification; a reopening to
 * the lead; an emergency to the commander and the city-operations center; supervision (督办)
 * to the section lead at level 1 and the commander at level 2, with the lead told both times.
 *
 * @example
 * ```ts
 * import { caseNotifications } from '@zhizhi/core';
 * // caseNotifications(directory, 'dispatching', 'assigned', ctxAfter, dispatchEvent)
 * // → [{ topic: 'DISPATCH', to: [{ kind: 'post', id: 'qj-sj-xfgl' }, …] }]
 * ```
 */
export function caseNotifications(
  directory: Directory,
  from: CaseStatus | null,
  to: CaseStatus,
  ctx: CaseContext,
  event: CaseEvent | null,
): NotificationIntent[] {
  const center: Recipient = { kind: 'commandCenter', id: ctx.townId };
  const commander: Recipient = { kind: 'commander', id: ctx.townId };
  // Looked up only for the two events that notify the city-operations center.
  const opsCenter = (): Recipient[] => {
    const ops = directory.cityOperationsCenter(ctx.districtId);
    return ops ? [{ kind: 'cityOperationsCenter', id: ops.id }] : [];
  };
  const lead: Recipient[] = ctx.lead ? [ctx.lead] : [];
  // the reporter hears how it ended, unless a scenario opened the case (reporting as the system)
  const reporter: Recipient[] =
    ctx.reporterRole === 'system' ? [] : [{ kind: 'member', id: ctx.reporterId }];
  if (event === null) {
    const first: Recipient[] =
      to === 'intake'
        ? [center]
        : to === 'assigned'
          ? [...lead, ...ctx.coHandlers]
          : [{ kind: 'grid', id: ctx.gridId }];
    return [{ topic: 'REPORT', to: first }];
  }
  const topic = event.type;
  const one = (...recipients: Recipient[]) =>
    recipients.length > 0 ? [{ topic, to: recipients }] : [];
  switch (event.type) {
    case 'ESCALATE':
      return to === 'intake' ? one(center) : one({ kind: 'community', id: ctx.communityId });
    case 'DISPATCH':
      return one(...lead, ...ctx.coHandlers, ...(ctx.emergency ? opsCenter() : []));
    case 'RETURN':
      return one(center);
    case 'REQUEST_SUPPORT':
      return one(...event.targets);
    case 'RESOLVE':
      return one({ kind: 'grid', id: ctx.gridId }, center);
    case 'REOPEN':
      return one(...lead);
    case 'DECLARE_EMERGENCY':
    case 'STAND_DOWN':
      return one(commander, ...opsCenter());
    case 'CANCEL':
    case 'REJECT':
    case 'MERGE':
      return one(...reporter);
    case 'SLA_OVERDUE': {
      const supervisor: Recipient =
        event.level === 1 && ctx.section
          ? { kind: 'sectionLead', id: ctx.townId, section: ctx.section }
          : commander;
      return one(supervisor, ...(event.clock === 'accept' ? [center] : lead));
    }
    default:
      return from !== to && to === 'closed' ? one(...reporter) : [];
  }
}
