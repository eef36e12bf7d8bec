import type { ChangeBuilder } from '../history/ChangeBuilder.js';
import { canConnect, canDisconnect } from '../rules/canConnect.js';
import { findOutcome } from '../rules/findOutcome.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';

type Connect = Extract<Command, { type: 'connect' }>;
type Disconnect = Extract<Command, { type: 'disconnect' }>;

/** Sets (or clears) the target of a port, creating nothing else. */
function setTarget(b: ChangeBuilder, from: string, outcome: string, to: string | undefined) {
  const found = findOutcome(b.doc, from, outcome);
  if ('refusals' in found) throw new Error(found.refusals[0]?.message.en);
  b.set(['steps', found.index, ...found.port.path], to);
}

/**
 * `connect`: makes outcome `outcome` of step `from` lead to `to`; refused as {@link canConnect}.
 *
 * @internal
 * @example
 * ```ts
 * connect.refusals(doc, { type: 'connect', from: 'a', outcome: 'next', to: 'b' });
 * ```
 */
export const connect: CommandHandler<Connect> = {
  label: { zh: '连接', en: 'Connect' },
  refusals: (doc, c) => canConnect(doc, c.from, c.outcome, c.to),
  apply: (b, c) => setTarget(b, c.from, c.outcome, c.to),
};

/**
 * `disconnect`: leaves outcome `outcome` of step `from` leading nowhere (the step is then
 * half-filled); refused as {@link canDisconnect}.
 *
 * @internal
 * @example
 * ```ts
 * disconnect.refusals(doc, { type: 'disconnect', from: 'a', outcome: 'next' });
 * ```
 */
export const disconnect: CommandHandler<Disconnect> = {
  label: { zh: '断开连线', en: 'Disconnect' },
  refusals: (doc, c) => canDisconnect(doc, c.from, c.outcome),
  apply: (b, c) => setTarget(b, c.from, c.outcome, undefined),
};
