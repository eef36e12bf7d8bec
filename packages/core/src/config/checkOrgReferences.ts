import { type Diagnostic, makeDiagnostic } from '../diagnostics/Diagnostic.js';
import type { Org, OrgUnit } from '../org/orgSchema.js';
import { configCatalog } from './configCatalog.js';

const ABOVE: Record<OrgUnit['level'], OrgUnit['level'] | null> = {
  city: null,
  district: 'city',
  town: 'district',
  community: 'town',
  grid: 'community',
};

/**
 * Checks that an org (already of the right shape) holds together: every id is defined once;
 * every unit hangs under a unit of the level above it (a city or district may be a root); posts
 * belong to a town and departments to a district; members stand in a unit that exists, post staff
 * at a post of their town, department staff and city operators in a department (or the
 * city-operations center) of their district, and section leads lead a section.
 *
 * @example
 * ```ts
 * import { checkOrgReferences } from '@zhizhi/core/config';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * checkOrgReferences(sampleOrg); // []
 * ```
 */
export function checkOrgReferences(org: Org): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = (
    code: keyof typeof configCatalog,
    path: (string | number)[],
    params: Record<string, string | number>,
  ) => out.push(makeDiagnostic(configCatalog, code, ['org', ...path], params));
  const seen = new Set<string>();
  const lists = [
    ['units', org.units],
    ['posts', org.posts],
    ['departments', org.departments],
    ['members', org.members],
  ] as const;
  for (const [name, list] of lists) {
    for (const [i, x] of list.entries()) {
      if (seen.has(x.id)) d('config.duplicateId', [name, i, 'id'], { id: x.id });
      seen.add(x.id);
    }
  }
  const units = new Map(org.units.map((u) => [u.id, u]));
  const posts = new Map(org.posts.map((p) => [p.id, p]));
  const departments = new Map(org.departments.map((x) => [x.id, x]));
  const level = (path: (string | number)[], id: string, expected: OrgUnit['level']) => {
    const u = units.get(id);
    if (!u) d('config.unknownRef', path, { what: 'unit', id });
    else if (u.level !== expected) d('config.wrongLevel', path, { id, expected, actual: u.level });
  };
  for (const [i, u] of org.units.entries()) {
    const above = ABOVE[u.level];
    if (u.parentId === null) {
      if (u.level !== 'city' && u.level !== 'district')
        d('config.unknownRef', ['units', i, 'parentId'], { what: 'parent unit', id: 'null' });
    } else if (above) level(['units', i, 'parentId'], u.parentId, above);
    else
      d('config.wrongLevel', ['units', i, 'parentId'], {
        id: u.parentId,
        expected: '—',
        actual: 'city',
      });
  }
  for (const [i, p] of org.posts.entries()) level(['posts', i, 'townId'], p.townId, 'town');
  for (const [i, x] of org.departments.entries())
    level(['departments', i, 'districtId'], x.districtId, 'district');
  for (const [i, m] of org.members.entries()) {
    if (m.role === 'system') continue;
    if (!units.has(m.unitId))
      d('config.unknownRef', ['members', i, 'unitId'], { what: 'unit', id: m.unitId });
    if (m.postId !== undefined) {
      const post = posts.get(m.postId);
      if (!post) d('config.unknownRef', ['members', i, 'postId'], { what: 'post', id: m.postId });
      else if (post.townId !== m.unitId)
        d('config.wrongLevel', ['members', i, 'unitId'], {
          id: m.unitId,
          expected: post.townId,
          actual: m.unitId,
        });
    } else if (m.role === 'postStaff')
      d('config.roleNeeds', ['members', i, 'postId'], { role: m.role, field: 'postId' });
    if (m.departmentId !== undefined) {
      const dep = departments.get(m.departmentId);
      if (!dep)
        d('config.unknownRef', ['members', i, 'departmentId'], {
          what: 'department',
          id: m.departmentId,
        });
      else if (dep.districtId !== m.unitId)
        d('config.wrongLevel', ['members', i, 'unitId'], {
          id: m.unitId,
          expected: dep.districtId,
          actual: m.unitId,
        });
    } else if (m.role === 'departmentStaff' || m.role === 'cityOperator')
      d('config.roleNeeds', ['members', i, 'departmentId'], {
        role: m.role,
        field: 'departmentId',
      });
    if (m.role === 'sectionLead' && m.section === undefined)
      d('config.roleNeeds', ['members', i, 'section'], { role: m.role, field: 'section' });
  }
  return out;
}
