import { stepIndex } from '../graph/stepIndex.js';
import { canSetProperty } from '../rules/canSetProperty.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';

type SetProperty = Extract<Command, { type: 'setProperty' }>;

/**
 * `setProperty`: sets (or removes) the value at a path inside a step, or in the document
 * outside `steps`; refused as {@link canSetProperty}.
 *
 * @internal
 * @example
 * ```ts
 * setProperty.refusals(doc, { type: 'setProperty', step: 'call', path: ['assignee'], value: { role: 'gridWorker' } });
 * ```
 */
export const setProperty: CommandHandler<SetProperty> = {
  label: { zh: '修改属性', en: 'Change property' },
  refusals: (doc, c) => canSetProperty(doc, c.step, c.path, c.value),
  apply(b, c) {
    const at = c.step === undefined ? [] : ['steps', stepIndex(b.doc).get(c.step) as number];
    b.set([...at, ...c.path], c.value);
  },
};
