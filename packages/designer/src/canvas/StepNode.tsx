import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { fitText, NODE_FONT_FAMILY, textWidth, widthAtMost } from './fitText.js';
import type { StepFlowNode } from './StepNodeData.js';
import { NODE_HEADER, NODE_WIDTH, rowCentre, stepNodeSize } from './stepNodeLayout.js';

// The text boxes of a node, in CSS pixels (designer.css: the widest border, the paddings, the
// icon and the badge), less 2 pixels of slack: the text is cut to fit them instead of being
// clipped (see fitText).
const BORDER = 2;
const LABEL_WIDTH = NODE_WIDTH - 2 * BORDER - 2 * 6 - 18 - 5 - 2;
const BADGE_WIDTH = 5 + 28;
const KIND_WIDTH = NODE_WIDTH - 2 * BORDER - 2 * 6 - 2;
const ROW_WIDTH = NODE_WIDTH - 2 * BORDER - 2 * 8 - 2;
const LABEL_FONT = `600 13px ${NODE_FONT_FAMILY}`;
const TEXT_FONT = `12px ${NODE_FONT_FAMILY}`;
const CODE_FONT = '12px ui-monospace, monospace';

/** A text cut to `width`, with the whole text as its tooltip when cut. */
function Fitted(props: {
  className: string;
  text: string;
  font: string;
  width: number;
  code?: boolean;
}) {
  const { className, text, font, width } = props;
  const shown = fitText(text, font, width);
  const title = shown === text ? undefined : text;
  return props.code ? (
    <code className={className} title={title}>
      {shown}
    </code>
  ) : (
    <span className={className} title={title}>
      {shown}
    </span>
  );
}

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
  const badge = data.errors + data.warnings > 0;
  const kind = `${data.kindName} · `;
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
        <Fitted
          className="zz-step__label"
          text={data.label}
          font={LABEL_FONT}
          width={LABEL_WIDTH - (badge ? BADGE_WIDTH : 0)}
        />
        {badge ? (
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
        {kind}
        <Fitted
          className="zz-step__id"
          text={data.id}
          font={CODE_FONT}
          code
          width={
            widthAtMost(kind + data.id, TEXT_FONT) <= KIND_WIDTH
              ? KIND_WIDTH // the whole line fits: nothing to measure
              : Math.max(0, KIND_WIDTH - (textWidth(kind, TEXT_FONT) ?? 0))
          }
        />
      </div>
      {data.outcomes.map((o, i) => (
        <div
          key={o.id}
          className={`zz-step__row${o.timeout ? ' zz-step__row--timeout' : ''}${o.connected ? '' : ' zz-step__row--open'}`}
          style={{ top: rowCentre(i) - 9 }}
        >
          <Fitted className="zz-step__outcome" text={o.label} font={TEXT_FONT} width={ROW_WIDTH} />
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
