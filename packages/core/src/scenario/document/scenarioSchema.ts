import * as z from 'zod/mini';
import { alertRoutingSchema } from '../../alert/alertRoutingSchema.js';
import { outcomes } from '../../case/caseStatus.js';
import { FIELD_ID_PATTERN } from '../../expr/fieldName.js';
import { NOT_UNSAFE_ID } from '../../ids/unsafeIdPattern.js';
import { roles } from '../../org/roles.js';
import { durationSchema } from '../../sla/durationSchema.js';
import { GOTO_PATTERN, ID_PATTERN, KPI_FROM_PATTERN } from './scenarioIds.js';
import { MAX_STEPS } from './scenarioLimits.js';

/** Step, field, trigger and outcome ids: they become XState state keys and event fields. */
const key = z.string().check(z.regex(ID_PATTERN));
const ref = z.string().check(z.minLength(1), z.maxLength(128));
/** A name that keys data (a category, a list): a safe id, as a pattern JSON Schema can carry. */
const safeRef = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(new RegExp(`^${NOT_UNSAFE_ID}`)));
const duration = durationSchema;
const text = z.object({
  zh: z.string().check(z.minLength(1), z.maxLength(400)),
  en: z.string().check(z.minLength(1), z.maxLength(400)),
});
/** Where a step goes next: another step's id, or `@join` to finish a parallel branch. */
const goto = z.string().check(z.regex(GOTO_PATTERN));
/** Where the designer draws a step; `pinned`: auto-layout leaves the step where it is. */
const layout = z.optional(
  z.object({ x: z.number(), y: z.number(), pinned: z.optional(z.boolean()) }),
);
const sla = z.optional(z.object({ within: duration, onTimeout: goto }));

/**
 * The kinds of data a scenario field holds; conditions are type-checked against them.
 *
 * @example
 * ```ts
 * import { fieldTypes } from '@zhizhi/core/scenario';
 * fieldTypes.includes('number'); // true
 * ```
 */
export const fieldTypes = ['string', 'number', 'boolean', 'date', 'string[]', 'number[]'] as const;

/**
 * Who does a human step: everyone holding a role (in the instance's grid/town), a post, or a department.
 *
 * @example
 * ```ts
 * import { assigneeSchema } from '@zhizhi/core/scenario';
 * assigneeSchema.parse({ role: 'gridWorker' });
 * ```
 */
export const assigneeSchema = z.union([
  z.object({ role: z.enum(roles) }),
  z.object({ post: ref }),
  z.object({ department: ref }),
]);

/**
 * A party a `notify` step (or an alert route) reaches.
 *
 * @example
 * ```ts
 * import { recipientSchema } from '@zhizhi/core/scenario';
 * recipientSchema.parse({ kind: 'cityOperationsCenter', id: 'qj-cyzx' });
 * ```
 */
export const recipientSchema = z.object({
  kind: z.enum([
    'post',
    'department',
    'cityOperationsCenter',
    'commandCenter',
    'community',
    'grid',
    'role',
    'family',
  ]),
  id: ref,
});

const dispatchTarget = z.object({ kind: z.enum(['post', 'department']), id: ref });
const base = { id: key, label: z.optional(text), layout };

/**
 * zod schemas of the nine step kinds, keyed by kind.
 *
 * @example
 * ```ts
 * import { stepSchemas } from '@zhizhi/core/scenario';
 * stepSchemas.end.parse({ id: 'done', kind: 'end', outcome: 'resolved' });
 * ```
 */
export const stepSchemas = {
  task: z.object({
    ...base,
    kind: z.literal('task'),
    assignee: assigneeSchema,
    form: z.optional(z.array(key).check(z.maxLength(50))),
    outcomes: z
      .array(z.object({ id: key, label: z.optional(text), to: goto }))
      .check(z.minLength(1), z.maxLength(20)),
    sla,
  }),
  dispatch: z.object({
    ...base,
    kind: z.literal('dispatch'),
    lead: dispatchTarget,
    coHandlers: z.optional(z.array(dispatchTarget).check(z.maxLength(12))),
    category: z.optional(safeRef),
    next: goto,
    sla,
  }),
  notify: z.object({
    ...base,
    kind: z.literal('notify'),
    to: z.array(recipientSchema).check(z.minLength(1), z.maxLength(50)),
    channels: z
      .array(z.enum(['app', 'sms', 'voice', 'screen']))
      .check(z.minLength(1), z.maxLength(4)),
    fields: z.optional(z.array(key).check(z.maxLength(50))),
    message: z.optional(text),
    next: goto,
  }),
  decision: z.object({
    ...base,
    kind: z.literal('decision'),
    branches: z
      .array(z.object({ when: z.string().check(z.minLength(1), z.maxLength(2000)), to: goto }))
      .check(z.minLength(1), z.maxLength(20)),
    otherwise: goto,
  }),
  parallel: z.object({
    ...base,
    kind: z.literal('parallel'),
    branches: z
      .array(z.object({ id: key, start: key, label: z.optional(text) }))
      .check(z.minLength(2), z.maxLength(12)),
    join: z.enum(['all', 'any']),
    next: goto,
  }),
  wait: z.object({
    ...base,
    kind: z.literal('wait'),
    for: z.union([
      z.object({ signal: ref }),
      z.object({ event: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,63}$/)) }),
      z.object({ duration }),
    ]),
    next: goto,
    sla,
  }),
  escalate: z.object({
    ...base,
    kind: z.literal('escalate'),
    to: z.enum(['community', 'town', 'district']),
    reason: z.optional(text),
    next: goto,
  }),
  campaign: z.object({
    ...base,
    kind: z.literal('campaign'),
    targets: z.object({
      kind: z.enum(['households', 'keyPlaces', 'grids', 'communities']),
      list: z.optional(safeRef),
    }),
    task: z.object({
      label: text,
      assignee: assigneeSchema,
      form: z.optional(z.array(key).check(z.maxLength(50))),
    }),
    complete: z.object({ coverage: z.number().check(z.gt(0), z.lte(1)) }),
    next: goto,
    sla,
  }),
  end: z.object({ ...base, kind: z.literal('end'), outcome: z.enum(outcomes) }),
};

/**
 * zod schema of one step: a domain block, discriminated by `kind`.
 *
 * @example
 * ```ts
 * import { stepSchema } from '@zhizhi/core/scenario';
 * stepSchema.safeParse({ id: 'x', kind: 'teleport' }).success; // false
 * ```
 */
export const stepSchema = z.discriminatedUnion('kind', [
  stepSchemas.task,
  stepSchemas.dispatch,
  stepSchemas.notify,
  stepSchemas.decision,
  stepSchemas.parallel,
  stepSchemas.wait,
  stepSchemas.escalate,
  stepSchemas.campaign,
  stepSchemas.end,
]);

/**
 * zod schema of a trigger: what starts an instance, and at which step.
 *
 * @example
 * ```ts
 * import { triggerSchema } from '@zhizhi/core/scenario';
 * triggerSchema.parse({ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: 'call' });
 * ```
 */
export const triggerSchema = z.discriminatedUnion('kind', [
  z.object({
    id: key,
    kind: z.literal('sensor'),
    match: z.object({
      types: z.array(ref).check(z.minLength(1), z.maxLength(50)),
      maxLevel: z.optional(z.literal([1, 2, 3])),
    }),
    fields: z.optional(z.array(z.object({ field: key, from: ref })).check(z.maxLength(200))),
    start: key,
  }),
  z.object({
    id: key,
    kind: z.literal('report'),
    fields: z.array(key).check(z.maxLength(200)),
    start: key,
  }),
  z.object({ id: key, kind: z.literal('schedule'), every: duration, start: key }),
  z.object({
    id: key,
    kind: z.literal('manual'),
    roles: z.array(z.enum(roles)).check(z.maxLength(roles.length)),
    start: key,
  }),
]);

/**
 * zod schema of a scenario field.
 *
 * @example
 * ```ts
 * import { fieldSchema } from '@zhizhi/core/scenario';
 * fieldSchema.parse({ id: 'heartRate', type: 'number', label: { zh: '心率', en: 'Heart rate' }, pii: true });
 * ```
 */
export const fieldSchema = z.object({
  id: z.string().check(z.regex(FIELD_ID_PATTERN)),
  type: z.enum(fieldTypes),
  label: text,
  required: z.optional(z.boolean()),
  pii: z.optional(z.boolean()),
});

/**
 * zod schema of a scenario KPI: a duration between two steps, a campaign's coverage, or a count of outcomes.
 *
 * @example
 * ```ts
 * import { kpiSchema } from '@zhizhi/core/scenario';
 * kpiSchema.parse({ id: 'disposal', kind: 'duration', label: { zh: '处置用时', en: 'Disposal time' }, from: '@start', to: 'done', target: 'PT30M' });
 * ```
 */
export const kpiSchema = z.discriminatedUnion('kind', [
  z.object({
    id: key,
    kind: z.literal('duration'),
    label: text,
    from: z.string().check(z.regex(KPI_FROM_PATTERN)),
    to: key,
    target: z.optional(duration),
  }),
  z.object({
    id: key,
    kind: z.literal('coverage'),
    label: text,
    campaign: key,
    target: z.optional(z.number().check(z.gt(0), z.lte(1))),
  }),
  z.object({
    id: key,
    kind: z.literal('count'),
    label: text,
    outcome: z.optional(z.enum(outcomes)),
  }),
]);

/**
 * The current version of the scenario document format.
 *
 * @example
 * ```ts
 * import { SCENARIO_FORMAT } from '@zhizhi/core/scenario';
 * SCENARIO_FORMAT; // 'zhizhi.scenario/1'
 * ```
 */
export const SCENARIO_FORMAT = 'zhizhi.scenario/1';

/**
 * zod schema of a scenario document (一件事): a versioned JSON document with triggers, data
 * fields (with `pii` marks), participants, steps and their transitions (inside each step:
 * `to`, `next`, `otherwise`, `onTimeout`), SLAs (per step), KPIs, optional alert routing, and
 * per-step layout positions the designer keeps.
 *
 * @example
 * ```ts
 * import { scenarioSchema } from '@zhizhi/core/scenario';
 * scenarioSchema.safeParse({ format: 'zhizhi.scenario/1' }).success; // false: id, name, … missing
 * ```
 */
export const scenarioSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  id: key,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
  name: text,
  description: z.optional(text),
  category: z.optional(safeRef),
  triggers: z.array(triggerSchema).check(z.minLength(1), z.maxLength(20)),
  fields: z.array(fieldSchema).check(z.maxLength(200)),
  participants: z.object({
    roles: z.array(z.enum(roles)).check(z.maxLength(roles.length)),
    posts: z.optional(z.array(ref).check(z.maxLength(500))),
    departments: z.optional(z.array(ref).check(z.maxLength(500))),
    centers: z.optional(z.array(ref).check(z.maxLength(500))),
  }),
  steps: z.array(stepSchema).check(z.minLength(1), z.maxLength(MAX_STEPS)),
  kpis: z.optional(z.array(kpiSchema).check(z.maxLength(50))),
  /** Routing of sensor alerts by level (分级推送), for scenarios with sensor triggers. */
  alertRouting: z.optional(alertRoutingSchema),
});

/**
 * A scenario document.
 *
 * @example
 * ```ts
 * import type { Scenario } from '@zhizhi/core/scenario';
 * const stepIds = (s: Scenario) => s.steps.map((step) => step.id);
 * ```
 */
export type Scenario = z.infer<typeof scenarioSchema>;
/**
 * One step of a scenario.
 *
 * @example
 * ```ts
 * import type { ScenarioStep } from '@zhizhi/core/scenario';
 * const isHuman = (s: ScenarioStep) => s.kind === 'task' || s.kind === 'campaign';
 * ```
 */
export type ScenarioStep = z.infer<typeof stepSchema>;
/**
 * A scenario field's type.
 *
 * @example
 * ```ts
 * import type { ScenarioFieldType } from '@zhizhi/core/scenario';
 * const t: ScenarioFieldType = 'number[]';
 * ```
 */
export type ScenarioFieldType = (typeof fieldTypes)[number];
