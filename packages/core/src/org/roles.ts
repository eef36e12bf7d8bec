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
