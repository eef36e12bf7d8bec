import type { AuditEntry, CaseRecord, DefinitionRecord, ScenarioRecord } from '@zhizhi/core';
import { sections } from '@zhizhi/core';
import type { CheckInRecord } from '@zhizhi/core/duty';
import type { Change } from '@zhizhi/core/runtime';
import { z } from 'zod';

/** A loose object schema typed as the core type it documents (its keys beyond the listed ones pass through). */
const typed = <T>(schema: z.ZodType): z.ZodType<T> => schema as unknown as z.ZodType<T>;

/** The error body of every non-2xx answer. */
export const errorSchema = z
  .looseObject({
    code: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    diagnostics: z.array(z.unknown()).optional(),
    currentVersion: z.number().optional(),
  })
  .meta({ id: 'Error' });

/** The error answers a route may give, for its response schema. */
export function errors(...statuses: number[]) {
  return Object.fromEntries([400, 401, ...statuses].map((s) => [s, errorSchema])) as Record<
    number,
    typeof errorSchema
  >;
}

export const auditEntrySchema = typed<AuditEntry>(
  z
    .looseObject({
      event: z.string(),
      actorId: z.string(),
      at: z.number(),
      hash: z.string(),
    })
    .meta({ id: 'AuditEntry' }),
);

const recordShape = {
  id: z.string(),
  townId: z.string(),
  status: z.string(),
  version: z.number().int(),
  slaDueAt: z.number().nullable(),
  lastHash: z.string(),
  updatedAt: z.number(),
  context: z.record(z.string(), z.unknown()),
};

export const caseRecordSchema = typed<CaseRecord>(
  z.looseObject({ kind: z.literal('case'), ...recordShape }).meta({ id: 'CaseRecord' }),
);

export const instanceRecordSchema = typed<ScenarioRecord>(
  z
    .looseObject({
      kind: z.literal('scenario'),
      scenario: z.object({ id: z.string(), version: z.string() }),
      ...recordShape,
    })
    .meta({ id: 'ScenarioInstance' }),
);

export const changeSchema = typed<Change>(
  z
    .looseObject({
      seq: z.number().int(),
      kind: z.string(),
      instanceId: z.string(),
      townId: z.string(),
      version: z.number().int(),
      status: z.string(),
      entry: auditEntrySchema,
      notifications: z.array(z.unknown()),
    })
    .meta({ id: 'Change' }),
);

export const commandResultSchema = (record: z.ZodType) =>
  z.object({
    record,
    entry: auditEntrySchema,
    seq: z.number().int(),
  });

export const idParam = z.object({ id: z.string().min(1).max(256) });

const bool = z.enum(['true', 'false', '1', '0']);

export const listCasesQuery = z.object({
  town: z.string().min(1).max(128).optional(),
  status: z
    .union([z.string().max(64), z.array(z.string().max(64)).max(20)])
    .optional()
    .describe('one status, repeated, or comma-separated'),
  section: z.enum(sections).optional(),
  overdue: bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().min(1).max(512).optional(),
});

export const feedQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  town: z.string().min(1).max(128).optional(),
  kind: z.enum(['case', 'scenario']).optional(),
});

export const kpiQuery = z.object({
  town: z.string().min(1).max(128).optional(),
  section: z.enum(sections).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const definitionSchema = typed<DefinitionRecord>(
  z
    .looseObject({
      id: z.string(),
      version: z.string(),
      deployedAt: z.number(),
      deployedBy: z.string(),
    })
    .meta({ id: 'ScenarioDefinition' }),
);

export const isTrue = (v: string | undefined) => v === 'true' || v === '1';

/** One disclosure of personal data, as the access log keeps it. */
export const accessEntrySchema = z
  .object({
    seq: z.number().int(),
    townId: z.string(),
    at: z.number(),
    actorId: z.string(),
    role: z.string(),
    kind: z.enum(['case', 'scenario']),
    instanceId: z.string(),
    fields: z.array(z.string()),
    reason: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AccessEntry' });

/** The body of an unmask request: why (kept in the access log). */
export const unmaskBody = z
  .object({ reason: z.string().min(1).max(200).optional() })
  .nullish()
  .describe('`reason`: why the personal data is needed (kept in the access log)');

/** The answer of an unmask request: the clear record and trail, and the access log entry. */
export const unmaskResult = (record: z.ZodType) =>
  z.object({ record, audit: z.array(auditEntrySchema), access: accessEntrySchema.nullable() });

/** A stored check-in (`@zhizhi/core/duty` `CheckInRecord`). */
export const checkInRecordSchema = typed<CheckInRecord>(
  z
    .looseObject({
      id: z.string(),
      townId: z.string(),
      gridId: z.string(),
      workerId: z.string(),
      dutyId: z.string(),
      kind: z.string(),
      at: z.number(),
      recordedAt: z.number(),
      household: z.string().optional(),
      place: z.string().optional(),
      note: z.string().optional(),
    })
    .meta({ id: 'CheckInRecord' }),
);
