import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { StepFlowNode } from './StepNodeData.js';
import { NODE_HEADER, rowCentre, stepNodeSize } from './stepNodeLayout.js';

/**
 * A step on the canvas: icon, label, id and kind name, a diagnostics badge, the `in` handle
 * and one handle per outcome. Memoised: it draws again only when its own data changes.
 *
 * @example
 * ```tsx
 * import { StepNode } from '@zhizhi/designer';
 * const nodeTypes = { step: StepNode };
 * ```
 */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { height } = stepNodeSize(data.outcomes.length);
  const cls = ['zz-step', `zz-step--${data.kind}`];
  if (data.errors > 0) cls.push('zz-step--error');
  else if (data.warnings > 0) cls.push('zz-step--warning');
  if (selected) cls.push('zz-step--selected');
  if (data.active) cls.push('zz-step--active');
  return (
    <div
      className={cls.join(' ')}
      data-step={data.id}
      data-active={data.active ? 'true' : undefined}
      style={{ height }}
    >
      <Handle id="in" type="target" position={Position.Left} style={{ top: NODE_HEADER / 2 }} />
      <div className="zz-step__head">
        <span className="zz-step__icon" aria-hidden="true">
          {data.icon}
        </span>
        <span className="zz-step__label">{data.label}</span>
        {data.errors + data.warnings > 0 ? (
          <span
            className={data.errors > 0 ? 'zz-badge zz-badge--error' : 'zz-badge zz-badge--warning'}
            title={data.firstError}
            data-testid="badge"
          >
            {data.errors > 0 ? data.errors : data.warnings}
          </span>
        ) : null}
      </div>
      <div className="zz-step__kind">
        {data.kindName} · <code>{data.id}</code>
      </div>
      {data.outcomes.map((o, i) => (
        <div
          key={o.id}
          className={`zz-step__row${o.timeout ? ' zz-step__row--timeout' : ''}${o.connected ? '' : ' zz-step__row--open'}`}
          style={{ top: rowCentre(i) - 9 }}
        >
          <span className="zz-step__outcome">{o.label}</span>
        </div>
      ))}
      {data.outcomes.map((o, i) => (
        <Handle
          key={o.id}
          id={o.id}
          type="source"
          position={Position.Right}
          style={{ top: rowCentre(i) }}
        />
      ))}
      {data.join ? <Handle id="join" type="target" position={Position.Bottom} /> : null}
    </div>
  );
});
