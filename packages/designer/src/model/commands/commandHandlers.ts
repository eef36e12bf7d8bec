import { addBranch, removeBranch } from './addBranch.js';
import { addStep } from './addStep.js';
import type { Command, CommandType } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';
import { connect, disconnect } from './connect.js';
import { deleteStep } from './deleteStep.js';
import { moveStep } from './moveStep.js';
import { pasteSteps } from './pasteSteps.js';
import { renameStep } from './renameStep.js';
import { setProperty } from './setProperty.js';

/**
 * Every command's handler, by name: one place that says what each command checks and does.
 *
 * @internal
 * @example
 * ```ts
 * commandHandlers.moveStep.label.zh; // '移动步骤'
 * ```
 */
export const commandHandlers: {
  [K in CommandType]: CommandHandler<Extract<Command, { type: K }>>;
} = {
  addStep,
  moveStep,
  deleteStep,
  connect,
  disconnect,
  setProperty,
  renameStep,
  addBranch,
  removeBranch,
  pasteSteps,
};
