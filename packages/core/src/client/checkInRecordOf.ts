import { sha256 } from '../audit/sha256.js';
import { zodIssueError } from '../case/admitCaseCommand.js';
import type { CheckInRecord } from '../duty/CheckInRecord.js';
import { checkInInputSchema } from '../duty/checkInInputSchema.js';
import { caseError } from '../errors/CaseError.js';
import { makeError, type ZhizhiError } from '../errors/ZhizhiError.js';
import type { Directory } from '../org/Directory.js';
import { gridCrewRoles } from '../org/roles.js';

/** The check-ins' own error (kept out of core's main entry, where the case catalogue lives). */
const checkInErrors = {
  'checkIn.notGridCrew': {
    zh: '{actorId} 不是网格员，不能打卡',
    en: '{actorId} is not on a grid crew and may not check in',
  },
};

/** How far ahead of the clock a check-in's `at` may be (clock skew of a phone). */
const SKEW_MS = 5 * 60_000;

/**
 * The record a check-in by `by` stores, or why it may not be stored: `by` must be a member of
 * a grid crew (`gridCrewRoles`) on a grid, the input must pass `checkInInputSchema`, and `at`
 * (default `now`) must not be ahead of the clock by more than five minutes.
 *
 * @internal
 */
export function checkInRecordOf(
  directory: Directory,
  by: string,
  input: unknown,
  now: number,
): { ok: true; record: CheckInRecord } | { ok: false; error: ZhizhiError } {
  const member = directory.member(by);
  if (!member)
    return {
      ok: false,
      error: caseError('actor.unknown', { actorId: String(by).slice(0, 128) }, ['by']),
    };
  const grid = directory.unit(member.unitId);
  const townId = directory.townOfMember(member);
  if (
    !(gridCrewRoles as readonly string[]).includes(member.role) ||
    grid?.level !== 'grid' ||
    townId === undefined
  )
    return {
      ok: false,
      error: makeError(checkInErrors, 'checkIn.notGridCrew', { actorId: member.id }, ['by']),
    };
  const parsed = checkInInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodIssueError(parsed.error) };
  const value = parsed.data;
  const at = value.at ?? now;
  if (at > now + SKEW_MS)
    return {
      ok: false,
      error: caseError('payload.invalid', { path: 'at', rule: 'not in the future' }, ['at']),
    };
  const key = [member.id, value.dutyId, value.kind, at, value.household ?? '', value.place ?? ''];
  const record: CheckInRecord = {
    ...value,
    workerId: member.id,
    at,
    id: `chk:${sha256(key.join('\u0000')).slice(0, 32)}`,
    townId,
    gridId: grid.id,
    recordedAt: now,
  };
  return { ok: true, record };
}
