import type { Directory, Lang, Member, Org } from '@zhizhi/core';
import { pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';

/**
 * The members a town's console may act as: everyone of the town and the district's
 * department staff, but not sensors or the system member.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { townMembers } from './townMembers.js';
 * townMembers(sampleOrg, new Directory(sampleOrg), 'qj-sj').some((m) => m.id === 'qj-sj-duty'); // true
 * ```
 */
export function townMembers(org: Org, directory: Directory, townId: string): Member[] {
  const district = directory.ancestorAt(townId, 'district')?.id;
  return org.members.filter((m) => {
    if (m.role === 'sensor' || m.role === 'system') return false;
    if (m.departmentId !== undefined)
      return directory.department(m.departmentId)?.districtId === district;
    return directory.townOfMember(m) === townId;
  });
}

/**
 * A member as the console shows them: the name, then the post, department or role.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { memberName } from './townMembers.js';
 * memberName(new Directory(sampleOrg), 'qj-sj-duty', 'en'); // '黄杰 · Duty officer'
 * ```
 */
export function memberName(directory: Directory, id: string, lang: Lang): string {
  const m = directory.member(id);
  if (!m) return id;
  const post = m.postId ? directory.post(m.postId) : undefined;
  const dept = m.departmentId ? directory.department(m.departmentId) : undefined;
  const place = post
    ? pickText(post.name, lang)
    : dept
      ? pickText(dept.name, lang)
      : label('role', m.role, lang);
  return `${m.name} · ${place}`;
}
