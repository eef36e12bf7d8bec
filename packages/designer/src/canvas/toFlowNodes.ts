import { type Lang, pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';
import {
  type DraftCheck,
  type DraftStep,
  outcomesOf,
  type ScenarioDraft,
  stepRegionKeys,
} from '../model/index.js';
import { uiText } from '../panels/uiText.js';
import { outcomeLabel } from './outcomeLabel.js';
import type { BranchFlowNode, StepFlowNode } from './StepNodeData.js';
import { stepIcons } from './stepIcons.js';
import { stepNodeHandles, stepNodeSize } from './stepNodeLayout.js';

/** A cache of built nodes by step object: an unchanged step keeps its node (and its memo). */
export type NodeCache = WeakMap<DraftStep, { key: string; node: StepFlowNode }>;

const PAD = 24;

/** Where a step sits: its `layout`, or a place in a row for a step that has none. @internal */
export function stepPosition(step: DraftStep, index: number): { x: number; y: number } {
  const l = step.layout;
  if (l && Number.isFinite(l.x) && Number.isFinite(l.y)) return { x: l.x, y: l.y };
  return { x: (index % 10) * 240, y: Math.floor(index / 10) * 160 };
}

function stepText(step: DraftStep, lang: Lang): string {
  const l = step.label as { zh?: unknown; en?: unknown } | undefined;
  const t = lang === 'en' ? l?.en : l?.zh;
  return typeof t === 'string' && t !== '' ? t : step.id;
}

/**
 * The React Flow nodes of a draft: one `step` node per step (size and handles given up
 * front, diagnostics counted from `check`), and behind them one `branch` frame per branch of
 * each parallel step, around that branch's steps. A step whose object, selection, diagnostics
 * and language did not change keeps its node object from `cache`.
 *
 * @example
 * ```ts
 * import { checkDraft } from '@zhizhi/designer/model';
 * import { toFlowNodes } from '@zhizhi/designer';
 * const nodes = toFlowNodes(doc, checkDraft(doc), 'zh-CN', new Set(), new WeakMap());
 * ```
 */
export function toFlowNodes(
  doc: ScenarioDraft,
  check: DraftCheck,
  lang: Lang,
  selected: ReadonlySet<string>,
  cache: NodeCache,
  active: ReadonlySet<string> = new Set(),
): (StepFlowNode | BranchFlowNode)[] {
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, number>();
  for (const d of check.diagnostics) {
    if (d.stepId === undefined) continue;
    if (d.severity === 'error') {
      const list = errors.get(d.stepId) ?? [];
      list.push(pickText(d.message, lang));
      errors.set(d.stepId, list);
    } else warnings.set(d.stepId, (warnings.get(d.stepId) ?? 0) + 1);
  }
  const steps: StepFlowNode[] = [];
  const boxes = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  const regions = stepRegionKeys(doc);
  doc.steps.forEach((step, index) => {
    const e = errors.get(step.id) ?? [];
    const w = warnings.get(step.id) ?? 0;
    const position = stepPosition(step, index);
    const isSelected = selected.has(step.id);
    const isActive = active.has(step.id);
    const key = `${lang}|${isSelected}|${isActive}|${e.join('\n')}|${w}|${position.x},${position.y}`;
    const cached = cache.get(step);
    let node = cached?.key === key ? cached.node : undefined;
    if (!node) {
      const ports = outcomesOf(step);
      const join = step.kind === 'parallel';
      const size = stepNodeSize(ports.length);
      node = {
        id: step.id,
        type: 'step',
        position,
        selected: isSelected,
        width: size.width,
        height: size.height,
        handles: stepNodeHandles(
          ports.map((p) => p.outcome),
          join,
        ),
        data: {
          id: step.id,
          label: stepText(step, lang),
          kind: step.kind,
          kindName: label('stepKind', step.kind, lang),
          icon: stepIcons[step.kind] ?? '•',
          outcomes: ports.map((p) => ({
            id: p.outcome,
            label: outcomeLabel(step, p.outcome, lang),
            timeout: p.timeout,
            connected: p.to !== undefined,
          })),
          join,
          errors: e.length,
          warnings: w,
          ...(e[0] === undefined ? {} : { firstError: e[0] }),
          ...(isActive ? { active: true } : {}),
        },
      };
      cache.set(step, { key, node });
    }
    steps.push(node);
    const region = regions.region(step.id);
    if (region !== '') {
      const box = boxes.get(region) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      box.x0 = Math.min(box.x0, position.x);
      box.y0 = Math.min(box.y0, position.y);
      box.x1 = Math.max(box.x1, position.x + (node.width ?? 0));
      box.y1 = Math.max(box.y1, position.y + (node.height ?? 0));
      boxes.set(region, box);
    }
  });
  const frames: BranchFlowNode[] = [];
  for (const [region, b] of boxes) {
    const [parallel = '', branch = ''] = region.split('/');
    const width = b.x1 - b.x0 + 2 * PAD;
    const height = b.y1 - b.y0 + 2 * PAD;
    frames.push({
      id: `branch:${region}`,
      type: 'branch',
      position: { x: b.x0 - PAD, y: b.y0 - PAD },
      width,
      height,
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      data: { label: `${uiText('branch', lang)} ${parallel} → ${branch}`, width, height },
    });
  }
  return [...frames, ...steps];
}
