import type { CaseContext } from '../case/caseContext.js';
import { type CaseStatus, clockOfStatus, type SlaClock } from '../case/caseStatus.js';
import { parseDuration } from './parseDuration.js';
import { type SlaPolicy, slaDeadline } from './slaPolicy.js';

/**
 * A durable SLA timer row: when it is due, the Engine sends `SLA_OVERDUE {clock, level}` to
 * the case as the system. Timers are data with absolute due times, so they survive restarts and
 * fire once (claimed in the store), unlike XState `after` delays.
 *
 * @example
 * ```ts
 * import type { SlaTimer } from '@zhizhi/core';
 * const t: SlaTimer = { id: 'c1:acknowledge:1', caseId: 'c1', townId: 'qj-sj', clock: 'acknowledge', level: 1, dueAt: 0 };
 * ```
 */
export interface SlaTimer {
  id: string;
  caseId: string;
  townId: string;
  clock: SlaClock;
  level: 1 | 2;
  dueAt: number;
}

/**
 * When the running clock's deadline falls (level-1 supervision), or `null` when no clock runs.
 * Accept and acknowledge count from entering the status; resolve from the dispatch (or the
 * dispatch's own `dueAt`), and after a reopening from the reopening.
 *
 * @example
 * ```ts
 * import { slaDueAt } from '@zhizhi/core';
 * // slaDueAt(policy, 'assigned', ctx) === ctx.enteredAt + acknowledge deadline
 * ```
 */
export function slaDueAt(policy: SlaPolicy, status: CaseStatus, ctx: CaseContext): number | null {
  const clock = clockOfStatus[status];
  if (!clock) return null;
  const fromEntering = clock !== 'resolve' || ctx.reopens > 0;
  if (!fromEntering && ctx.dueAt !== null) return ctx.dueAt;
  const from = fromEntering ? ctx.enteredAt : (ctx.dispatchedAt ?? ctx.enteredAt);
  return from + slaDeadline(policy, ctx.category, ctx.severity, clock);
}

/**
 * The one timer a case needs now: the next supervision level of its running clock (level 1
 * at the deadline, level 2 `escalateAfter` later), or `null` if no clock runs or both levels
 * have fired. `base` is the deadline {@link slaDueAt} gives, for a caller that has it already.
 *
 * @example
 * ```ts
 * import { nextSlaTimer } from '@zhizhi/core';
 * // nextSlaTimer(policy, 'intake', ctx)?.clock === 'accept'
 * ```
 */
export function nextSlaTimer(
  policy: SlaPolicy,
  status: CaseStatus,
  ctx: CaseContext,
  base: number | null = slaDueAt(policy, status, ctx),
): SlaTimer | null {
  const clock = clockOfStatus[status];
  if (!clock || base === null) return null;
  const reached = ctx.supervision?.clock === clock ? ctx.supervision.level : 0;
  if (reached >= 2) return null;
  const level = (reached + 1) as 1 | 2;
  const dueAt = level === 1 ? base : base + parseDuration(policy.escalateAfter);
  return {
    id: [ctx.id, clock, level, base].join(':'), // flat, not a rope of 7 pieces
    caseId: ctx.id,
    townId: ctx.townId,
    clock,
    level,
    dueAt,
  };
}
