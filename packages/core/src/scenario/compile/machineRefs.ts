import * as z from 'zod/mini';
import { exprNodeSchema } from '../../expr/exprNodeSchema.js';
import { durationSchema } from '../../sla/durationSchema.js';
import { ID_PATTERN } from '../document/scenarioIds.js';
import { assigneeSchema, recipientSchema } from '../document/scenarioSchema.js';

const step = z.string().check(z.regex(ID_PATTERN));
const name = z.string().check(z.minLength(1), z.maxLength(128));
const text = z.nullable(z.object({ zh: z.string(), en: z.string() }));
const target = z.object({ kind: z.enum(['post', 'department']), id: name });

/**
 * Every action a compiled scenario machine may name, with the schema of its params. Machine
 * JSON naming anything else, or with other params, is refused before XState sees it.
 *
 * @example
 * ```ts
 * import { scenarioActionParams } from '@zhizhi/core/scenario';
 * Object.keys(scenarioActionParams).includes('zz.notify'); // true
 * ```
 */
export const scenarioActionParams = {
  'zz.enter': z.object({ step }),
  'zz.startTimer': z.object({ step, within: durationSchema }),
  'zz.cancelTimer': z.object({ step }),
  'zz.record': z.object({ step, fields: z.array(step) }),
  'zz.recordSignal': z.object({ step }),
  'zz.dispatch': z.object({
    step,
    lead: target,
    coHandlers: z.array(target),
    category: z.nullable(name),
  }),
  'zz.notify': z.object({
    step,
    to: z.array(recipientSchema),
    channels: z.array(z.enum(['app', 'sms', 'voice', 'screen'])),
    fields: z.array(step),
    message: text,
  }),
  'zz.escalate': z.object({ step, to: z.enum(['community', 'town', 'district']), reason: text }),
  'zz.campaign': z.object({
    step,
    list: name,
    task: z.object({
      label: z.object({ zh: z.string(), en: z.string() }),
      assignee: assigneeSchema,
      form: z.optional(z.array(step)),
    }),
  }),
  'zz.checkIn': z.object({ step, fields: z.array(step) }),
  'zz.branchDone': z.object({ step }),
  'zz.end': z.object({ outcome: name }),
};

/**
 * Every guard a compiled scenario machine may name, with the schema of its params.
 *
 * @example
 * ```ts
 * import { scenarioGuardParams } from '@zhizhi/core/scenario';
 * scenarioGuardParams['zz.when'].safeParse({ expr: { kind: 'literal', value: true } }).success; // true
 * ```
 */
export const scenarioGuardParams = {
  'zz.trigger': z.object({ trigger: step }),
  'zz.stepIs': z.object({ step }),
  'zz.outcome': z.object({ step, outcome: step }),
  'zz.when': z.object({ expr: exprNodeSchema }),
  'zz.named': z.object({ name }),
  'zz.covered': z.object({ step, coverage: z.number().check(z.gt(0), z.lte(1)) }),
};
