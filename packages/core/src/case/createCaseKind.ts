import type { AuditEntry } from '../audit/auditEntry.js';
import { authorizeTarget } from '../duty/authorizeTarget.js';
import type { DutyLists } from '../duty/dutyListsSchema.js';
import type { CaseRecord, Notification } from '../engine/caseRecord.js';
import type { Timer } from '../engine/Timer.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import { type Directory, SYSTEM_ACTOR_ID } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';
import { gridCrewRoles } from '../org/roles.js';
import type { Handoff } from '../runtime/Handoff.js';
import type { Decision, InstanceKind, KindHost } from '../runtime/InstanceKind.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';
import { nextSlaTimer, type SlaTimer, slaDueAt } from '../sla/slaTimer.js';
import { admitCaseCommand, zodIssueError } from './admitCaseCommand.js';
import { authorizeCaseEvent } from './authorizeCaseEvent.js';
import {
  type CaseContext,
  type OpenedReport,
  openedReportSchema,
  reportSchema,
} from './caseContext.js';
import type { CaseCommand, CaseEvent } from './caseEventSchemas.js';
import type { NotificationIntent } from './caseNotifications.js';
import type { CaseStatus } from './caseStatus.js';
import { createCaseMachine } from './createCaseMachine.js';
import { createCaseStepper } from './createCaseStepper.js';
import { initialCaseContext } from './initialCaseContext.js';

/**
 * What the case kind needs: the org directory, the SLA policy and the routing duty lists.
 *
 * @example
 * ```ts
 * import { Directory, type CaseKindOptions } from '@zhizhi/core';
 * import { sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
 * const options: CaseKindOptions = { directory: new Directory(sampleOrg), slaPolicy: sampleSlaPolicy };
 * ```
 */
export interface CaseKindOptions {
  directory: Directory;
  slaPolicy?: SlaPolicy;
  dutyLists?: DutyLists;
}

/**
 * The default SLA policy: accept within 30 minutes, acknowledge within 1 hour, resolve
 * within 3 days; supervision climbs to the commander 2 hours after a missed deadline.
 *
 * @example
 * ```ts
 * import { defaultSlaPolicy } from '@zhizhi/core/runtime';
 * defaultSlaPolicy.defaults.resolve; // 'P3D'
 * ```
 */
export const defaultSlaPolicy: SlaPolicy = {
  defaults: { accept: 'PT30M', acknowledge: 'PT1H', resolve: 'P3D' },
  escalateAfter: 'PT2H',
  categories: [],
};

type Fail = { ok: false; error: CaseError };
/** The command fields that become the audit entry's note, in order of preference. */
const NOTE_KEYS = ['note', 'reason', 'result', 'plan'] as const;
const NO_HANDOFFS: Handoff[] = [];
const NO_TIMERS: Timer[] = [];
const fail = (error: CaseError): Fail => ({ ok: false, error });

/** The hand-off a scenario's dispatch step sends to open its case. */
interface OpenCommand {
  type: 'OPEN';
  report: OpenedReport;
}

/**
 * The case (事件) as an instance kind of the runtime: reports open cases (`create`), events
 * move them through the case machine (`command`), SLA timers fire supervision (`timer`), and
 * a scenario's dispatch step opens its case through a hand-off, whose acknowledgement is handed
 * back to the instance in the same commit.
 *
 * @example
 * ```ts
 * import { createCaseKind, Directory } from '@zhizhi/core';
 * import { createRuntime } from '@zhizhi/core/runtime';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const directory = new Directory(sampleOrg);
 * const runtime = createRuntime({ directory, kinds: [createCaseKind({ directory })] });
 * ```
 */
export function createCaseKind(options: CaseKindOptions): InstanceKind<CaseRecord> & {
  readonly slaPolicy: SlaPolicy;
  readonly dutyLists: DutyLists | undefined;
} {
  const { directory, dutyLists } = options;
  const slaPolicy = options.slaPolicy ?? defaultSlaPolicy;
  const stepper = createCaseStepper(createCaseMachine({ directory, dutyLists }));

  function open(
    host: KindHost,
    report: OpenedReport,
    reporter: Member,
    trustedPlace: boolean,
  ): Decision<CaseRecord> {
    const now = host.clock.now();
    const id = report.id ?? host.newId();
    const context = initialCaseContext(directory, slaPolicy, { ...report, id }, reporter, now);
    if (!context) {
      return fail(
        caseError('payload.invalid', { path: 'gridId', rule: 'unknown grid' }, ['gridId']),
      );
    }
    // Reporters report inside their own unit; only the grid's crew handle on the grid; only the
    // command center (or the runtime, for a scenario) opens a case already dispatched.
    const reach = reporter.postId ? directory.post(reporter.postId)?.townId : reporter.unitId;
    const place = [context.gridId, context.communityId, context.townId, context.districtId];
    const crew = (gridCrewRoles as readonly string[]).includes(reporter.role);
    const center = ['dutyOfficer', 'commander'].includes(reporter.role) || trustedPlace;
    const scope =
      !trustedPlace && !place.includes(reach as string)
        ? 'unit'
        : report.handleOnGrid && !(crew && reporter.unitId === context.gridId)
          ? 'grid'
          : report.lead && !center
            ? 'town'
            : null;
    if (scope) {
      return fail(caseError('actor.outsideScope', { actorId: reporter.id, scope }, ['reporterId']));
    }
    // Lead and co-handlers are checked alike, with or without a lead (a plain report's
    // co-handlers are routed by the same duty lists as a dispatch's).
    const targets = [
      ...(report.lead ? [{ t: report.lead, lead: true, path: ['lead'] }] : []),
      ...(report.coHandlers ?? []).map((t, i) => ({ t, lead: false, path: ['coHandlers', i] })),
    ];
    for (const { t, lead, path } of targets) {
      const refusal = authorizeTarget(directory, dutyLists, context, t, lead, path);
      if (refusal) return fail(refusal);
    }
    const step = stepper.initial(context);
    // Everything but id, reporter and title (the note): a restore replays the trail from here.
    const { id: _id, reporterId: _by, title, ...data } = report;
    return propose(undefined, reporter, 'REPORT', now, step.status, step.context, {
      note: title,
      data,
      intents: step.notifications,
    });
  }

  function propose(
    previous: CaseRecord | undefined,
    actor: Member,
    event: string,
    at: number,
    status: CaseStatus,
    context: CaseContext,
    detail: {
      note: string | null;
      data: Record<string, unknown> | null;
      intents: NotificationIntent[];
    },
  ): Decision<CaseRecord> {
    return {
      ok: true,
      proposal: {
        id: context.id,
        previous,
        actor,
        event,
        at,
        to: status,
        note: detail.note,
        data: detail.data,
        seal(entry: AuditEntry) {
          const due = slaDueAt(slaPolicy, status, context);
          const record: CaseRecord = {
            kind: 'case',
            id: context.id,
            townId: context.townId,
            status,
            version: entry.seq,
            context,
            slaDueAt: due,
            lastHash: entry.hash,
            updatedAt: at,
          };
          const notifications = detail.intents.map(
            (intent, i): Notification => ({
              id: [record.id, entry.seq, i].join(':'), // flat, not a rope of 5 pieces
              caseId: record.id,
              townId: record.townId,
              seq: entry.seq,
              at,
              title: context.title,
              deliveredAt: null,
              topic: intent.topic,
              to: intent.to,
            }),
          );
          const timer = nextSlaTimer(slaPolicy, status, context, due);
          // the acknowledgement of a case a scenario opened moves that instance on, and its
          // closure is recorded on it — handed over in this same commit
          const origin = context.origin;
          const told = !origin
            ? null
            : event === 'ACKNOWLEDGE'
              ? 'CASE_ACKNOWLEDGED'
              : status === 'closed' && previous?.status !== 'closed'
                ? 'CASE_CLOSED'
                : null;
          const handoffs: Handoff[] =
            origin && told
              ? [
                  {
                    id: `${record.id}:${entry.seq}:h0`,
                    townId: record.townId,
                    at,
                    from: { kind: 'case', id: record.id, seq: entry.seq },
                    to: { kind: 'scenario', id: origin.instanceId },
                    command: { type: told, step: origin.step, caseId: record.id },
                  },
                ]
              : NO_HANDOFFS;
          return { record, timers: timer ? [timer] : NO_TIMERS, notifications, handoffs };
        },
      },
    };
  }

  async function apply(
    host: KindHost,
    record: CaseRecord,
    command: CaseCommand,
  ): Promise<Decision<CaseRecord>> {
    const at = Math.max(host.clock.now(), record.updatedAt);
    // Not `{ ...command, at }`: a spread plus a new key gives every event its own hidden class,
    // which makes each property access on events (guards, assign, notify) megamorphic.
    const event = Object.assign({}, command) as CaseEvent;
    event.at = at;
    // Every transition of the case machine is guarded by authorizeCaseEvent with these very
    // arguments, so a step that moved was authorised; only a refused one is asked why (once per
    // event, not once here and again in the guard).
    const step = stepper.next(record.status, record.context, event);
    if (!step.changed) {
      const refusal = authorizeCaseEvent(
        directory,
        dutyLists,
        record.status,
        record.context,
        command,
      );
      return fail(
        refusal ?? caseError('event.wrongState', { type: command.type, status: record.status }),
      );
    }
    if (command.type === 'MERGE') {
      const into = await host.store.load(command.intoCaseId);
      const why =
        into?.kind !== 'case'
          ? 'not found'
          : into.townId !== record.townId
            ? 'another town'
            : into.status === 'closed'
              ? 'closed'
              : null;
      if (why)
        return fail(
          caseError('case.mergeTarget', { intoCaseId: command.intoCaseId, why }, ['intoCaseId']),
        );
    }
    const member = directory.member(command.by) as Member;
    const { type: _t, by: _b, ...rest } = command as CaseCommand & Record<string, unknown>;
    const noteKey = NOTE_KEYS.find((k) => typeof rest[k] === 'string');
    let payload = rest;
    let note: string | null = null;
    if (noteKey) {
      // a rest copy without the note, not `delete` (which leaves the kept entry's data object
      // in slow dictionary mode)
      const { [noteKey]: text, ...others } = rest;
      note = text as string;
      payload = others;
    }
    return propose(record, member, command.type, at, step.status, step.context, {
      note,
      data: Object.keys(payload).length > 0 ? payload : null,
      intents: step.notifications,
    });
  }

  return {
    kind: 'case',
    timerKind: 'sla',
    slaPolicy,
    dutyLists,

    async create(host, input, trusted) {
      const parsed = reportSchema.safeParse(input);
      if (!parsed.success) return fail(zodIssueError(parsed.error));
      // an id the host derived itself (an idempotency key's), never one from input
      const report: OpenedReport =
        typeof trusted?.id === 'string' ? { ...parsed.data, id: trusted.id } : parsed.data;
      const reporter = directory.member(report.reporterId);
      const asSystem = trusted?.asSystem === true;
      if (!reporter || (reporter.role === 'system') !== asSystem) {
        return fail(caseError('actor.unknown', { actorId: report.reporterId }, ['reporterId']));
      }
      return open(host, report, reporter, asSystem);
    },

    async command(host, record, input) {
      const parsed = admitCaseCommand(input);
      if (!parsed.ok) return fail(parsed.error);
      if (parsed.value.by === SYSTEM_ACTOR_ID) {
        return fail(
          caseError(
            'actor.roleNotAllowed',
            { role: 'system', type: parsed.value.type, status: '*' },
            ['by'],
          ),
        );
      }
      return apply(host, record, parsed.value);
    },

    async timer(host, record, timer: Timer) {
      const t = timer as SlaTimer;
      return apply(host, record, {
        type: 'SLA_OVERDUE',
        by: SYSTEM_ACTOR_ID,
        clock: t.clock,
        level: t.level,
        dueAt: t.dueAt,
      } as CaseCommand);
    },

    async handoff(host, record, handoff) {
      const command = handoff.command as unknown as OpenCommand;
      if (command.type !== 'OPEN' || record !== undefined) {
        return fail(caseError('handoff.mismatch', { why: `${command.type} to ${handoff.to.id}` }));
      }
      const parsed = openedReportSchema.safeParse({ ...command.report, id: handoff.to.id });
      if (!parsed.success) return fail(zodIssueError(parsed.error));
      const system = directory.member(SYSTEM_ACTOR_ID);
      if (!system) return fail(caseError('actor.unknown', { actorId: SYSTEM_ACTOR_ID }));
      return open(host, { ...parsed.data, reporterId: SYSTEM_ACTOR_ID }, system, true);
    },

    notFound: (id) => caseError('case.notFound', { caseId: id }),
    conflict: (_id, expected, actual) => caseError('store.conflict', { expected, actual }),
    exists: (id) => caseError('case.exists', { caseId: id }),
  };
}

/**
 * The case kind {@link createCaseKind} returns.
 *
 * @example
 * ```ts
 * import type { CaseKind } from '@zhizhi/core';
 * const policyOf = (k: CaseKind) => k.slaPolicy;
 * ```
 */
export type CaseKind = ReturnType<typeof createCaseKind>;
