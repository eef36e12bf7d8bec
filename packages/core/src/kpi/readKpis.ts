import type { AuditEntry } from '../audit/auditEntry.js';
import type { CaseRecord } from '../engine/caseRecord.js';
import type { CaseQuery, Page } from '../engine/Store.js';
import type { SectionId } from '../org/roles.js';
import { type CaseWithTrail, computeKpis, type Kpis } from './computeKpis.js';

/**
 * Which cases KPIs are computed over: one town (omitted: every town the reader may see), one
 * section, and the period the cases were reported in, `[from, to)` in epoch milliseconds.
 *
 * @example
 * ```ts
 * import type { KpiQuery } from '@zhizhi/core/kpi';
 * const september: KpiQuery = { townId: 'qj-sj', from: Date.parse('2026-09-01T00:00:00+08:00'), to: Date.parse('2026-10-01T00:00:00+08:00') };
 * ```
 */
export interface KpiQuery {
  townId?: string;
  section?: SectionId;
  /** Reported at or after (epoch ms). */
  from?: number;
  /** Reported before (epoch ms). */
  to?: number;
}

/**
 * What {@link readKpis} reads cases through: the `listCases` and `audit` reads of a `Client`.
 *
 * @example
 * ```ts
 * import type { KpiSource } from '@zhizhi/core/kpi';
 * import type { Client } from '@zhizhi/core/client';
 * const source = (client: Client): KpiSource => client;
 * ```
 */
export interface KpiSource {
  listCases(query?: Omit<CaseQuery, 'kind'>): Promise<Page<CaseRecord>>;
  audit(id: string): Promise<AuditEntry[]>;
}

/** KPIs read at most this many cases (a larger scope should ask per town or per period). */
export const KPI_MAX_CASES = 20_000;

/**
 * The KPIs of the cases `query` selects: reads them a page at a time with their trails and
 * calls {@link computeKpis} at `now`. The one computation behind `LocalClient.kpis` and the
 * server's `GET /api/kpis` (which passes the towns of the caller's scope as `towns`).
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { LocalClient } from '@zhizhi/core/client';
 * import { readKpis } from '@zhizhi/core/kpi';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * const client = new LocalClient({ directory: new Directory(sampleOrg) });
 * const k = await readKpis(client, { townId: 'qj-sj', section: 'safetyRuleOfLaw' }, { now: Date.now() });
 * console.log(k.cases, k.slaCompliance.resolve.rate);
 * ```
 */
export async function readKpis(
  source: KpiSource,
  query: KpiQuery,
  options: { now: number; towns?: readonly string[] },
): Promise<Kpis> {
  const towns: (string | undefined)[] =
    query.townId !== undefined ? [query.townId] : options.towns ? [...options.towns] : [undefined];
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const cases: CaseWithTrail[] = [];
  for (const townId of towns) {
    let cursor: string | undefined;
    do {
      const page = await source.listCases({
        ...(townId !== undefined ? { townId } : {}),
        ...(query.section ? { section: query.section } : {}),
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const record of page.items) {
        const audit = await source.audit(record.id);
        const reportedAt = audit[0]?.at ?? 0;
        if (reportedAt >= from && reportedAt < to) cases.push({ record, audit });
      }
      cursor = page.cursor ?? undefined;
    } while (cursor && cases.length < KPI_MAX_CASES);
  }
  return computeKpis(cases, { now: options.now });
}
