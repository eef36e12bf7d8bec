import type { AuditEntry, InstanceRecord } from '@zhizhi/core';
import { maySeePersonalData, personalFieldsOf } from '@zhizhi/core/privacy';
import type { Caller, Ctx } from '../http/context.js';
import { fail } from '../http/errors.js';
import type { AccessEntry } from './AccessLog.js';

/**
 * Unmasks a record the caller may already read: refused (403 `privacy.notAllowed`) unless
 * `maySeePersonalData` allows the caller; otherwise the disclosure — who, when, which fields,
 * why — is appended to the access log first, and only once it is durable are the clear record
 * and trail returned. When the record holds no personal data nothing is logged (`access: null`).
 */
export async function unmaskRecord<R extends InstanceRecord>(
  ctx: Ctx,
  c: Caller,
  record: R,
  reason: string | undefined,
): Promise<{ record: R; audit: AuditEntry[]; access: AccessEntry | null }> {
  if (!maySeePersonalData(c.member, record, ctx.directory))
    fail(403, 'privacy.notAllowed', { role: c.member.role });
  const pii = await ctx.masker.piiOf(record);
  const audit = await ctx.client.audit(record.id);
  const fields = new Set(personalFieldsOf(record, pii));
  for (const e of audit) {
    const data = e.data;
    if (data && typeof data.reporter === 'object' && data.reporter !== null)
      for (const k of Object.keys(data.reporter)) fields.add(`reporter.${k}`);
    if (data && typeof data.data === 'object' && data.data !== null)
      for (const k of Object.keys(data.data)) if (pii.has(k)) fields.add(`data.${k}`);
  }
  if (fields.size === 0) return { record, audit, access: null };
  const access = await ctx.accessLog.append({
    townId: record.townId,
    at: ctx.client.clock.now(),
    actorId: c.member.id,
    role: c.member.role,
    kind: record.kind,
    instanceId: record.id,
    fields: [...fields].sort(),
    reason: reason ?? null,
  });
  return { record, audit, access };
}
