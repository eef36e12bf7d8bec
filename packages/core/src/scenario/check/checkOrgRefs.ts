import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { closestName, didYouMean } from '../../diagnostics/didYouMean.js';
import { label } from '../../i18n/labels.js';
import type { Directory } from '../../org/Directory.js';
import { roles } from '../../org/roles.js';
import type { ScenarioStep } from '../document/scenarioSchema.js';
import type { CheckContext } from './checkContext.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

/**
 * A party a step uses: an assignee, a dispatch lead or co-handler, or a notify recipient,
 * with the JSON path of its id.
 *
 * @internal
 * @example
 * ```ts
 * import type { StepParty } from './checkOrgRefs.js';
 * const p: StepParty = { kind: 'post', id: 'qj-sj-xfgl', path: ['steps', 2, 'lead', 'id'] };
 * ```
 */
export interface StepParty {
  kind:
    | 'role'
    | 'post'
    | 'department'
    | 'cityOperationsCenter'
    | 'commandCenter'
    | 'community'
    | 'grid'
    | 'family';
  id: string;
  path: (string | number)[];
}

type Assignee = { role: string } | { post: string } | { department: string };

function assigneeParty(a: Assignee, at: (string | number)[]): StepParty {
  if ('role' in a) return { kind: 'role', id: a.role, path: [...at, 'role'] };
  if ('post' in a) return { kind: 'post', id: a.post, path: [...at, 'post'] };
  return { kind: 'department', id: a.department, path: [...at, 'department'] };
}

/**
 * The parties step `i` uses, in document order.
 *
 * @internal
 * @example
 * ```ts
 * import { stepParties } from './checkOrgRefs.js';
 * stepParties({ id: 't', kind: 'task', assignee: { role: 'gridWorker' }, outcomes: [{ id: 'ok', to: 'done' }] }, 0);
 * // [{ kind: 'role', id: 'gridWorker', path: ['steps', 0, 'assignee', 'role'] }]
 * ```
 */
export function stepParties(step: ScenarioStep, i: number): StepParty[] {
  switch (step.kind) {
    case 'task':
      return [assigneeParty(step.assignee, ['steps', i, 'assignee'])];
    case 'campaign':
      return [assigneeParty(step.task.assignee, ['steps', i, 'task', 'assignee'])];
    case 'dispatch':
      return [
        { ...step.lead, path: ['steps', i, 'lead', 'id'] },
        ...(step.coHandlers ?? []).map((c, j) => ({
          ...c,
          path: ['steps', i, 'coHandlers', j, 'id'],
        })),
      ];
    case 'notify':
      return step.to.map((r, j) => ({ kind: r.kind, id: r.id, path: ['steps', i, 'to', j, 'id'] }));
    default:
      return [];
  }
}

const isRole = (id: string) => (roles as readonly string[]).includes(id);

/**
 * The kind a party really is, whatever the document calls it: a `department` whose id is the
 * district's city-operations center (a department of kind `cityOperationsCenter` in the org) is
 * the `cityOperationsCenter`. Every rule about recipients and handlers (personal data,
 * dispatch, participants) reads this kind, so that one center is treated alike under either
 * name. Without an org nothing can be told apart and the kind stays as written.
 *
 * @internal
 * @example
 * ```ts
 * import { Directory } from '../../org/Directory.js';
 * import { sampleOrg } from '../../sample/sampleOrg.js';
 * import { partyKind } from './checkOrgRefs.js';
 * partyKind(new Directory(sampleOrg), { kind: 'department', id: 'qj-cyzx' }); // 'cityOperationsCenter'
 * partyKind(new Directory(sampleOrg), { kind: 'department', id: 'qj-cgj' }); // 'department'
 * ```
 */
export function partyKind<K extends string>(
  org: Directory | undefined,
  party: { kind: K; id?: string | undefined },
): K | 'cityOperationsCenter' {
  if (party.kind !== 'department' || !org || party.id === undefined) return party.kind;
  return org.department(party.id)?.kind === 'cityOperationsCenter'
    ? 'cityOperationsCenter'
    : party.kind;
}

/**
 * Whether `id` names a center: a city-operations center, or a town (its command center).
 *
 * @internal
 * @example
 * ```ts
 * import { Directory } from '../../org/Directory.js';
 * import { sampleOrg } from '../../sample/sampleOrg.js';
 * import { isCenter } from './checkOrgRefs.js';
 * isCenter(new Directory(sampleOrg), 'qj-cyzx'); // true
 * ```
 */
export function isCenter(org: Directory, id: string): boolean {
  return org.department(id)?.kind === 'cityOperationsCenter' || org.unit(id)?.level === 'town';
}

type Suggest = (name: string) => string | undefined;

/**
 * Near-miss finders over the ids the org has, built on first use and shared by the checks of
 * one validation.
 */
function orgSuggesters(org: Directory | undefined) {
  const made = new Map<string, Suggest>();
  const of = (key: string, ids: () => Iterable<string>): Suggest => {
    let s = made.get(key);
    if (!s) {
      s = closestName(ids());
      made.set(key, s);
    }
    return s;
  };
  const units = (level: string) => () =>
    (org?.org.units ?? []).filter((u) => u.level === level).map((u) => u.id);
  const departments = (kind: string) => () =>
    (org?.org.departments ?? []).filter((d) => d.kind === kind).map((d) => d.id);
  return {
    role: of('role', () => roles),
    post: (id: string) => of('post', () => (org?.org.posts ?? []).map((p) => p.id))(id),
    department: (id: string) => of('department', departments('department'))(id),
    cityOperationsCenter: (id: string) =>
      of('cityOperationsCenter', departments('cityOperationsCenter'))(id),
    town: (id: string) => of('town', units('town'))(id),
    grid: (id: string) => of('grid', units('grid'))(id),
    community: (id: string) => of('community', units('community'))(id),
  };
}

const roleList = {
  why: `it is not a role (one of ${roles.map((r) => `\`${r}\``).join(', ')})`,
  whyZh: `不是角色（可用的角色：${roles.map((r) => `\`${r}\``).join('、')}）`,
};

function checkParty(
  org: Directory | undefined,
  p: StepParty,
  suggest: ReturnType<typeof orgSuggesters>,
): Diagnostic | null {
  const { id, path } = p;
  if (p.kind === 'role') {
    if (isRole(id)) return null;
    const near = suggest.role(id);
    const why = near ? { why: 'it is not a role', whyZh: '不是角色' } : roleList;
    const hint = didYouMean(near, near && label('role', near, 'zh-CN'));
    return scenarioDiagnostic('scenario.unknownRecipient', path, {
      kind: 'role',
      kindZh: '角色',
      id,
      ...why,
      ...hint,
    });
  }
  if (!org) return null;
  switch (p.kind) {
    case 'post':
      return org.post(id)
        ? null
        : scenarioDiagnostic('scenario.unknownPost', path, {
            id,
            ...didYouMean(suggest.post(id)),
          });
    case 'department':
      return org.department(id)
        ? null
        : scenarioDiagnostic('scenario.unknownDepartment', path, {
            id,
            ...didYouMean(suggest.department(id)),
          });
    case 'cityOperationsCenter':
      return org.department(id)?.kind === 'cityOperationsCenter'
        ? null
        : scenarioDiagnostic('scenario.unknownCenter', path, {
            id,
            kind: 'city-operations center',
            kindZh: '城运中心',
            ...didYouMean(suggest.cityOperationsCenter(id)),
          });
    case 'commandCenter':
      return org.unit(id)?.level === 'town'
        ? null
        : scenarioDiagnostic('scenario.unknownCenter', path, {
            id,
            kind: 'town command center (a town id)',
            kindZh: '镇街指挥中心（应填镇街的 `id`）',
            ...didYouMean(suggest.town(id)),
          });
    case 'community':
    case 'grid': {
      if (org.unit(id)?.level === p.kind) return null;
      const words =
        p.kind === 'grid'
          ? {
              kind: 'grid',
              kindZh: '网格',
              why: 'no grid has this id',
              whyZh: '组织架构中没有这个网格',
            }
          : {
              kind: 'community',
              kindZh: '村（社区）',
              why: 'no community has this id',
              whyZh: '组织架构中没有这个村（社区）',
            };
      return scenarioDiagnostic('scenario.unknownRecipient', path, {
        id,
        ...words,
        ...didYouMean(suggest[p.kind](id)),
      });
    }
    default:
      return null; // family: the instance's own contacts, not the org
  }
}

/**
 * Checks the org references of a document. Always: a notify recipient of kind `role` must name
 * a role (`scenario.unknownRecipient`). With a {@link Directory}: assignees, dispatch leads and
 * co-handlers, notify recipients and `participants` must exist in the org —
 * `scenario.unknownPost`, `scenario.unknownDepartment`, `scenario.unknownCenter` (a
 * `cityOperationsCenter` recipient names a city-operations center, a `commandCenter` recipient
 * names its town, a participant center either) and `scenario.unknownRecipient` (a `grid` or
 * `community` recipient that is no such unit), each with a near miss suggested when there is
 * one; and a dispatch lead or co-handler that is the city-operations center (named as a
 * `department`: {@link partyKind}) is `scenario.centerNotHandler` — the Engine would refuse the
 * case. `family` recipients are the instance's own contacts and are not looked up.
 *
 * @internal
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { checkOrgRefs } from './checkOrgRefs.js';
 * import { createCheckContext } from './checkContext.js';
 * // checkOrgRefs(createCheckContext(doc, new Directory(sampleOrg)))[0]?.code; // 'scenario.unknownPost'
 * ```
 */
export function checkOrgRefs(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { org } = ctx;
  const suggest = orgSuggesters(org);
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.broken[i]) return;
    for (const party of stepParties(step, i)) {
      const d = checkParty(org, party, suggest);
      if (d) out.push(d);
      else if (step.kind === 'dispatch' && partyKind(org, party) === 'cityOperationsCenter') {
        // it coordinates and oversees: the Engine refuses it as a case's lead or co-handler
        const lead = party.path[2] === 'lead';
        out.push(
          scenarioDiagnostic('scenario.centerNotHandler', party.path, {
            id: party.id,
            role: lead ? 'lead' : 'co-handler',
            roleZh: lead ? '主办单位' : '协办单位',
          }),
        );
      }
    }
  });
  if (!org) return out;
  const { posts, departments, centers } = ctx.doc.participants;
  posts?.forEach((id, j) => {
    if (!org.post(id))
      out.push(
        scenarioDiagnostic('scenario.unknownPost', ['participants', 'posts', j], {
          id,
          ...didYouMean(suggest.post(id)),
        }),
      );
  });
  departments?.forEach((id, j) => {
    if (!org.department(id)) {
      out.push(
        scenarioDiagnostic('scenario.unknownDepartment', ['participants', 'departments', j], {
          id,
          ...didYouMean(suggest.department(id)),
        }),
      );
    }
  });
  centers?.forEach((id, j) => {
    if (!isCenter(org, id)) {
      out.push(
        scenarioDiagnostic('scenario.unknownCenter', ['participants', 'centers', j], {
          id,
          kind: 'center (a city-operations center or a town)',
          kindZh: '中心（城运中心或镇街）',
          ...didYouMean(suggest.cityOperationsCenter(id) ?? suggest.town(id)),
        }),
      );
    }
  });
  return out;
}
