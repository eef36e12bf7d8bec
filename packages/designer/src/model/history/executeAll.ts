import type { Command } from '../commands/Command.js';
import type { Draft, ExecuteResult } from './Draft.js';
import { execute } from './execute.js';

let gestures = 0;

/**
 * Does several commands as one gesture — all or none, one undo step (a drop that adds a step
 * and connects it, a multi-step delete): each is checked against the document the previous
 * ones left; the first refusal refuses the whole gesture and changes nothing.
 *
 * @example
 * ```ts
 * import { executeAll } from '@zhizhi/designer/model';
 * const r = executeAll(draft, [
 *   { type: 'addStep', step: { id: 'visit', kind: 'task' }, position: { x: 240, y: 0 } },
 *   { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'visit' },
 * ]);
 * ```
 */
export function executeAll(
  draft: Draft,
  commands: readonly Command[],
  options: { group?: string } = {},
): ExecuteResult {
  gestures += 1;
  const group = options.group ?? `gesture:${gestures}:${draft.done.length}`;
  let next = draft;
  for (const command of commands) {
    const r = execute(next, command, { group });
    if (!r.ok) return { ok: false, draft, refusals: r.refusals };
    next = r.draft;
  }
  return { ok: true, draft: next };
}
