import * as z from 'zod/mini';
import { verifyAuditChain } from '../audit/auditChain.js';
import { type AuditEntry, auditEntrySchema } from '../audit/auditEntrySchema.js';
import { zodIssueError } from '../case/admitCaseCommand.js';
import { caseContextSchema } from '../case/caseContextSchema.js';
import { caseStatuses } from '../case/caseStatus.js';
import { type CaseError, caseError } from '../errors/CaseError.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';
import { slaDueAt } from '../sla/slaTimer.js';
import type { CaseRecord } from './caseRecord.js';

const persistedSchema = z.object({
  record: z.object({
    kind: z.optional(z.literal('case')),
    id: z.string(),
    townId: z.string(),
    status: z.enum(caseStatuses),
    version: z.number().check(z.int(), z.positive()),
    context: caseContextSchema,
    lastHash: z.string().check(z.length(64)),
    // a time of the trail: derived from it, and refused if given and different
    updatedAt: z.optional(z.number().check(z.int())),
    // `slaDueAt` is not read: it is recomputed from the trail under this Engine's SLA policy
  }),
  audit: z.array(auditEntrySchema).check(z.minLength(1), z.maxLength(100_000)),
});

/**
 * Checks untrusted persisted-case JSON before an Engine imports it: shape (with the failing
 * path), a record consistent with its own context and trail, an intact hash chain, and a trail
 * whose entries are in time order. A record's times follow from its trail: `updatedAt` is the
 * last entry's `at` (a record that says otherwise is refused at `record.updatedAt`; one that
 * omits it gets it), and `slaDueAt` is recomputed under `policy` whatever the input says (it
 * depends on the policy, which may differ from the exporting Engine's).
 * Returns the rebuilt record and trail.
 *
 * @example
 * ```ts
 * import { defaultSlaPolicy } from '@zhizhi/core/runtime';
 * import { restorePersistedCase } from '@zhizhi/core/persist';
 * restorePersistedCase({ record: {}, audit: [] }, defaultSlaPolicy).ok; // false
 * ```
 */
export function restorePersistedCase(
  input: unknown,
  policy: SlaPolicy,
):
  | { ok: true; value: { record: CaseRecord; audit: AuditEntry[] } }
  | { ok: false; error: CaseError } {
  const parsed = persistedSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodIssueError(parsed.error, 'restore.invalid') };
  const { record, audit } = parsed.data;
  const last = audit.at(-1) as AuditEntry;
  const mismatch = (path: string, rule: string) => ({
    ok: false as const,
    error: caseError('restore.invalid', { path, rule }, path.split('.')),
  });
  if (record.context.id !== record.id) return mismatch('record.context.id', 'equals record.id');
  if (record.context.townId !== record.townId)
    return mismatch('record.context.townId', 'equals record.townId');
  if (record.version !== audit.length) return mismatch('record.version', 'equals audit length');
  const verdict = verifyAuditChain(audit);
  if (!verdict.ok) {
    return {
      ok: false,
      error: caseError('audit.chainBroken', { caseId: record.id, seq: verdict.brokenAt }, [
        'audit',
        verdict.brokenAt - 1,
      ]),
    };
  }
  if (record.lastHash !== last.hash) return mismatch('record.lastHash', 'equals the last hash');
  if (last.to !== record.status) return mismatch('record.status', 'equals the last entry’s to');
  for (let i = 1; i < audit.length; i++) {
    if ((audit[i] as AuditEntry).at < (audit[i - 1] as AuditEntry).at) {
      const rule = 'not before the previous entry';
      return {
        ok: false,
        error: caseError('restore.invalid', { path: `audit.${i}.at`, rule }, ['audit', i, 'at']),
      };
    }
  }
  if (record.updatedAt !== undefined && record.updatedAt !== last.at)
    return mismatch('record.updatedAt', 'equals the last entry’s at');
  const rebuilt: CaseRecord = {
    ...record,
    kind: 'case',
    slaDueAt: slaDueAt(policy, record.status, record.context),
    updatedAt: last.at,
  };
  return { ok: true, value: { record: rebuilt, audit } };
}
