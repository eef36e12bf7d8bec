import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BranchFlowNode } from './StepNodeData.js';

/**
 * The frame drawn behind the steps of one branch of a parallel step (not selectable, not
 * draggable: the steps inside move, the frame follows).
 *
 * @example
 * ```tsx
 * import { BranchNode } from '@zhizhi/designer';
 * const nodeTypes = { branch: BranchNode };
 * ```
 */
export const BranchNode = memo(function BranchNode({ data }: NodeProps<BranchFlowNode>) {
  return (
    <div className="zz-branch" style={{ width: data.width, height: data.height }}>
      <span className="zz-branch__label">{data.label}</span>
    </div>
  );
});
