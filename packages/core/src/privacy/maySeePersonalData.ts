import type { InstanceRecord } from '../engine/caseRecord.js';
import type { Directory } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';

/** Roles that answer for a town's cases and instances around the clock. */
const TOWN_DUTY_ROLES: readonly string[] = ['dutyOfficer', 'commander'];

/**
 * Whether a member may see the personal data of a case or a scenario instance in clear (the
 * reporter's phone, ID number and name; the fields a scenario marks `pii`), that is, may
 * unmask it. The rule (need to know):
 *
 * - the **reporter** of a case, for their own contact details;
 * - the **duty officers and commanders of the record's town** (its command center, which
 *   calls reporters back and answers for every case and instance of the town);
 * - for a case still open, the **staff of the post or department handling it** (its lead and
 *   co-handlers), who may need to call the reporter. Once the case is closed they no longer may.
 *
 * Nobody else: not grid workers other than the reporter, not section leads, not district or
 * city staff outside those posts and departments, not sensors. A scenario instance has no
 * reporter or handling post: only its town's duty officers and commanders.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { maySeePersonalData } from '@zhizhi/core/privacy';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const org = new Directory(sampleOrg);
 * // maySeePersonalData(org.member('qj-sj-duty')!, record, org) → true for a case of qj-sj
 * ```
 */
export function maySeePersonalData(
  viewer: Member,
  record: InstanceRecord,
  directory: Directory,
): boolean {
  if (TOWN_DUTY_ROLES.includes(viewer.role) && directory.townOfMember(viewer) === record.townId)
    return true;
  if (record.kind !== 'case') return false;
  const c = record.context;
  if (c.reporterId === viewer.id) return true;
  if (record.status === 'closed') return false;
  return [...(c.lead ? [c.lead] : []), ...c.coHandlers].some((t) =>
    t.kind === 'post' ? viewer.postId === t.id : viewer.departmentId === t.id,
  );
}
