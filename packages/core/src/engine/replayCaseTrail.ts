import { canonicalJson } from '../audit/auditChain.js';
import type { AuditEntry } from '../audit/auditEntry.js';
import { type CaseContext, openedReportSchema } from '../case/caseContext.js';
import type { CaseEvent, CaseEventType } from '../case/caseEventSchemas.js';
import type { CaseStatus } from '../case/caseStatus.js';
import { createCaseMachine } from '../case/createCaseMachine.js';
import { type CaseStepper, createCaseStepper } from '../case/createCaseStepper.js';
import { initialCaseContext } from '../case/initialCaseContext.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import type { Directory } from '../org/Directory.js';
import type { Member } from '../org/orgSchema.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';

/** Which payload field an event's audit note came from. */
const noteField: Partial<Record<CaseEventType, string>> = {
  RESOLVE_ON_SITE: 'result',
  RESOLVE: 'result',
  ESCALATE: 'reason',
  REJECT: 'reason',
  RETURN: 'reason',
  REOPEN: 'reason',
  CANCEL: 'reason',
  DECLARE_EMERGENCY: 'plan',
};

// Building the machine and its stepper costs ~0.4-0.6 ms, most of a restore when done per case.
// One per directory: the stepper is synchronous and keeps no state between calls.
const replaySteppers = new WeakMap<Directory, CaseStepper>();
function replayStepper(directory: Directory): CaseStepper {
  let stepper = replaySteppers.get(directory);
  if (!stepper) {
    const machine = createCaseMachine({ directory }).provide({ guards: { allowed: () => true } });
    stepper = createCaseStepper(machine);
    replaySteppers.set(directory, stepper);
  }
  return stepper;
}

/**
 * Rebuilds a case's status and context by replaying its audit trail through the case machine
 * (its permission guards switched off: the trail records what was allowed when it happened,
 * and the org may have changed since). Every entry must lead where it says; the result is the
 * only context a restore trusts, so a persisted record whose context was edited — a forged
 * lead, town or outcome — is refused even though its hash chain is intact.
 *
 * @example
 * ```ts
 * import type { AuditEntry, Directory, SlaPolicy } from '@zhizhi/core';
 * import { replayCaseTrail } from '@zhizhi/core/persist';
 * declare const directory: Directory;
 * declare const policy: SlaPolicy;
 * declare const trail: AuditEntry[]; // await engine.auditTrail('river-1')
 * const replay = replayCaseTrail(directory, policy, 'river-1', trail);
 * replay.ok && replay.status === 'closed';
 * ```
 */
export function replayCaseTrail(
  directory: Directory,
  policy: SlaPolicy,
  caseId: string,
  trail: readonly AuditEntry[],
): { ok: true; status: CaseStatus; context: CaseContext } | { ok: false; error: CaseError } {
  const invalid = (path: (string | number)[], rule: string) => ({
    ok: false as const,
    error: caseError('restore.invalid', { path: path.join('.'), rule }, path),
  });
  const first = trail[0];
  if (first?.event !== 'REPORT') return invalid(['audit', 0, 'event'], 'REPORT');
  const report = openedReportSchema.safeParse({
    ...first.data,
    id: caseId,
    reporterId: first.actorId,
    title: first.note,
  });
  if (!report.success) return invalid(['audit', 0, 'data'], 'a report');
  const reporter: Member = {
    id: first.actorId,
    name: first.actorId,
    role: first.role,
    unitId: '*',
  };
  const initial = initialCaseContext(
    directory,
    policy,
    { ...report.data, id: caseId },
    reporter,
    first.at,
  );
  if (!initial) return invalid(['audit', 0, 'data', 'gridId'], 'a grid of the org');
  const stepper = replayStepper(directory);
  let step = stepper.initial(initial);
  if (step.status !== first.to) return invalid(['audit', 0, 'to'], step.status);
  for (let i = 1; i < trail.length; i++) {
    const e = trail[i] as AuditEntry;
    const type = e.event as CaseEventType;
    const event = {
      ...e.data,
      ...(e.note !== null ? { [noteField[type] ?? 'note']: e.note } : {}),
      type,
      by: e.actorId,
      at: e.at,
    } as CaseEvent;
    const next = stepper.next(step.status, step.context, event);
    if (!next.changed || next.status !== e.to)
      return invalid(['audit', i, 'to'], `replays to ${next.status}`);
    step = next;
  }
  return { ok: true, status: step.status, context: step.context };
}

/**
 * Whether two contexts are the same data (key order ignored).
 *
 * @example
 * ```ts
 * import { sameContext } from '@zhizhi/core/persist';
 * sameContext({ a: 1, b: 2 } as never, { b: 2, a: 1 } as never); // true
 * ```
 */
export function sameContext(a: CaseContext, b: CaseContext): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
