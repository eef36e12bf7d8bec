import type { Scenario, ScenarioStep } from '@zhizhi/core/scenario';
import type { Json } from './history/Change.js';

/** The kind of a step: `task`, `dispatch`, `notify`, `decision`, `parallel`, `wait`, `escalate`, `campaign` or `end`. */
export type StepKind = ScenarioStep['kind'];

/**
 * A step as the designer holds it: possibly half-filled (a transition not connected yet, a task
 * with no assignee yet). The checker still reads the rest of the document around it.
 *
 * @example
 * ```ts
 * import type { DraftStep } from '@zhizhi/designer/model';
 * const s: DraftStep = { id: 'visit', kind: 'task', layout: { x: 0, y: 0 } };
 * ```
 */
export interface DraftStep {
  id: string;
  kind: StepKind;
  layout?: { x: number; y: number };
  [key: string]: Json | undefined;
}

/**
 * The scenario document the designer edits: the document itself (`zhizhi.scenario/1`, layout
 * in each step's `layout`), whose steps may be half-filled while being edited.
 *
 * @example
 * ```ts
 * import type { ScenarioDraft } from '@zhizhi/designer/model';
 * const ids = (doc: ScenarioDraft) => doc.steps.map((s) => s.id);
 * ```
 */
export type ScenarioDraft = Omit<Scenario, 'steps'> & { steps: DraftStep[] };

/** The document as JSON (for the change functions). @internal */
export const asJson = (doc: ScenarioDraft): Json => doc as unknown as Json;
