/**
 * Every role a member of the org can have (names from the "141" model).
 *
 * @example
 * ```ts
 * import { roles } from '@zhizhi/core';
 * roles.includes('dutyOfficer'); // true
 * ```
 */
export const roles = [
  'resident',
  'gridWorker',
  'partTimeGridWorker',
  'gridChief',
  'gridInstructor',
  'communityStaff',
  'dutyOfficer',
  'commander',
  'sectionLead',
  'postStaff',
  'departmentStaff',
  'cityOperator',
  'sensor',
  'system',
] as const;

/**
 * A member's role.
 *
 * @example
 * ```ts
 * import type { Role } from '@zhizhi/core';
 * const role: Role = 'gridWorker';
 * ```
 */
export type Role = (typeof roles)[number];

/**
 * The grid's crew (网格力量): the roles that work one grid and handle matters on it — the grid
 * chief, full-time and part-time grid workers. A member of the crew may report a case to be
 * handled on their own grid (`handleOnGrid`), then resolve it on site or escalate it to the
 * community, and verifies (核查) a resolved case of their grid. This is the only definition:
 * the case rules, the Engine's report check and the scenario runtime all read it.
 *
 * @example
 * ```ts
 * import { gridCrewRoles } from '@zhizhi/core';
 * gridCrewRoles.includes('partTimeGridWorker'); // true
 * ```
 */
export const gridCrewRoles = [
  'gridWorker',
  'partTimeGridWorker',
  'gridChief',
] as const satisfies readonly Role[];

/**
 * The roles whose members belong to one grid: the {@link gridCrewRoles | crew} and the grid
 * instructor (网格指导员), who guides the crew but does not handle cases. A scenario task
 * assigned to one of these roles is done by members of the instance's own grid.
 *
 * @example
 * ```ts
 * import { gridRoles } from '@zhizhi/core';
 * gridRoles.includes('gridInstructor'); // true
 * ```
 */
export const gridRoles = [...gridCrewRoles, 'gridInstructor'] as const satisfies readonly Role[];

/**
 * The four sections (板块) of a town, each led by a town leader and holding several posts.
 *
 * @example
 * ```ts
 * import { sections } from '@zhizhi/core';
 * sections[3]; // 'safetyRuleOfLaw'
 * ```
 */
export const sections = [
  'partyBuilding',
  'economicDevelopment',
  'livelihoodServices',
  'safetyRuleOfLaw',
] as const;

/**
 * One of the four sections of a town.
 *
 * @example
 * ```ts
 * import type { SectionId } from '@zhizhi/core';
 * const s: SectionId = 'economicDevelopment';
 * ```
 */
export type SectionId = (typeof sections)[number];

/**
 * The levels of the org tree, top to bottom: city › district › town (镇街) › community (村/社区) › grid (网格).
 *
 * @example
 * ```ts
 * import { orgLevels } from '@zhizhi/core';
 * orgLevels.indexOf('grid'); // 4
 * ```
 */
export const orgLevels = ['city', 'district', 'town', 'community', 'grid'] as const;

/**
 * A level of the org tree.
 *
 * @example
 * ```ts
 * import type { OrgLevel } from '@zhizhi/core';
 * const level: OrgLevel = 'town';
 * ```
 */
export type OrgLevel = (typeof orgLevels)[number];
