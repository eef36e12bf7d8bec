import type { Json } from '../history/Change.js';
import { canDrop, canUseId } from '../rules/canDrop.js';
import { isJson } from '../rules/isJson.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';
import { type Refusal, refuse } from './Refusal.js';

type AddStep = Extract<Command, { type: 'addStep' }>;

/**
 * `addStep`: inserts a step (by default at the end of `steps`) with its `layout` set to
 * `position`. Refused as {@link canDrop} refuses, and for a step that is not JSON or whose id
 * is invalid or taken.
 *
 * @internal
 * @example
 * ```ts
 * addStep.refusals(doc, { type: 'addStep', step: { id: 'x', kind: 'end', outcome: 'resolved' } }); // []
 * ```
 */
export const addStep: CommandHandler<AddStep> = {
  label: { zh: '添加步骤', en: 'Add step' },
  refusals(doc, c) {
    const step = c.step as unknown;
    if (typeof step !== 'object' || step === null || !isJson(step)) {
      return [refuse('designer.notJson', ['step'])];
    }
    const out: Refusal[] = [
      ...canDrop(doc, String(c.step.kind), { position: c.position, parent: c.parent }),
      ...canUseId(doc, c.step.id, ['step', 'id']),
    ];
    if (
      c.index !== undefined &&
      !(Number.isInteger(c.index) && c.index >= 0 && c.index <= doc.steps.length)
    ) {
      out.push(
        refuse('designer.badPath', ['index'], {
          path: 'index',
          rule: `an index from 0 to ${doc.steps.length}`,
          ruleZh: `序号须在 0 到 ${doc.steps.length} 之间`,
        }),
      );
    }
    return out;
  },
  apply(b, c) {
    const step: Record<string, Json> = { ...(c.step as unknown as Record<string, Json>) };
    if (c.position) step.layout = { x: c.position.x, y: c.position.y };
    b.insert(['steps'], c.index ?? b.doc.steps.length, step);
  },
};
