/**
 * Every status a case can rest in, in lifecycle order. `closed` is final.
 *
 * @example
 * ```ts
 * import { caseStatuses } from '@zhizhi/core';
 * caseStatuses.at(-1); // 'closed'
 * ```
 */
export const caseStatuses = [
  'gridHandling',
  'communityHandling',
  'intake',
  'dispatching',
  'assigned',
  'inProgress',
  'verifying',
  'closed',
] as const;

/**
 * A case's status (the state of the case machine).
 *
 * @example
 * ```ts
 * import type { CaseStatus } from '@zhizhi/core';
 * const s: CaseStatus = 'intake';
 * ```
 */
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * How a closed case ended.
 *
 * @example
 * ```ts
 * import { outcomes } from '@zhizhi/core';
 * outcomes.includes('merged'); // true
 * ```
 */
export const outcomes = ['resolved', 'resolvedOnSite', 'invalid', 'merged', 'cancelled'] as const;

/**
 * The outcome of a closed case.
 *
 * @example
 * ```ts
 * import type { Outcome } from '@zhizhi/core';
 * const o: Outcome = 'resolvedOnSite';
 * ```
 */
export type Outcome = (typeof outcomes)[number];

/**
 * The three SLA clocks: accept (接件 and 派单), acknowledge (签收) and resolve (办结).
 *
 * @example
 * ```ts
 * import { slaClocks } from '@zhizhi/core';
 * slaClocks; // ['accept', 'acknowledge', 'resolve']
 * ```
 */
export const slaClocks = ['accept', 'acknowledge', 'resolve'] as const;

/**
 * One SLA clock.
 *
 * @example
 * ```ts
 * import type { SlaClock } from '@zhizhi/core';
 * const c: SlaClock = 'acknowledge';
 * ```
 */
export type SlaClock = (typeof slaClocks)[number];

/**
 * Which SLA clock runs while a case rests in a status (none in the others).
 *
 * @example
 * ```ts
 * import { clockOfStatus } from '@zhizhi/core';
 * clockOfStatus.assigned; // 'acknowledge'
 * ```
 */
export const clockOfStatus: Readonly<Partial<Record<CaseStatus, SlaClock>>> = {
  intake: 'accept',
  dispatching: 'accept',
  assigned: 'acknowledge',
  inProgress: 'resolve',
};

/**
 * Severity of a case, chosen by the reporter or the duty officer; SLA deadlines depend on it.
 *
 * @example
 * ```ts
 * import { severities } from '@zhizhi/core';
 * severities[2]; // 'high'
 * ```
 */
export const severities = ['low', 'medium', 'high'] as const;

/**
 * A case's severity.
 *
 * @example
 * ```ts
 * import type { Severity } from '@zhizhi/core';
 * const s: Severity = 'medium';
 * ```
 */
export type Severity = (typeof severities)[number];
