import type { StepKind } from '../model/index.js';

/**
 * The icon of each step kind, as one character (drawn by the palette and the nodes).
 *
 * @example
 * ```ts
 * import { stepIcons } from '@zhizhi/designer';
 * stepIcons.notify; // '🔔'
 * ```
 */
export const stepIcons: Readonly<Record<StepKind, string>> = {
  task: '👤',
  dispatch: '📤',
  notify: '🔔',
  decision: '🔀',
  parallel: '⏸',
  wait: '⏳',
  escalate: '⏫',
  campaign: '🏘',
  end: '🏁',
};
