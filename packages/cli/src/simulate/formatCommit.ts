import type { Notification } from '@zhizhi/core';
import type { Committed } from '@zhizhi/core/runtime';
import { formatTime } from '../formatTime.js';

/**
 * One transition as `zhizhi simulate` reports it: of the instance (`scenario`) or of a case it
 * opened (`case`), with the notifications written in the same commit.
 */
export interface Transition {
  at: number;
  kind: 'scenario' | 'case';
  id: string;
  event: string;
  from: string | null;
  to: string;
  actor: string;
  notifications: Notification[];
}

/**
 * The transition of one commit of the runtime (`runtime.onCommit`), with the notifications
 * written in the same commit — exactly what a server would deliver, escalation steps (which
 * leave no resting state) included.
 *
 * @example
 * ```ts
 * import { transitionOf } from './simulate/formatCommit.js';
 * // engine.runtime.onCommit((c) => transitionOf(c).event) → 'START'
 * ```
 */
export function transitionOf(committed: Committed): Transition {
  const { record, entry } = committed;
  return {
    at: entry.at,
    kind: record.kind,
    id: record.id,
    event: entry.event,
    from: entry.from,
    to: entry.to,
    actor: entry.actorId,
    notifications: committed.notifications,
  };
}

const recipient = (r: Notification['to'][number]) =>
  `${r.kind}:${r.id}${'section' in r ? `/${r.section}` : ''}`;

/**
 * A transition as text: `time  [case id] event  from → to  actor`, then one
 * `  ↳ topic → recipients [channels] {fields}  «title»` line per notification.
 *
 * @example
 * ```ts
 * import { formatTransition } from './simulate/formatCommit.js';
 * // formatTransition(t) → ['2026-09-01 08:37  TIMEOUT  visit → dispatchCare  system',
 * //   '  ↳ zz.escalate → commandCenter:qj-sj  «留守老人智能健康手环 · escalate»']
 * ```
 */
export function formatTransition(t: Transition): string[] {
  const head = `${formatTime(t.at)}  ${t.kind === 'case' ? `[${t.id}] ` : ''}${t.event}  ${t.from ?? '∅'} → ${t.to}  ${t.actor}`;
  return [
    head,
    ...t.notifications.map((n) => {
      const to = n.to.length > 0 ? n.to.map(recipient).join(', ') : '—';
      const channels = n.channels && n.channels.length > 0 ? ` [${n.channels.join(', ')}]` : '';
      const fields =
        n.fields && Object.keys(n.fields).length > 0 ? ` ${JSON.stringify(n.fields)}` : '';
      return `  ↳ ${n.topic} → ${to}${channels}${fields}  «${n.title}»`;
    }),
  ];
}
