import { stepPosition } from '../canvas/toFlowNodes.js';
import type { Command, Json, ScenarioDraft } from '../model/index.js';
import { isPinned } from './isPinned.js';

/**
 * The commands that pin (or, when every one of them is pinned, unpin) the given steps: one
 * `setProperty` of each step's `layout`, run together as one undo step.
 *
 * @example
 * ```ts
 * import { pinCommands } from '@zhizhi/designer';
 * run(pinCommands(doc, ['call']), 'pin'); // call stays put on auto-layout
 * ```
 */
export function pinCommands(doc: ScenarioDraft, ids: Iterable<string>): Command[] {
  const want = new Set(ids);
  const steps = doc.steps.map((s, i) => ({ s, i })).filter(({ s }) => want.has(s.id));
  const pin = !steps.every(({ s }) => isPinned(s));
  return steps.map(({ s, i }): Command => {
    const p = stepPosition(s, i);
    const value: Json = pin ? { x: p.x, y: p.y, pinned: true } : { x: p.x, y: p.y };
    return { type: 'setProperty', step: s.id, path: ['layout'], value };
  });
}
