import type { CaseContext } from '../case/caseContext.js';
import type { SlaClock, severities } from '../case/caseStatus.js';
import { parseDuration } from './parseDuration.js';
import type { SlaPolicy } from './slaPolicySchema.js';

export type { SlaPolicy };

/**
 * The deadline of one clock for a case, in milliseconds from the moment the clock starts.
 *
 * @example
 * ```ts
 * import { slaDeadline } from '@zhizhi/core';
 * import { sampleSlaPolicy } from '@zhizhi/core/sample';
 * slaDeadline(sampleSlaPolicy, 'schoolSafety', 'high', 'accept');
 * ```
 */
export function slaDeadline(
  policy: SlaPolicy,
  category: string,
  severity: (typeof severities)[number],
  clock: SlaClock,
): number {
  const byCategory = policy.categories.find((c) => c.category === category);
  return parseDuration(byCategory?.[severity]?.[clock] ?? policy.defaults[clock]);
}

/**
 * The section responsible for a category by default (before a post is chosen), if the policy names one.
 *
 * @example
 * ```ts
 * import { sectionOfCategory } from '@zhizhi/core';
 * import { sampleSlaPolicy } from '@zhizhi/core/sample';
 * sectionOfCategory(sampleSlaPolicy, 'electricalFire'); // 'safetyRuleOfLaw'
 * ```
 */
export function sectionOfCategory(policy: SlaPolicy, category: string): CaseContext['section'] {
  return policy.categories.find((c) => c.category === category)?.section ?? null;
}
