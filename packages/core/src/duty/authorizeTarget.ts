import type { CaseContext } from '../case/caseContext.js';
import type { DispatchTarget } from '../case/caseEventSchemas.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import type { Directory } from '../org/Directory.js';
import type { DutyLists } from './dutyListsSchema.js';

/**
 * Checks that a dispatch target exists and may take this case: a post must be of the case's
 * town, a department of its district, and the duty lists must allow it. Returns `null` when
 * the target is fine.
 *
 * @example
 * ```ts
 * import { authorizeTarget, Directory } from '@zhizhi/core';
 * import { sampleOrg, sampleDutyLists } from '@zhizhi/core/sample';
 * // ctx: a CaseContext of a case in town qj-sj
 * // authorizeTarget(new Directory(sampleOrg), sampleDutyLists, ctx, { kind: 'post', id: 'qj-sj-xfgl' }, true);
 * ```
 */
export function authorizeTarget(
  directory: Directory,
  dutyLists: DutyLists | undefined,
  ctx: CaseContext,
  target: DispatchTarget,
  asLead: boolean,
  path: (string | number)[] = [],
): CaseError | null {
  const ref = `${target.kind}:${target.id}`;
  if (target.kind === 'post') {
    const post = directory.post(target.id);
    if (!post) return caseError('routing.unknownTarget', { target: ref }, path);
    if (post.townId !== ctx.townId) return caseError('routing.outsideTown', { target: ref }, path);
  } else {
    const dept = directory.department(target.id);
    if (dept?.kind !== 'department')
      return caseError('routing.unknownTarget', { target: ref }, path);
    if (dept.districtId !== ctx.districtId)
      return caseError('routing.outsideTown', { target: ref }, path);
  }
  if (!asLead || !dutyLists) return null;
  const led = dutyLists.departmentLed.find((d) => d.category === ctx.category);
  if (led && (target.kind !== 'department' || !led.departmentIds.includes(target.id))) {
    return caseError(
      'routing.departmentLed',
      { category: ctx.category, departments: led.departmentIds.join(', ') },
      path,
    );
  }
  const statutory = dutyLists.statutory.find((d) => d.category === ctx.category);
  if (statutory) {
    const post = target.kind === 'post' ? directory.post(target.id) : undefined;
    if (!post || post.section !== statutory.section) {
      return caseError(
        'routing.statutory',
        { category: ctx.category, section: statutory.section },
        path,
      );
    }
  }
  return null;
}
