import { authorizeTarget } from '../duty/authorizeTarget.js';
import type { DutyLists } from '../duty/dutyListsSchema.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import type { Directory } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';
import type { CaseContext } from './caseContext.js';
import type { CaseCommand, CaseEventType, DispatchTarget } from './caseEventSchemas.js';
import { type ActorScope, ruleFor } from './caseRules.js';
import type { CaseStatus } from './caseStatus.js';
import { clockOfStatus } from './caseStatus.js';

function inScope(
  directory: Directory,
  member: Member,
  scope: ActorScope,
  ctx: CaseContext,
): boolean {
  switch (scope) {
    case 'grid':
      return member.unitId === ctx.gridId;
    case 'community':
      return member.unitId === ctx.communityId;
    case 'town':
      return directory.townOfMember(member) === ctx.townId;
    case 'lead':
      return ctx.lead !== null && staffs(member, ctx.lead);
    case 'coHandler':
      return ctx.coHandlers.some((t) => staffs(member, t));
    case 'system':
      return member.role === 'system';
  }
}

function staffs(member: Member, target: DispatchTarget): boolean {
  return target.kind === 'post' ? member.postId === target.id : member.departmentId === target.id;
}

/**
 * Decides whether an event may apply to a case now, and if not, why: wrong state, unknown
 * actor, role not allowed, actor outside the case's town or responsibility, a dispatch the
 * duty lists forbid, an emergency already declared… Returns `null` when the event may apply.
 * Payload shape is checked before, by {@link admitCaseCommand}.
 *
 * @example
 * ```ts
 * import { authorizeCaseEvent } from '@zhizhi/core';
 * // const err = authorizeCaseEvent(directory, dutyLists, 'intake', ctx, { type: 'ACCEPT', by: 'someone' });
 * // err?.code === 'actor.roleNotAllowed'
 * ```
 */
export function authorizeCaseEvent(
  directory: Directory,
  dutyLists: DutyLists | undefined,
  status: CaseStatus,
  ctx: CaseContext,
  event: CaseCommand,
): CaseError | null {
  if (status === 'closed') return caseError('case.closed', { caseId: ctx.id });
  const rule = ruleFor(status, event.type);
  if (!rule) return caseError('event.wrongState', { type: event.type, status });
  const member = directory.member(event.by);
  if (!member) return caseError('actor.unknown', { actorId: event.by }, ['by']);
  const refusal = authorizeActor(directory, status, ctx, event.type, member);
  if (refusal) return refusal;
  return checkPayload(directory, dutyLists, status, ctx, event);
}

/**
 * The actor half of {@link authorizeCaseEvent}: may this member send this event type to this
 * case now, by role and by where they stand (grid, community, town, lead, co-handler)?
 * Returns `null` if so, else `event.wrongState`, `actor.roleNotAllowed`, `actor.outsideTown`
 * or `actor.outsideScope`.
 *
 * @example
 * ```ts
 * import { authorizeActor } from '@zhizhi/core';
 * // authorizeActor(directory, 'intake', ctx, 'ACCEPT', directory.member('qj-sj-duty')!) === null
 * ```
 */
export function authorizeActor(
  directory: Directory,
  status: CaseStatus,
  ctx: CaseContext,
  type: CaseEventType,
  member: Member,
): CaseError | null {
  const rule = ruleFor(status, type);
  if (!rule) return caseError('event.wrongState', { type, status });
  const allowed = rule.allow.filter((a) => a.roles.includes(member.role));
  if (allowed.length === 0) {
    return caseError('actor.roleNotAllowed', { role: member.role, type, status }, ['by']);
  }
  if (allowed.some((a) => inScope(directory, member, a.scope, ctx))) return null;
  const districtLevel = allowed.every((a) => a.scope === 'lead' || a.scope === 'coHandler');
  if (!districtLevel && directory.townOfMember(member) !== ctx.townId) {
    return caseError('actor.outsideTown', { actorId: member.id, townId: ctx.townId }, ['by']);
  }
  return caseError(
    'actor.outsideScope',
    { actorId: member.id, scope: allowed.map((a) => a.scope).join('|') },
    ['by'],
  );
}

/**
 * Who may send an event type to a case now: the org's members that {@link authorizeActor} lets
 * through (e.g. the staff of the lead post for `ACKNOWLEDGE`, the grid's crew and the town's
 * duty officers for `CONFIRM`). For task lists and "who should act" displays.
 *
 * @example
 * ```ts
 * import { whoMayAct } from '@zhizhi/core';
 * // whoMayAct(directory, 'assigned', ctx, 'ACKNOWLEDGE').map((m) => m.id) → ['qj-sj-czjs-staff']
 * ```
 */
export function whoMayAct(
  directory: Directory,
  status: CaseStatus,
  ctx: CaseContext,
  type: CaseEventType,
): Member[] {
  return directory.org.members.filter(
    (m) => authorizeActor(directory, status, ctx, type, m) === null,
  );
}

function checkPayload(
  directory: Directory,
  dutyLists: DutyLists | undefined,
  status: CaseStatus,
  ctx: CaseContext,
  event: CaseCommand,
): CaseError | null {
  switch (event.type) {
    case 'DISPATCH': {
      const leadError = authorizeTarget(directory, dutyLists, ctx, event.lead, true, ['lead']);
      if (leadError) return leadError;
      return checkTargets(directory, ctx, event.coHandlers ?? [], 'coHandlers');
    }
    case 'REQUEST_SUPPORT':
      return checkTargets(directory, ctx, event.targets, 'targets');
    case 'MERGE':
      return event.intoCaseId === ctx.id
        ? caseError('case.mergeTarget', { intoCaseId: event.intoCaseId, why: 'self' }, [
            'intoCaseId',
          ])
        : null;
    case 'DECLARE_EMERGENCY':
      return ctx.emergency
        ? caseError('event.notApplicable', { type: event.type, why: 'emergency already declared' })
        : null;
    case 'STAND_DOWN':
      return ctx.emergency
        ? null
        : caseError('event.notApplicable', { type: event.type, why: 'no emergency declared' });
    case 'SLA_OVERDUE': {
      const expected = (ctx.supervision?.clock === event.clock ? ctx.supervision.level : 0) + 1;
      if (clockOfStatus[status] !== event.clock || event.level !== expected) {
        return caseError('event.notApplicable', {
          type: event.type,
          why: `clock ${event.clock} level ${event.level} is not due in ${status}`,
        });
      }
      return null;
    }
    default:
      return null;
  }
}

function checkTargets(
  directory: Directory,
  ctx: CaseContext,
  targets: DispatchTarget[],
  key: string,
): CaseError | null {
  for (const [i, t] of targets.entries()) {
    const err = authorizeTarget(directory, undefined, ctx, t, false, [key, i]);
    if (err) return err;
  }
  return null;
}
