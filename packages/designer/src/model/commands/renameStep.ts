import { outcomesOf } from '../graph/outcomesOf.js';
import { stepIndex } from '../graph/stepIndex.js';
import { canRename } from '../rules/canRename.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';

type RenameStep = Extract<Command, { type: 'renameStep' }>;

/**
 * `renameStep`: changes a step's id and every reference to it — transitions, branch starts,
 * trigger starts, KPI `from`/`to`/`campaign`; refused as {@link canRename}.
 *
 * @internal
 * @example
 * ```ts
 * renameStep.refusals(doc, { type: 'renameStep', step: 'call', to: 'callBack' });
 * ```
 */
export const renameStep: CommandHandler<RenameStep> = {
  label: { zh: '重命名步骤', en: 'Rename step' },
  refusals: (doc, c) => canRename(doc, c.step, c.to),
  apply(b, c) {
    if (c.step === c.to) return;
    b.set(['steps', stepIndex(b.doc).get(c.step) as number, 'id'], c.to);
    b.doc.steps.forEach((s, i) => {
      for (const o of outcomesOf(s)) if (o.to === c.step) b.set(['steps', i, ...o.path], c.to);
    });
    b.doc.triggers.forEach((t, i) => {
      if (t.start === c.step) b.set(['triggers', i, 'start'], c.to);
    });
    (b.doc.kpis ?? []).forEach((kpi, i) => {
      for (const key of ['from', 'to', 'campaign']) {
        if ((kpi as Record<string, unknown>)[key] === c.step) b.set(['kpis', i, key], c.to);
      }
    });
  },
};
