import type { DraftStep } from '../model/index.js';

/**
 * Whether a step is pinned: auto-layout leaves it where it is. Stored in the step's own
 * layout as `layout.pinned: true` (core's scenario schema: `layout: { x, y, pinned? }`;
 * moving the step keeps it).
 *
 * @example
 * ```ts
 * import { isPinned } from '@zhizhi/designer';
 * isPinned({ id: 'a', kind: 'end', layout: { x: 0, y: 0, pinned: true } } as never); // true
 * ```
 */
export function isPinned(step: DraftStep): boolean {
  return (step.layout as { pinned?: unknown } | undefined)?.pinned === true;
}
