import type { AuditEntry } from '@zhizhi/core';

/**
 * One line of the simulation's timeline: an audit entry of the instance or of a case one of
 * its dispatch steps opened (`caseId`).
 *
 * @example
 * ```ts
 * import type { TimelineEntry } from '@zhizhi/designer';
 * const text = (e: TimelineEntry) => `${e.event} ${e.from ?? '∅'} → ${e.to}`;
 * ```
 */
export interface TimelineEntry extends AuditEntry {
  /** The case the entry belongs to; absent for the instance itself. */
  caseId?: string;
}

/**
 * The audit trails of an instance and its cases as one timeline, oldest first (same time:
 * the instance's trail order, then the cases').
 *
 * @example
 * ```ts
 * import { timelineOf } from '@zhizhi/designer';
 * timelineOf([{ id: 'i1', audit: [] }], 'i1'); // []
 * ```
 */
export function timelineOf(
  trails: readonly { id: string; audit: readonly AuditEntry[] }[],
  instanceId: string | undefined,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const t of trails)
    for (const e of t.audit) out.push(t.id === instanceId ? { ...e } : { ...e, caseId: t.id });
  // a stable sort: entries of one trail keep their order
  return out.sort((a, b) => a.at - b.at);
}
