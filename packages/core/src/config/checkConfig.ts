import { zodIssueError } from '../case/admitCaseCommand.js';
import { dutyListsSchema } from '../duty/dutyListsSchema.js';
import { orgSchema } from '../org/orgSchema.js';
import { slaPolicySchema } from '../sla/slaPolicySchema.js';

/**
 * Checks an Engine's configuration documents before it is built — the org, the SLA policy and
 * the routing duty lists, often loaded from JSON files — and returns one problem per line
 * (`path: rule`), empty when all is well. It also refuses a category on both the statutory and
 * the department-led list (no lead could ever take it). The Engine itself trusts its options,
 * so that browser bundles do not carry these checks.
 *
 * @example
 * ```ts
 * import { checkConfig } from '@zhizhi/core/config';
 * import { sampleOrg, sampleSlaPolicy, sampleDutyLists } from '@zhizhi/core/sample';
 * checkConfig({ org: sampleOrg, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists }); // []
 * checkConfig({ slaPolicy: { defaults: { accept: '30 minutes' } } }).length > 0; // true
 * ```
 */
export function checkConfig(config: {
  org?: unknown;
  slaPolicy?: unknown;
  dutyLists?: unknown;
}): string[] {
  const problems: string[] = [];
  const checks = [
    ['org', config.org === undefined ? undefined : orgSchema.safeParse(config.org)],
    [
      'slaPolicy',
      config.slaPolicy === undefined ? undefined : slaPolicySchema.safeParse(config.slaPolicy),
    ],
    [
      'dutyLists',
      config.dutyLists === undefined ? undefined : dutyListsSchema.safeParse(config.dutyLists),
    ],
  ] as const;
  for (const [name, result] of checks) {
    if (result && !result.success) {
      const e = zodIssueError(result.error);
      problems.push(`${name}.${e.params.path}: ${e.params.rule}`);
    }
  }
  const lists = dutyListsSchema.safeParse(config.dutyLists);
  if (lists.success) {
    const led = new Set(lists.data.departmentLed.map((d) => d.category));
    for (const [i, s] of lists.data.statutory.entries()) {
      if (led.has(s.category)) {
        problems.push(`dutyLists.statutory.${i}.category: ${s.category} is also department-led`);
      }
    }
  }
  return problems;
}
