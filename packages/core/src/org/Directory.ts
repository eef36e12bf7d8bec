import type { Department, Member, Org, OrgUnit, Post } from './orgSchema.js';
import type { OrgLevel, SectionId } from './roles.js';

/**
 * The id of the built-in `system` member: the Engine acts under it when an SLA timer fires.
 * No other member may take it (see `isReservedId`; `checkConfig` refuses such an org).
 *
 * @example
 * ```ts
 * import { SYSTEM_ACTOR_ID } from '@zhizhi/core';
 * SYSTEM_ACTOR_ID; // 'system'
 * ```
 */
export const SYSTEM_ACTOR_ID = 'system';

const systemMember: Member = { id: SYSTEM_ACTOR_ID, name: 'system', role: 'system', unitId: '*' };

/**
 * Read-only lookups over an {@link Org}: units, posts, departments, members, the escalation
 * chain of a grid and who holds which duty in a town. Build it once per org; every lookup is a
 * map access or a short walk up the tree.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const dir = new Directory(sampleOrg);
 * dir.escalationChain('qj-sj-c1-g1').map((u) => u.level); // ['grid', 'community', 'town', 'district']
 * ```
 */
export class Directory {
  readonly org: Org;
  readonly #units = new Map<string, OrgUnit>();
  readonly #posts = new Map<string, Post>();
  readonly #departments = new Map<string, Department>();
  readonly #members = new Map<string, Member>();

  constructor(org: Org) {
    this.org = org;
    for (const u of org.units) this.#units.set(u.id, u);
    for (const p of org.posts) this.#posts.set(p.id, p);
    for (const d of org.departments) this.#departments.set(d.id, d);
    this.#members.set(systemMember.id, systemMember);
    for (const m of org.members) this.#members.set(m.id, m);
  }

  /** The org unit with this id, if any. */
  unit(id: string): OrgUnit | undefined {
    return this.#units.get(id);
  }

  /** The post with this id, if any. */
  post(id: string): Post | undefined {
    return this.#posts.get(id);
  }

  /** The department or city-operations center with this id, if any. */
  department(id: string): Department | undefined {
    return this.#departments.get(id);
  }

  /**
   * The member with this id, if any (`'system'` always exists: the org's own
   * `{ id: 'system', role: 'system' }` if it declares one, else the built-in one).
   */
  member(id: string): Member | undefined {
    return this.#members.get(id);
  }

  /** The unit itself and its ancestors, nearest first. */
  ancestry(unitId: string): OrgUnit[] {
    const chain: OrgUnit[] = [];
    let unit = this.#units.get(unitId);
    while (unit && chain.length < 8) {
      chain.push(unit);
      unit = unit.parentId === null ? undefined : this.#units.get(unit.parentId);
    }
    return chain;
  }

  /** The unit of a given level that contains `unitId` (or is it). */
  ancestorAt(unitId: string, level: OrgLevel): OrgUnit | undefined {
    return this.ancestry(unitId).find((u) => u.level === level);
  }

  /**
   * The escalation ladder of a grid: grid → community → town (its command center) → district.
   * What the grid cannot solve goes up one rung at a time (三江街道's closed loop).
   */
  escalationChain(gridId: string): OrgUnit[] {
    return this.ancestry(gridId).filter((u) => u.level !== 'city');
  }

  /** The posts of one section of a town. */
  postsOf(townId: string, section: SectionId): Post[] {
    return this.org.posts.filter((p) => p.townId === townId && p.section === section);
  }

  /** The city-operations center of a district, if the org has one. */
  cityOperationsCenter(districtId: string): Department | undefined {
    return this.org.departments.find(
      (d) => d.districtId === districtId && d.kind === 'cityOperationsCenter',
    );
  }

  /** Members of a town (or any unit) holding a role, optionally in one section. */
  membersWithRole(unitId: string, role: Member['role'], section?: SectionId): Member[] {
    return this.org.members.filter(
      (m) =>
        m.role === role && m.unitId === unitId && (section === undefined || m.section === section),
    );
  }

  /** Staff of a post or a department. */
  staffOf(target: { kind: 'post' | 'department'; id: string }): Member[] {
    return this.org.members.filter((m) =>
      target.kind === 'post' ? m.postId === target.id : m.departmentId === target.id,
    );
  }

  /**
   * The town a member works in: the town of their unit, or of their post. `undefined` for
   * district-level members (department staff, city operators) and for the system.
   */
  townOfMember(member: Member): string | undefined {
    if (member.postId !== undefined) return this.#posts.get(member.postId)?.townId;
    return this.ancestorAt(member.unitId, 'town')?.id;
  }
}
