import { zodIssueError } from '../case/admitCaseCommand.js';
import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import { dutyListsSchema } from '../duty/dutyListsSchema.js';
import { orgSchema } from '../org/orgSchema.js';
import { slaPolicySchema } from '../sla/slaPolicySchema.js';
import { checkOrgReferences } from './checkOrgReferences.js';
import { configCatalog } from './configCatalog.js';

/**
 * Checks an Engine's configuration documents before it is built — the org, the SLA policy and
 * the routing duty lists, often loaded from JSON files — and returns their diagnostics (path
 * into `{ org, slaPolicy, dutyLists }`, code, zh-CN/English message), empty when all is well:
 * the shape, an org that holds together (`checkOrgReferences`), and no category on both the
 * statutory and the department-led list (no lead could ever take it). The Engine itself trusts
 * its options, so that browser bundles do not carry these checks.
 *
 * @example
 * ```ts
 * import { checkConfig } from '@zhizhi/core/config';
 * import { sampleOrg, sampleSlaPolicy, sampleDutyLists } from '@zhizhi/core/sample';
 * checkConfig({ org: sampleOrg, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists }); // []
 * checkConfig({ slaPolicy: { defaults: { accept: '30 minutes' } } })[0]?.path; // ['slaPolicy', 'defaults', 'accept']
 * ```
 */
export function checkConfig(config: {
  org?: unknown;
  slaPolicy?: unknown;
  dutyLists?: unknown;
}): Diagnostic[] {
  const problems: Diagnostic[] = [];
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
      const path = [name, ...e.path];
      problems.push(
        makeDiagnostic(configCatalog, 'config.invalid', path, { rule: String(e.params.rule) }),
      );
    }
  }
  const org = orgSchema.safeParse(config.org);
  if (org.success) problems.push(...checkOrgReferences(org.data));
  const lists = dutyListsSchema.safeParse(config.dutyLists);
  if (lists.success) {
    const led = new Set(lists.data.departmentLed.map((d) => d.category));
    for (const [i, s] of lists.data.statutory.entries()) {
      if (led.has(s.category)) {
        const path = ['dutyLists', 'statutory', i, 'category'];
        problems.push(
          makeDiagnostic(configCatalog, 'config.bothLists', path, { category: s.category }),
        );
      }
    }
  }
  return problems;
}
