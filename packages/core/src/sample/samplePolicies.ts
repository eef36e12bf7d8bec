import type { DutyLists } from '../duty/dutyListsSchema.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';

/**
 * The sample SLA policy: accept within 30 minutes, acknowledge within an hour, resolve within
 * 3 days by default; electrical-fire warnings in minutes; drainage and road works longer.
 * Supervision climbs to the commander 2 hours after a missed deadline.
 *
 * @example
 * ```ts
 * import { sampleSlaPolicy } from '@zhizhi/core/sample';
 * sampleSlaPolicy.categories.find((c) => c.category === 'electricalFire')?.high?.acknowledge; // 'PT10M'
 * ```
 */
export const sampleSlaPolicy: SlaPolicy = {
  defaults: { accept: 'PT30M', acknowledge: 'PT1H', resolve: 'P3D' },
  escalateAfter: 'PT2H',
  categories: [
    { category: 'riverPollution', section: 'economicDevelopment', medium: { resolve: 'P5D' } },
    { category: 'waterlogging', section: 'economicDevelopment' },
    {
      category: 'roadFacilities',
      section: 'economicDevelopment',
      medium: { resolve: 'P7D' },
      high: { resolve: 'P5D' },
    },
    { category: 'homestayNoise', section: 'safetyRuleOfLaw' },
    { category: 'streetVendors', section: 'safetyRuleOfLaw' },
    {
      category: 'electricalFire',
      section: 'safetyRuleOfLaw',
      high: { accept: 'PT5M', acknowledge: 'PT10M', resolve: 'PT1H' },
    },
  ],
};

/**
 * The sample routing duty lists: river pollution and waterlogging are statutory duties of the
 * economic-development section; homestay noise and electrical fire of safety and rule of law;
 * road facilities (a school crossing's sidewalk) are led by the district city management bureau.
 *
 * @example
 * ```ts
 * import { sampleDutyLists } from '@zhizhi/core/sample';
 * sampleDutyLists.departmentLed[0]?.departmentIds; // ['qj-cgj']
 * ```
 */
export const sampleDutyLists: DutyLists = {
  statutory: [
    { category: 'riverPollution', section: 'economicDevelopment' },
    { category: 'waterlogging', section: 'economicDevelopment' },
    { category: 'homestayNoise', section: 'safetyRuleOfLaw' },
    { category: 'electricalFire', section: 'safetyRuleOfLaw' },
  ],
  departmentLed: [{ category: 'roadFacilities', departmentIds: ['qj-cgj'] }],
};
