import type { Directory } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';
import { type SlaPolicy, sectionOfCategory } from '../sla/slaPolicy.js';
import type { CaseContext, OpenedReport } from './caseContext.js';

/**
 * The context a report opens a case with — placed in its grid's community, town and district,
 * its section from the lead post or the category — or `null` if the grid is not a grid of the
 * org. Used by the Engine when a report arrives and by `restoreCase` when it replays a trail.
 *
 * @example
 * ```ts
 * import { Directory, initialCaseContext } from '@zhizhi/core';
 * import { defaultSlaPolicy } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const dir = new Directory(sampleOrg);
 * initialCaseContext(dir, defaultSlaPolicy, { id: 'c1', gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker',
 *   category: 'x', severity: 'low', title: 't' }, dir.member('qj-sj-c1-g1-worker')!, 0)?.townId; // 'qj-sj'
 * ```
 */
export function initialCaseContext(
  directory: Directory,
  policy: SlaPolicy,
  report: OpenedReport & { id: string },
  reporter: Member,
  now: number,
): CaseContext | null {
  const chain = directory.escalationChain(report.gridId);
  const [grid, community, town, district] = chain;
  if (grid?.level !== 'grid' || !community || !town || !district) return null;
  const post = report.lead?.kind === 'post' ? directory.post(report.lead.id) : undefined;
  return {
    id: report.id,
    districtId: district.id,
    townId: town.id,
    communityId: community.id,
    gridId: grid.id,
    category: report.category,
    severity: report.severity,
    title: report.title,
    description: report.description ?? '',
    location: report.location ?? null,
    photos: report.photos ?? [],
    reporterId: reporter.id,
    reporterRole: reporter.role,
    ...(report.reporter ? { reporter: report.reporter } : {}),
    handleOnGrid: report.handleOnGrid ?? false,
    reportedAt: now,
    enteredAt: now,
    updatedAt: now,
    section: post?.section ?? sectionOfCategory(policy, report.category),
    lead: report.lead ?? null,
    coHandlers: report.coHandlers ?? [],
    dispatchedAt: report.lead ? now : null,
    dueAt: null,
    emergency: null,
    supervision: null,
    outcome: null,
    mergedInto: null,
    returns: 0,
    reopens: 0,
    origin: report.origin ?? null,
  };
}
