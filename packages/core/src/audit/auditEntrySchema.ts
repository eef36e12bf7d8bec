import * as z from 'zod/mini';
import { roles } from '../org/roles.js';

/**
 * zod schema of one audit entry (used to check persisted or imported trails).
 *
 * @example
 * ```ts
 * import { auditEntrySchema } from '@zhizhi/core/persist';
 * auditEntrySchema.safeParse({}).success; // false
 * ```
 */
export const auditEntrySchema = z.object({
  /**
   * The hash format: `2` for entries sealed since the format was versioned (canonical JSON of
   * the whole entry); absent for entries written before (v1), which still verify. A trail never
   * goes back from v2 to v1.
   */
  v: z.optional(z.literal(2)),
  seq: z.number().check(z.int(), z.positive()),
  at: z.number().check(z.int()),
  actorId: z.string(),
  role: z.enum(roles),
  event: z.string().check(z.minLength(1)),
  /** Status before (`null` for the first entry): a case status, or a scenario instance's state. */
  from: z.nullable(z.string().check(z.maxLength(4000))),
  to: z.string().check(z.minLength(1), z.maxLength(4000)),
  note: z.nullable(z.string()),
  data: z.nullable(
    z.custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      'object',
    ),
  ),
  prevHash: z.string().check(z.length(64)),
  hash: z.string().check(z.length(64)),
});

/**
 * One step of a case's history: who (id and role), when, which event, from which status to
 * which, the note, the event's other data, and the hash chain (`prevHash` → `hash`, in the
 * hash format `v`).
 *
 * @example
 * ```ts
 * import type { AuditEntry } from '@zhizhi/core';
 * const describe = (e: AuditEntry) => `${e.seq} ${e.event} ${e.from ?? '∅'} → ${e.to}`;
 * ```
 */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
