import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { formatPath, scenarioDiagnostic } from './scenarioCatalog.js';

type Path = (string | number)[];

const kinds = {
  step: { what: 'step', whatZh: '步骤' },
  field: { what: 'field', whatZh: '字段' },
  trigger: { what: 'trigger', whatZh: '触发条件' },
  outcome: { what: 'task outcome', whatZh: '任务结果' },
  branch: { what: 'parallel branch', whatZh: '并行分支' },
  kpi: { what: 'KPI', whatZh: '指标' },
} as const;

function duplicates(
  items: readonly { id: string }[],
  at: Path,
  kind: keyof typeof kinds,
  out: Diagnostic[],
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) {
      first.set(item.id, i);
      return;
    }
    out.push(
      scenarioDiagnostic('scenario.duplicateId', [...at, i, 'id'], {
        ...kinds[kind],
        id: item.id,
        first: formatPath([...at, seen]),
      }),
    );
  });
}

/**
 * Reports `scenario.duplicateId` for every id used a second time among the steps, fields,
 * triggers and KPIs of a document, the outcomes of one task, and the branches of one parallel
 * step. The path is the second `id`; the message names the first.
 *
 * @internal
 * @example
 * ```ts
 * import { checkIds } from './checkIds.js';
 * // checkIds(doc).map((d) => d.path); // [['steps', 4, 'id']] when steps 1 and 4 are both 'call'
 * ```
 */
export function checkIds(doc: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  duplicates(doc.steps, ['steps'], 'step', out);
  duplicates(doc.fields, ['fields'], 'field', out);
  duplicates(doc.triggers, ['triggers'], 'trigger', out);
  duplicates(doc.kpis ?? [], ['kpis'], 'kpi', out);
  doc.steps.forEach((step, i) => {
    if (step.kind === 'task') duplicates(step.outcomes, ['steps', i, 'outcomes'], 'outcome', out);
    if (step.kind === 'parallel')
      duplicates(step.branches, ['steps', i, 'branches'], 'branch', out);
  });
  return out;
}
