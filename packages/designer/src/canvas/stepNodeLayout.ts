import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';

/** Width of a step node, in flow pixels. */
export const NODE_WIDTH = 200;
/** Height of a node's header (icon, label, kind). */
export const NODE_HEADER = 52;
/** Height of one outcome row. */
export const NODE_ROW = 22;
const HANDLE = 12;

/**
 * The size of a step node with `rows` outcome rows, given to React Flow up front so that it
 * never has to measure a node before drawing its edges.
 *
 * @example
 * ```ts
 * import { stepNodeSize } from '@zhizhi/designer';
 * stepNodeSize(2); // { width: 200, height: 102 }
 * ```
 */
export function stepNodeSize(rows: number): { width: number; height: number } {
  return { width: NODE_WIDTH, height: NODE_HEADER + NODE_ROW * rows + 6 };
}

/** The vertical centre of outcome row `i`. @internal */
export const rowCentre = (i: number) => NODE_HEADER + NODE_ROW * i + NODE_ROW / 2;

/**
 * The handles of a step node, positioned up front: the `in` target on the left, one source
 * per outcome on the right (named after the outcome), and for a parallel step a `join` target
 * at the bottom that its branches' `@join` transitions reach.
 *
 * @example
 * ```ts
 * import { stepNodeHandles } from '@zhizhi/designer';
 * stepNodeHandles(['next'], false).map((h) => h.id); // ['in', 'next']
 * ```
 */
export function stepNodeHandles(outcomes: readonly string[], join: boolean): NodeHandle[] {
  const h = HANDLE / 2;
  const out: NodeHandle[] = [
    {
      id: 'in',
      type: 'target',
      position: Position.Left,
      x: -h,
      y: NODE_HEADER / 2 - h,
      width: HANDLE,
      height: HANDLE,
    },
  ];
  outcomes.forEach((id, i) => {
    out.push({
      id,
      type: 'source',
      position: Position.Right,
      x: NODE_WIDTH - h,
      y: rowCentre(i) - h,
      width: HANDLE,
      height: HANDLE,
    });
  });
  if (join) {
    const { height } = stepNodeSize(outcomes.length);
    out.push({
      id: 'join',
      type: 'target',
      position: Position.Bottom,
      x: NODE_WIDTH / 2 - h,
      y: height - h,
      width: HANDLE,
      height: HANDLE,
    });
  }
  return out;
}
