import * as z from 'zod/mini';
import { isReservedId } from '../ids/isReservedId.js';
import { safeIdSchema } from '../ids/safeIdSchema.js';
import { SYSTEM_ACTOR_ID } from './Directory.js';
import { orgLevels, roles, sections } from './roles.js';

const RESERVED = 'not an id the runtime reserves (system, or one with a colon)';
/** An id this document defines (a unit's, post's or department's): safe and not reserved. */
const ownId = safeIdSchema.check(
  z.check<string>((ctx) => {
    if (isReservedId(ctx.value)) {
      ctx.issues.push({ code: 'custom', message: RESERVED, input: ctx.value });
    }
  }),
);
/** An id it refers to. */
const id = z.string().check(z.minLength(1), z.maxLength(128));

/** @internal zod schema of a {@link LocalizedText}. */
export const localizedTextSchema = z.object({
  zh: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});

/**
 * zod schema of an org unit: a city, district, town, community or grid.
 *
 * @example
 * ```ts
 * import { orgUnitSchema } from '@zhizhi/core/config';
 * orgUnitSchema.parse({ id: 'g1', level: 'grid', parentId: 'c1', name: { zh: '一网格', en: 'Grid 1' } });
 * ```
 */
export const orgUnitSchema = z.object({
  id: ownId,
  level: z.enum(orgLevels),
  parentId: z.nullable(id),
  name: localizedTextSchema,
});

/**
 * zod schema of a post (岗位) in one of a town's four sections.
 *
 * @example
 * ```ts
 * import { postSchema } from '@zhizhi/core/config';
 * postSchema.parse({ id: 'p1', townId: 't1', section: 'safetyRuleOfLaw', name: { zh: '消防管理岗', en: 'Fire management post' } });
 * ```
 */
export const postSchema = z.object({
  id: ownId,
  townId: id,
  section: z.enum(sections),
  name: localizedTextSchema,
});

/**
 * zod schema of a district department (区县部门) or the district's city-operations center (城运中心).
 *
 * @example
 * ```ts
 * import { departmentSchema } from '@zhizhi/core/config';
 * departmentSchema.parse({ id: 'd-cgj', districtId: 'd1', kind: 'department', name: { zh: '区城市管理局', en: 'District city management bureau' } });
 * ```
 */
export const departmentSchema = z.object({
  id: ownId,
  districtId: id,
  kind: z.enum(['department', 'cityOperationsCenter']),
  name: localizedTextSchema,
});

/**
 * zod schema of a member: a person (or a sensor / the system) with one role at one place
 * in the org. `unitId` is the grid, community, town or district the member belongs to;
 * post staff name their `postId`, department staff their `departmentId`, section leads their `section`.
 * Its id is a safe id and not reserved ({@link isReservedId}), except for the system member
 * itself: `{ id: 'system', role: 'system' }` may be declared (at most once, see `orgSchema`), and
 * the role `system` belongs to it alone.
 *
 * @example
 * ```ts
 * import { memberSchema } from '@zhizhi/core/config';
 * memberSchema.parse({ id: 'm1', name: '李网格', role: 'gridWorker', unitId: 'g1' });
 * ```
 */
export const memberSchema = z
  .object({
    id: safeIdSchema,
    name: z.string().check(z.minLength(1)),
    role: z.enum(roles),
    unitId: id,
    postId: z.optional(id),
    departmentId: z.optional(id),
    section: z.optional(z.enum(sections)),
  })
  .check(
    z.check((ctx) => {
      const { id, role } = ctx.value;
      // the system member is the one reserved id a member may take, and only as the system
      const system = id === SYSTEM_ACTOR_ID && role === 'system';
      if (isReservedId(id) && !system) {
        ctx.issues.push({ code: 'custom', path: ['id'], message: RESERVED, input: id });
      } else if (role === 'system' && !system) {
        const message = `role system is only for the member ${SYSTEM_ACTOR_ID}`;
        ctx.issues.push({ code: 'custom', path: ['role'], message, input: role });
      }
    }),
  );

/**
 * zod schema of a whole org: its units, posts, departments and members. The ids it defines are
 * safe (`isSafeId`) and not reserved (`isReservedId`); at most one member is the system member.
 *
 * @example
 * ```ts
 * import { orgSchema } from '@zhizhi/core/config';
 * const result = orgSchema.safeParse({ units: [], posts: [], departments: [], members: [] });
 * result.success; // true
 * ```
 */
export const orgSchema = z
  .object({
    units: z.array(orgUnitSchema),
    posts: z.array(postSchema),
    departments: z.array(departmentSchema),
    members: z.array(memberSchema),
  })
  .check(
    z.check((ctx) => {
      const systems = ctx.value.members.flatMap((m, i) => (m.id === SYSTEM_ACTOR_ID ? [i] : []));
      for (const i of systems.slice(1)) {
        const message = `at most one member ${SYSTEM_ACTOR_ID}`;
        ctx.issues.push({
          code: 'custom',
          path: ['members', i, 'id'],
          message,
          input: SYSTEM_ACTOR_ID,
        });
      }
    }),
  );

/**
 * A city, district, town, community or grid.
 *
 * @example
 * ```ts
 * import type { OrgUnit } from '@zhizhi/core';
 * const grid: OrgUnit = { id: 'g1', level: 'grid', parentId: 'c1', name: { zh: '一网格', en: 'Grid 1' } };
 * ```
 */
export type OrgUnit = z.infer<typeof orgUnitSchema>;
/**
 * A post of a town section.
 *
 * @example
 * ```ts
 * import type { Post } from '@zhizhi/core';
 * const post: Post = { id: 'p1', townId: 't1', section: 'safetyRuleOfLaw', name: { zh: '消防管理岗', en: 'Fire management post' } };
 * ```
 */
export type Post = z.infer<typeof postSchema>;
/**
 * A district department or city-operations center.
 *
 * @example
 * ```ts
 * import type { Department } from '@zhizhi/core';
 * const d: Department = { id: 'cyzx', districtId: 'd1', kind: 'cityOperationsCenter', name: { zh: '区城运中心', en: 'District city-operations center' } };
 * ```
 */
export type Department = z.infer<typeof departmentSchema>;
/**
 * A member of the org with one role.
 *
 * @example
 * ```ts
 * import type { Member } from '@zhizhi/core';
 * const m: Member = { id: 'm1', name: '李网格', role: 'gridWorker', unitId: 'g1' };
 * ```
 */
export type Member = z.infer<typeof memberSchema>;
/**
 * A whole org as plain data.
 *
 * @example
 * ```ts
 * import type { Org } from '@zhizhi/core';
 * const empty: Org = { units: [], posts: [], departments: [], members: [] };
 * ```
 */
export type Org = z.infer<typeof orgSchema>;
