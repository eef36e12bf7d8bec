import type { ChangeBuilder } from '../history/ChangeBuilder.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import type { Command } from './Command.js';
import type { Refusal } from './Refusal.js';

/**
 * How one command is checked and done: `refusals` is its rule (the same function the canvas
 * asks before offering the gesture; empty means allowed), `apply` records its changes.
 * Undo and redo replay the recorded changes, never the handler.
 *
 * @internal
 * @example
 * ```ts
 * const h: CommandHandler<{ type: 'moveStep'; step: string; position: { x: number; y: number } }> = {
 *   label: { zh: '移动步骤', en: 'Move step' },
 *   refusals: () => [],
 *   apply: () => {},
 * };
 * ```
 */
export interface CommandHandler<C extends Command> {
  label: { zh: string; en: string };
  refusals(doc: ScenarioDraft, command: C): Refusal[];
  apply(b: ChangeBuilder, command: C): void;
}
