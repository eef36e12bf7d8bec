import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import { label } from '../../i18n/labels.js';
import { roles } from '../../org/roles.js';
import type { CheckContext } from './checkContext.js';
import { partyKind, stepParties } from './checkOrgRefs.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

const words = {
  role: { kind: 'role', kindZh: '角色', list: 'roles' },
  post: { kind: 'post', kindZh: '岗位', list: 'posts' },
  department: { kind: 'department', kindZh: '部门', list: 'departments' },
  cityOperationsCenter: { kind: 'city-operations center', kindZh: '城运中心', list: 'centers' },
  commandCenter: { kind: 'command center', kindZh: '指挥中心', list: 'centers' },
} as const;

/**
 * Checks that `participants` lists every role, post, department and center the steps use:
 * task and campaign assignees, dispatch leads and co-handlers, notify recipients of kind
 * `role`, `post`, `department`, `cityOperationsCenter` or `commandCenter` (a city-operations
 * center may also be listed under `departments`). Reports the warning
 * `scenario.undeclaredParticipant` at each use of one that is missing. Grids, communities and
 * families are where an instance happens, not participants, and are not checked. Needs no org.
 *
 * @internal
 * @example
 * ```ts
 * import { checkParticipants } from './checkParticipants.js';
 * import { createCheckContext } from './checkContext.js';
 * // a task for { role: 'gridWorker' } while participants.roles is ['dutyOfficer']
 * // checkParticipants(createCheckContext(doc))[0]?.severity; // 'warning'
 * ```
 */
export function checkParticipants(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = ctx.doc.participants;
  const declared = {
    role: new Set<string>(p.roles),
    post: new Set(p.posts ?? []),
    department: new Set(p.departments ?? []),
    center: new Set(p.centers ?? []),
  };
  const isDeclared = (kind: keyof typeof words, id: string): boolean => {
    switch (kind) {
      case 'role':
      case 'post':
      case 'department':
        return declared[kind].has(id);
      case 'cityOperationsCenter':
        return declared.center.has(id) || declared.department.has(id);
      case 'commandCenter':
        return declared.center.has(id);
    }
  };
  ctx.doc.steps.forEach((step, i) => {
    if (ctx.broken[i]) return;
    for (const party of stepParties(step, i)) {
      const normal = partyKind(ctx.org, party);
      if (!Object.hasOwn(words, normal)) continue;
      const kind = normal as keyof typeof words;
      // a recipient role that is no role at all is scenario.unknownRecipient already
      if (kind === 'role' && !(roles as readonly string[]).includes(party.id)) continue;
      if (isDeclared(kind, party.id)) continue;
      const name = `\`${party.id}\``;
      const nameZh =
        kind === 'role' ? `“${label('role', party.id, 'zh-CN')}”（${name}）` : ` ${name} `;
      out.push(
        scenarioDiagnostic('scenario.undeclaredParticipant', party.path, {
          step: step.id,
          name,
          nameZh,
          ...words[kind],
        }),
      );
    }
  });
  return out;
}
