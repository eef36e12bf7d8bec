import type { Node } from '@xyflow/react';
import type { StepKind } from '../model/index.js';

/**
 * What a step node draws: its id, label, kind (name and icon), its outcome rows, and how many
 * errors and warnings the checker found on it.
 *
 * @example
 * ```ts
 * import type { StepNodeData } from '@zhizhi/designer';
 * const hasErrors = (d: StepNodeData) => d.errors > 0;
 * ```
 */
export interface StepNodeData extends Record<string, unknown> {
  id: string;
  label: string;
  kind: StepKind;
  kindName: string;
  icon: string;
  outcomes: { id: string; label: string; timeout: boolean; connected: boolean }[];
  join: boolean;
  errors: number;
  warnings: number;
  firstError?: string;
  /** The step is active in the simulated instance (the simulation panel highlights it). */
  active?: boolean;
}

/** A step node. */
export type StepFlowNode = Node<StepNodeData, 'step'>;

/** The background of one branch of a parallel step. */
export type BranchFlowNode = Node<{ label: string; width: number; height: number }, 'branch'>;
