import type { LocalizedText } from '@zhizhi/core';
import type { DutyLists } from '@zhizhi/core/duty';

/**
 * A category a report may take: its id and, when known, its name in both languages.
 *
 * @example
 * ```ts
 * import type { ReportCategory } from '@zhizhi/widgets';
 * const c: ReportCategory = { id: 'riverPollution', name: { zh: '河道污染', en: 'River pollution' } };
 * ```
 */
export interface ReportCategory {
  id: string;
  name?: LocalizedText;
}

/**
 * The categories of a town's routing lists (the statutory list, then the department-led
 * list), each once — the categories a report there can be routed by.
 *
 * @example
 * ```ts
 * import { reportCategories } from '@zhizhi/widgets';
 * import { sampleDutyLists } from '@zhizhi/core/sample';
 * reportCategories(sampleDutyLists).map((c) => c.id); // ['riverPollution', 'waterlogging', …]
 * ```
 */
export function reportCategories(lists: DutyLists): ReportCategory[] {
  const ids = [
    ...lists.statutory.map((s) => s.category),
    ...lists.departmentLed.map((d) => d.category),
  ];
  return [...new Set(ids)].map((id) => ({ id }));
}
