import type { Notification, ScenarioRecord } from '../../engine/caseRecord.js';
import type { Directory } from '../../org/Directory.js';
import type { Scenario } from '../document/scenarioSchema.js';
import type { ScenarioEffect } from './createScenarioStepper.js';

/**
 * The outbox record of a `zz.notify` or `zz.escalate` effect: a notify step's recipients,
 * channels and the values of the fields it chose to send; an escalate step's next rung up the
 * ladder (the community, the town's command center, the district's city-operations center).
 * Ids and times are those of the commit that carries it.
 *
 * @example
 * ```ts
 * import { scenarioNotification } from '@zhizhi/core/scenario';
 * // scenarioNotification(directory, doc, record, { type: 'zz.escalate', params: { step: 'up', to: 'town' } }, 3, 0, now).to
 * // → [{ kind: 'commandCenter', id: 'qj-sj' }]
 * ```
 */
export function scenarioNotification(
  directory: Directory,
  doc: Scenario,
  record: ScenarioRecord,
  effect: ScenarioEffect,
  seq: number,
  i: number,
  at: number,
): Notification {
  const p = effect.params as {
    step: string;
    to?: { kind: string; id: string }[];
    fields?: string[];
    channels?: string[];
  };
  const ctx = record.context;
  let to = p.to ?? [];
  if (effect.type === 'zz.escalate') {
    const level = (effect.params as { to: 'community' | 'town' | 'district' }).to;
    const unit = directory.ancestorAt(ctx.gridId ?? ctx.townId, level);
    const ops = unit && level === 'district' ? directory.cityOperationsCenter(unit.id) : undefined;
    to =
      level === 'town'
        ? [{ kind: 'commandCenter', id: ctx.townId }]
        : ops
          ? [{ kind: 'cityOperationsCenter', id: ops.id }]
          : unit
            ? [{ kind: level, id: unit.id }]
            : [];
  }
  const fields: Record<string, unknown> = {};
  for (const f of p.fields ?? []) if (Object.hasOwn(ctx.data, f)) fields[f] = ctx.data[f];
  return {
    id: `${record.id}:${seq}:${i}`,
    caseId: record.id,
    townId: record.townId,
    seq,
    at,
    title: `${doc.name.zh} · ${p.step}`,
    deliveredAt: null,
    topic: effect.type,
    to: to as Notification['to'],
    ...(p.channels ? { channels: p.channels } : {}),
    ...(p.fields ? { fields } : {}),
  };
}
