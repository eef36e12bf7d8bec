import type { Member, Org } from '@zhizhi/core';
import type { SimTextKey } from './simText.js';

/** The role switch's groups, in this order, and the roles each gathers. */
const GROUPS: [SimTextKey, readonly string[]][] = [
  ['dutyOfficers', ['dutyOfficer', 'commander']],
  [
    'gridCrew',
    ['gridWorker', 'partTimeGridWorker', 'gridChief', 'gridInstructor', 'communityStaff'],
  ],
  ['posts', ['postStaff', 'sectionLead']],
  ['departments', ['departmentStaff', 'cityOperator']],
  ['residents', ['resident']],
];

/**
 * The org's members for the simulation's role switch, grouped as a command center sees them:
 * duty officers, grid workers, posts, departments, residents, then anyone else (sensors and
 * the system are left out: they act through readings and timers).
 *
 * @example
 * ```ts
 * import { memberGroups } from '@zhizhi/designer';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * memberGroups(sampleOrg)[0]?.members[0]?.id; // 'qj-sj-commander' or a duty officer
 * ```
 */
export function memberGroups(org: Org): { group: SimTextKey; members: Member[] }[] {
  const taken = new Set<string>();
  const out: { group: SimTextKey; members: Member[] }[] = [];
  for (const [group, roles] of GROUPS) {
    const members = org.members.filter((m) => roles.includes(m.role));
    for (const m of members) taken.add(m.id);
    if (members.length > 0) out.push({ group, members });
  }
  const rest = org.members.filter(
    (m) => !taken.has(m.id) && m.role !== 'sensor' && m.role !== 'system',
  );
  if (rest.length > 0) out.push({ group: 'others', members: rest });
  return out;
}
