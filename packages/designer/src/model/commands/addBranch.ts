import { stepIndex } from '../graph/stepIndex.js';
import type { Json } from '../history/Change.js';
import { canAddBranch, canRemoveBranch } from '../rules/canAddBranch.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';

type AddBranch = Extract<Command, { type: 'addBranch' }>;
type RemoveBranch = Extract<Command, { type: 'removeBranch' }>;

/**
 * `addBranch`: adds a branch to a parallel step, starting at a free step or at a new step it
 * adds too (one undo step); refused as {@link canAddBranch}.
 *
 * @internal
 * @example
 * ```ts
 * addBranch.refusals(doc, { type: 'addBranch', parallel: 'handle', branch: { id: 'b3' }, start: 'x' });
 * ```
 */
export const addBranch: CommandHandler<AddBranch> = {
  label: { zh: '添加并行分支', en: 'Add parallel branch' },
  refusals: (doc, c) => canAddBranch(doc, c.parallel, c.branch?.id, c.start),
  apply(b, c) {
    let start: string;
    if (typeof c.start === 'string') start = c.start;
    else {
      b.insert(['steps'], b.doc.steps.length, c.start as unknown as Json);
      start = c.start.id;
    }
    const p = stepIndex(b.doc).get(c.parallel) as number;
    const branches = b.get(['steps', p, 'branches']);
    const branch: Record<string, Json> = { id: c.branch.id, start };
    if (c.branch.label) branch.label = { zh: c.branch.label.zh, en: c.branch.label.en };
    // a parallel step fresh from the palette has no branches list yet
    if (Array.isArray(branches)) b.insert(['steps', p, 'branches'], branches.length, branch);
    else b.set(['steps', p, 'branches'], [branch]);
  },
};

/**
 * `removeBranch`: removes a branch of a parallel step (its steps stay, free); refused as
 * {@link canRemoveBranch}.
 *
 * @internal
 * @example
 * ```ts
 * removeBranch.refusals(doc, { type: 'removeBranch', parallel: 'handle', branch: 'b3' });
 * ```
 */
export const removeBranch: CommandHandler<RemoveBranch> = {
  label: { zh: '删除并行分支', en: 'Remove parallel branch' },
  refusals: (doc, c) => canRemoveBranch(doc, c.parallel, c.branch),
  apply(b, c) {
    const p = stepIndex(b.doc).get(c.parallel) as number;
    const branches = b.get(['steps', p, 'branches']) as { id?: Json }[];
    b.remove(
      ['steps', p, 'branches'],
      branches.findIndex((x) => x.id === c.branch),
    );
  },
};
