import type { Edge } from '@xyflow/react';
import { type DraftCheck, outcomesOf, type ScenarioDraft, stepRegionKeys } from '../model/index.js';

/** The id of the edge drawn for outcome `outcome` of step `from`. */
export const edgeId = (from: string, outcome: string) => `${from}::${outcome}`;

/**
 * The React Flow edges of a draft: one per connected outcome, from the outcome's handle to
 * the target's `in` handle — or, for `@join`, to the `join` handle of the parallel step whose
 * branch the step is in. Timeout edges are dashed (`zz-edge--timeout`); an edge the checker
 * finds wrong is drawn as an error (`zz-edge--error`).
 *
 * @example
 * ```ts
 * import { checkDraft } from '@zhizhi/designer/model';
 * import { toFlowEdges } from '@zhizhi/designer';
 * toFlowEdges(doc, checkDraft(doc)).map((e) => e.id); // ['call::outcomes.fine', …]
 * ```
 */
export function toFlowEdges(doc: ScenarioDraft, check: DraftCheck, selected?: string): Edge[] {
  const wrong = new Set<string>();
  for (const d of check.errors)
    if (d.stepId !== undefined) wrong.add(`${d.stepId}|${d.path.slice(2).join('.')}`);
  const regions = stepRegionKeys(doc);
  const edges: Edge[] = [];
  for (const step of doc.steps) {
    for (const o of outcomesOf(step)) {
      if (o.to === undefined) continue;
      let target = o.to;
      let targetHandle = 'in';
      if (o.to === '@join') {
        const region = regions.region(step.id);
        if (region === '') continue;
        target = region.slice(0, region.indexOf('/'));
        targetHandle = 'join';
      }
      const id = edgeId(step.id, o.outcome);
      const cls = [o.timeout ? 'zz-edge--timeout' : ''];
      if (wrong.has(`${step.id}|${o.path.join('.')}`)) cls.push('zz-edge--error');
      edges.push({
        id,
        source: step.id,
        sourceHandle: o.outcome,
        target,
        targetHandle,
        selected: id === selected,
        className: cls.join(' ').trim(),
        data: { outcome: o.outcome },
      });
    }
  }
  return edges;
}
