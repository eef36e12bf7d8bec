import type { Lang } from '@zhizhi/core';
import type { Scenario } from '@zhizhi/core/scenario';
import { activeSteps } from '@zhizhi/core/scenario';
import type { Messages } from '../i18n/translate.js';

type Step = Scenario['steps'][number];
type TaskStep = Extract<Step, { kind: 'task' }>;

/**
 * Who views a scenario instance: a role, a post and/or a department (any that is given must
 * match a task's assignee for the task to be offered; none given offers every active task and
 * leaves the decision to the runtime).
 *
 * @example
 * ```ts
 * import type { ScenarioViewer } from '@zhizhi/widgets';
 * const v: ScenarioViewer = { role: 'gridWorker' };
 * ```
 */
export interface ScenarioViewer {
  role?: string | undefined;
  post?: string | undefined;
  department?: string | undefined;
}

/**
 * The task steps of `doc` that are active in `status` and assigned to `viewer` (campaign
 * check-ins are not offered).
 *
 * @example
 * ```ts
 * import { scenarioTasks } from '@zhizhi/widgets';
 * // scenarioTasks(doc, 'call', { role: 'dutyOfficer' }).map((s) => s.id) → ['call']
 * ```
 */
export function scenarioTasks(doc: Scenario, status: string, viewer: ScenarioViewer): TaskStep[] {
  const active = new Set(activeSteps(status));
  const out: TaskStep[] = [];
  for (const s of doc.steps) {
    if (s.kind !== 'task' || !active.has(s.id)) continue;
    const a = s.assignee as Record<string, string>;
    const given = viewer.role || viewer.post || viewer.department;
    const match =
      !given ||
      (a.role !== undefined && a.role === viewer.role) ||
      (a.post !== undefined && a.post === viewer.post) ||
      (a.department !== undefined && a.department === viewer.department);
    if (match) out.push(s);
  }
  return out;
}

/**
 * The JSON Schema of a task's form, built from the scenario's fields it names, so that the
 * widgets' schema-form helpers (`fieldsOf`, `renderSchemaFields`, `payloadOf`) build it.
 *
 * @example
 * ```ts
 * import { fieldsOf, taskFormSchema } from '@zhizhi/widgets';
 * // fieldsOf(taskFormSchema(doc, visitStep)) → [{ path: 'condition', kind: 'textarea', … }]
 * ```
 */
export function taskFormSchema(doc: Scenario, step: TaskStep): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const id of step.form ?? []) {
    const f = doc.fields.find((x) => x.id === id);
    if (!f) continue;
    properties[id] = fieldJsonSchema(f.type);
    if (f.required) required.push(id);
  }
  return { type: 'object', properties, required };
}

function fieldJsonSchema(type: Scenario['fields'][number]['type']): Record<string, unknown> {
  switch (type) {
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', maxLength: 40 };
    case 'string[]':
    case 'number[]':
      return { type: 'array', items: { type: 'string', maxLength: 4000 } };
    default:
      return { type: 'string', maxLength: 4000 };
  }
}

/**
 * The labels of a scenario's fields as a message table (for `renderSchemaFields`' `labels`).
 *
 * @example
 * ```ts
 * import { fieldLabels } from '@zhizhi/widgets';
 * // fieldLabels(doc).condition → { zh: '现场情况', en: 'Condition on site' }
 * ```
 */
export function fieldLabels(doc: Scenario): Messages {
  return Object.fromEntries(doc.fields.map((f) => [f.id, f.label]));
}

/**
 * A step's label in `lang` (its id when it has none).
 *
 * @example
 * ```ts
 * import { stepLabel } from '@zhizhi/widgets';
 * // stepLabel(doc, 'call', 'en') → 'Call the person'
 * ```
 */
export function stepLabel(doc: Scenario | undefined, id: string, lang: Lang): string {
  const s = doc?.steps.find((x) => x.id === id);
  const l = s && 'label' in s ? (s.label as { zh: string; en: string } | undefined) : undefined;
  return l ? (lang === 'en' ? l.en : l.zh) : id;
}

/**
 * The labels of the steps a stored status is in, joined (a parallel state lists its branches).
 *
 * @example
 * ```ts
 * import { statusLabel } from '@zhizhi/widgets';
 * // statusLabel(doc, 'visit', 'zh-CN') → '最近的网格员上门'
 * ```
 */
export function statusLabel(doc: Scenario | undefined, status: string, lang: Lang): string {
  let steps: string[];
  try {
    steps = activeSteps(status);
  } catch {
    return status;
  }
  return steps.map((s) => stepLabel(doc, s, lang)).join('、');
}
