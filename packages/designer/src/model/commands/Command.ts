import type { Json } from '../history/Change.js';
import type { DraftStep } from '../ScenarioDraft.js';
import type { Clipboard } from './copySteps.js';

/** A point on the canvas. */
export interface Point {
  x: number;
  y: number;
}

/** A branch of a parallel step, as a drop target. */
export interface BranchRef {
  parallel: string;
  branch: string;
}

/**
 * A named edit of the scenario document, as plain JSON (it is saved in the history):
 *
 * - `addStep`: insert `step` (at the end of `steps`, or at `index`), placed at `position`,
 *   dropped into `parent` (a branch of a parallel step) or at the top level;
 * - `moveStep`: put a step at `position` (a drag sends many, grouped into one undo step);
 * - `deleteStep`: remove a step, disconnect every transition to it and drop the KPIs naming it;
 * - `connect` / `disconnect`: set or clear where an outcome of a step leads;
 * - `setProperty`: set (or with no `value`, remove) any path inside a step — or, with no
 *   `step`, in the document outside `steps`;
 * - `renameStep`: change a step's id and every reference to it;
 * - `addBranch` / `removeBranch`: a branch of a parallel step (a new branch may bring its
 *   start step);
 * - `pasteSteps`: paste steps copied with `copySteps`, renaming colliding ids.
 *
 * @example
 * ```ts
 * import type { Command } from '@zhizhi/designer/model';
 * const c: Command = { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'visit' };
 * ```
 */
export type Command =
  | { type: 'addStep'; step: DraftStep; position?: Point; parent?: BranchRef; index?: number }
  | { type: 'moveStep'; step: string; position: Point }
  | { type: 'deleteStep'; step: string }
  | { type: 'connect'; from: string; outcome: string; to: string }
  | { type: 'disconnect'; from: string; outcome: string }
  | { type: 'setProperty'; step?: string; path: (string | number)[]; value?: Json }
  | { type: 'renameStep'; step: string; to: string }
  | {
      type: 'addBranch';
      parallel: string;
      branch: { id: string; label?: { zh: string; en: string } };
      start: string | DraftStep;
    }
  | { type: 'removeBranch'; parallel: string; branch: string }
  | { type: 'pasteSteps'; clipboard: Clipboard; offset?: Point };

/** The name of a command. */
export type CommandType = Command['type'];
