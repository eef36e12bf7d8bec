import { outcomesOf } from '../graph/outcomesOf.js';
import { stepIndex } from '../graph/stepIndex.js';
import { canDelete } from '../rules/canDelete.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';

type DeleteStep = Extract<Command, { type: 'deleteStep' }>;

/**
 * `deleteStep`: removes a step, leaves every transition that led to it leading nowhere, and
 * removes the KPIs that name it; refused as {@link canDelete}.
 *
 * @internal
 * @example
 * ```ts
 * deleteStep.refusals(doc, { type: 'deleteStep', step: 'visit' });
 * ```
 */
export const deleteStep: CommandHandler<DeleteStep> = {
  label: { zh: '删除步骤', en: 'Delete step' },
  refusals: (doc, c) => canDelete(doc, c.step),
  apply(b, c) {
    b.doc.steps.forEach((s, i) => {
      for (const o of outcomesOf(s)) if (o.to === c.step) b.set(['steps', i, ...o.path], undefined);
    });
    const kpis = b.doc.kpis ?? [];
    for (let k = kpis.length - 1; k >= 0; k--) {
      const kpi = kpis[k] as Record<string, unknown>;
      if (kpi.from === c.step || kpi.to === c.step || kpi.campaign === c.step)
        b.remove(['kpis'], k);
    }
    b.remove(['steps'], stepIndex(b.doc).get(c.step) as number);
  },
};
