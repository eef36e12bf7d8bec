import type { LocalizedText } from '@zhizhi/core';

/**
 * A post or department a case may be dispatched to, with its name for the board's menu.
 *
 * @example
 * ```ts
 * import type { DispatchTargetOption } from '@zhizhi/widgets';
 * const t: DispatchTargetOption = { kind: 'post', id: 'qj-sj-czjs', name: { zh: '村镇建设岗', en: 'Village/town construction post' } };
 * ```
 */
export interface DispatchTargetOption {
  kind: 'post' | 'department';
  id: string;
  name?: LocalizedText;
}

/** The parts of an org document (`sampleOrg`, or `GET /api/org`) the targets come from. */
interface OrgLike {
  units: readonly { id: string; level: string; parentId?: string | null }[];
  posts: readonly { id: string; townId?: string; name?: LocalizedText }[];
  departments: readonly { id: string; districtId?: string; kind?: string; name?: LocalizedText }[];
}

/**
 * The dispatch targets of a town: its posts, then the departments of its district (what
 * `zz-dispatch-board` offers). The duty lists still decide, at dispatch, which of them may
 * lead a given case; the board shows their reason when one is refused.
 *
 * @example
 * ```ts
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { dispatchTargetsOf } from '@zhizhi/widgets';
 * board.targets = dispatchTargetsOf(sampleOrg, 'qj-sj');
 * // or: dispatchTargetsOf(await (await fetch('/api/org', { headers })).json(), 'qj-sj')
 * ```
 */
export function dispatchTargetsOf(org: OrgLike, townId: string): DispatchTargetOption[] {
  const town = org.units.find((u) => u.id === townId);
  const districtId = town?.parentId ?? undefined;
  const withName = <T extends { name?: LocalizedText }>(x: T) => (x.name ? { name: x.name } : {});
  return [
    ...org.posts
      .filter((p) => p.townId === townId)
      .map((p) => ({ kind: 'post' as const, id: p.id, ...withName(p) })),
    ...org.departments
      .filter(
        (d) => d.kind === 'department' && districtId !== undefined && d.districtId === districtId,
      )
      .map((d) => ({ kind: 'department' as const, id: d.id, ...withName(d) })),
  ];
}
