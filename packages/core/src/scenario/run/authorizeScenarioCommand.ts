import type { ScenarioRecord } from '../../engine/caseRecord.js';
import type { ZhizhiError } from '../../errors/ZhizhiError.js';
import type { Directory } from '../../org/Directory.js';
import type { Member } from '../../org/orgSchema.js';
import { gridCrewRoles, gridRoles, type Role } from '../../org/roles.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { activeSteps } from './activeSteps.js';
import { admitScenarioData } from './admitScenarioData.js';
import { runError } from './runError.js';
import type { ScenarioCommand } from './scenarioCommandSchema.js';

/**
 * Whether a member works where an instance runs: in its town, or at district level in its
 * district. Returns `null`, or a `run.outsideTown` refusal.
 *
 * @example
 * ```ts
 * import { outsideTown } from '@zhizhi/core/scenario';
 * // outsideTown(directory, directory.member('qj-th-duty')!, 'qj-sj')?.error.code === 'run.outsideTown'
 * ```
 */
export function outsideTown(
  directory: Directory,
  member: Member,
  townId: string,
): { ok: false; error: ZhizhiError } | null {
  const memberTown = directory.townOfMember(member);
  const district = directory.ancestorAt(townId, 'district');
  const ok = memberTown === townId || (memberTown === undefined && member.unitId === district?.id);
  return ok ? null : runError('run.outsideTown', { actorId: member.id, townId }, ['by']);
}

/**
 * Decides whether a member may send a command to an instance: signals come from sensors and
 * the command center; events also from people who handle matters (never residents); a task
 * completion or check-in from an assignee of an active step (grid roles only on the
 * instance's grid, except campaigns) with data that fits the step's form, and a check-in
 * only for a target on the campaign's list. Returns `null` when it may.
 *
 * @example
 * ```ts
 * import { authorizeScenarioCommand } from '@zhizhi/core/scenario';
 * // authorizeScenarioCommand(directory, doc, record, member, command)?.error.code
 * ```
 */
export function authorizeScenarioCommand(
  directory: Directory,
  doc: Scenario,
  record: ScenarioRecord,
  member: Member,
  command: ScenarioCommand,
): { ok: false; error: ZhizhiError } | null {
  const outside = outsideTown(directory, member, record.townId);
  if (outside) return outside;
  if (command.type === 'SIGNAL' || command.type === 'EVENT') {
    // signals come from sensors and the command center; events also from the people who
    // handle matters (not residents), and their data must fit the scenario's fields
    const senders =
      command.type === 'SIGNAL'
        ? ['sensor', 'dutyOfficer', 'commander']
        : [
            'sensor',
            'dutyOfficer',
            'commander',
            'sectionLead',
            'postStaff',
            'departmentStaff',
            ...gridCrewRoles,
            'communityStaff',
            'cityOperator',
          ];
    if (!(senders as readonly Role[]).includes(member.role)) {
      return runError('run.notAssignee', { actorId: member.id, step: command.name }, ['by']);
    }
    const data = admitScenarioData(
      doc,
      command.name,
      command.data ?? {},
      doc.fields.map((f) => f.id),
    );
    return data.ok ? null : data;
  }
  const step = doc.steps.find((s) => s.id === command.step);
  if (!step || !activeSteps(record.status).includes(step.id)) {
    return runError('run.notActive', { step: command.step, type: command.type }, ['step']);
  }
  const assignee =
    step.kind === 'task' ? step.assignee : step.kind === 'campaign' ? step.task.assignee : null;
  if (!assignee || (command.type === 'TASK_COMPLETE') !== (step.kind === 'task')) {
    return runError('run.notActive', { step: command.step, type: command.type }, ['step']);
  }
  const grid = record.context.gridId;
  const matches =
    'role' in assignee
      ? member.role === assignee.role &&
        (!(gridRoles as readonly Role[]).includes(member.role) ||
          step.kind === 'campaign' ||
          member.unitId === grid)
      : 'post' in assignee
        ? member.postId === assignee.post
        : member.departmentId === assignee.department;
  if (!matches) return runError('run.notAssignee', { actorId: member.id, step: step.id }, ['by']);
  const form =
    step.kind === 'task'
      ? (step.form ?? [])
      : step.kind === 'campaign'
        ? (step.task.form ?? [])
        : [];
  const data = admitScenarioData(doc, step.id, command.data ?? {}, form);
  if (!data.ok) return data;
  if (command.type === 'CHECK_IN' && step.kind === 'campaign') {
    const lists = record.context.lists;
    const name = step.targets.list ?? step.targets.kind;
    const list = Object.hasOwn(lists, name) ? (lists[name] ?? []) : [];
    if (!list.includes(command.target)) {
      return runError('run.notInList', { target: command.target, step: step.id }, ['target']);
    }
  }
  return null;
}
