import { stepIndex } from '../graph/stepIndex.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';
import { type Refusal, refuse } from './Refusal.js';

type MoveStep = Extract<Command, { type: 'moveStep' }>;

/**
 * `moveStep`: sets a step's `layout` to `position`. Refused for an unknown step or a position
 * that is not two finite numbers. A drag sends one per pointer move with the same `group`, and
 * the history keeps them as one undo step.
 *
 * @internal
 * @example
 * ```ts
 * moveStep.refusals(doc, { type: 'moveStep', step: 'nope', position: { x: 0, y: 0 } })[0]?.code;
 * // 'designer.unknownStep'
 * ```
 */
export const moveStep: CommandHandler<MoveStep> = {
  label: { zh: '移动步骤', en: 'Move step' },
  refusals(doc, c) {
    const out: Refusal[] = [];
    if (!stepIndex(doc).has(c.step))
      out.push(refuse('designer.unknownStep', ['step'], { id: c.step }));
    const p = c.position;
    if (!(Number.isFinite(p?.x) && Number.isFinite(p?.y))) {
      out.push(refuse('designer.badPosition', ['position']));
    }
    return out;
  },
  apply(b, c) {
    const i = stepIndex(b.doc).get(c.step) as number;
    // a pinned step (layout.pinned, kept by auto-layout) stays pinned where it is moved to
    const pinned = (b.doc.steps[i]?.layout as { pinned?: unknown } | undefined)?.pinned === true;
    b.set(['steps', i, 'layout'], {
      x: c.position.x,
      y: c.position.y,
      ...(pinned ? { pinned: true } : {}),
    });
  },
};
