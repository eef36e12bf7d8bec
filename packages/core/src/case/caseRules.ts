import { gridCrewRoles, type Role } from '../org/roles.js';
import type { CaseEventType } from './caseEventSchemas.js';
import type { CaseStatus } from './caseStatus.js';

/**
 * Where a sender must stand relative to the case:
 * `grid` — a member of the case's grid; `community` — of its community; `town` — of its town;
 * `lead` — staff of the lead post/department; `coHandler` — staff of a co-handler;
 * `system` — the Engine itself.
 *
 * @example
 * ```ts
 * import type { ActorScope } from '@zhizhi/core';
 * const s: ActorScope = 'lead';
 * ```
 */
export type ActorScope = 'grid' | 'community' | 'town' | 'lead' | 'coHandler' | 'system';

/**
 * One transition rule: where the event leads (`null`: stays) and who may send it.
 *
 * @example
 * ```ts
 * import type { CaseRule } from '@zhizhi/core';
 * const rule: CaseRule = { to: 'closed', allow: [{ roles: ['commander'], scope: 'town' }] };
 * ```
 */
export interface CaseRule {
  to: CaseStatus | null;
  allow: ReadonlyArray<{ roles: readonly Role[]; scope: ActorScope }>;
}

const gridCrew = { roles: gridCrewRoles, scope: 'grid' } as const;
const communityStaff = { roles: ['communityStaff'], scope: 'community' } as const;
const center = { roles: ['dutyOfficer', 'commander'], scope: 'town' } as const;
const lead = { roles: ['postStaff', 'departmentStaff'], scope: 'lead' } as const;
const coHandler = { roles: ['postStaff', 'departmentStaff'], scope: 'coHandler' } as const;
const dutyOfficer = { roles: ['dutyOfficer'], scope: 'town' } as const;
const system = { roles: ['system'], scope: 'system' } as const;

/**
 * The contract of the case machine as data: for each status, the events that leave it, where
 * they lead and who may send them. The machine, the Engine's checks, the plain reducer used as
 * a baseline, the tests and the docs are all derived from this one table.
 *
 * @example
 * ```ts
 * import { caseRules } from '@zhizhi/core';
 * caseRules.intake.ACCEPT?.to; // 'dispatching'
 * ```
 */
export const caseRules: Readonly<
  Record<CaseStatus, Readonly<Partial<Record<CaseEventType, CaseRule>>>>
> = {
  gridHandling: {
    RESOLVE_ON_SITE: { to: 'closed', allow: [gridCrew] },
    ESCALATE: { to: 'communityHandling', allow: [gridCrew] },
  },
  communityHandling: {
    RESOLVE_ON_SITE: { to: 'closed', allow: [communityStaff] },
    ESCALATE: { to: 'intake', allow: [communityStaff] },
  },
  intake: {
    ACCEPT: { to: 'dispatching', allow: [center] },
    REJECT: { to: 'closed', allow: [center] },
    MERGE: { to: 'closed', allow: [center] },
    SLA_OVERDUE: { to: null, allow: [system] },
  },
  dispatching: {
    DISPATCH: { to: 'assigned', allow: [center] },
    SLA_OVERDUE: { to: null, allow: [system] },
  },
  assigned: {
    ACKNOWLEDGE: { to: 'inProgress', allow: [lead] },
    RETURN: { to: 'dispatching', allow: [lead] },
    SLA_OVERDUE: { to: null, allow: [system] },
  },
  inProgress: {
    PROGRESS: { to: null, allow: [lead, coHandler] },
    REQUEST_SUPPORT: { to: null, allow: [lead] },
    RESOLVE: { to: 'verifying', allow: [lead] },
    SLA_OVERDUE: { to: null, allow: [system] },
  },
  verifying: {
    CONFIRM: { to: 'closed', allow: [gridCrew, dutyOfficer] },
    REOPEN: { to: 'inProgress', allow: [gridCrew, dutyOfficer] },
  },
  closed: {},
};

/**
 * Events every open case accepts, whatever its status: the commander cancels; the duty
 * officer or the commander declare an emergency plan (应急预案) and stand down. They do not
 * move the case from its place.
 *
 * @example
 * ```ts
 * import { openCaseRules } from '@zhizhi/core';
 * openCaseRules.CANCEL.to; // 'closed'
 * ```
 */
export const openCaseRules = {
  CANCEL: { to: 'closed', allow: [{ roles: ['commander'], scope: 'town' }] },
  DECLARE_EMERGENCY: { to: null, allow: [center] },
  STAND_DOWN: { to: null, allow: [center] },
} as const satisfies Partial<Record<CaseEventType, CaseRule>>;

/**
 * The rule for an event in a status, if the event may be sent there at all.
 *
 * @example
 * ```ts
 * import { ruleFor } from '@zhizhi/core';
 * ruleFor('assigned', 'RETURN')?.to; // 'dispatching'
 * ruleFor('closed', 'CANCEL'); // undefined
 * ```
 */
export function ruleFor(status: CaseStatus, type: CaseEventType): CaseRule | undefined {
  if (status === 'closed') return undefined;
  return caseRules[status][type] ?? (openCaseRules as Partial<Record<string, CaseRule>>)[type];
}
