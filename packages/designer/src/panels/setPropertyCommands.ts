import type { Command, DraftStep, Json, ScenarioDraft } from '../model/index.js';

type Key = string | number;

const isDoc = (on: DraftStep | ScenarioDraft): on is ScenarioDraft =>
  'format' in on && Array.isArray((on as ScenarioDraft).steps);

/**
 * The `setProperty` command that puts `value` at `path` inside a step — or, given the
 * document, in the document outside its steps (name, triggers, fields, participants) —
 * creating the missing objects on the way: the model's command sets only a key of an
 * existing object or list, so the panel sets the nearest existing ancestor's child to a built
 * value instead. No `value`: the key is removed.
 *
 * @example
 * ```ts
 * import { setPropertyCommand } from '@zhizhi/designer';
 * setPropertyCommand({ id: 'd', kind: 'dispatch' }, ['lead', 'id'], 'qj-sj-xf');
 * // { type: 'setProperty', step: 'd', path: ['lead'], value: { id: 'qj-sj-xf' } }
 * ```
 */
export function setPropertyCommand(
  on: DraftStep | ScenarioDraft,
  path: readonly Key[],
  value: Json | undefined,
): Command {
  let node: unknown = on;
  let i = 0;
  for (; i < path.length - 1; i++) {
    const k = path[i] as Key;
    const child =
      node !== null && typeof node === 'object' ? (node as Record<Key, unknown>)[k] : undefined;
    if (child === null || typeof child !== 'object') break;
    node = child;
  }
  let built: Json | undefined = value;
  for (let j = path.length - 1; j > i; j--) {
    const k = path[j] as Key;
    built = typeof k === 'number' ? ([] as Json[]) : ({ [k]: built } as Json);
  }
  const at = path.slice(0, i + 1) as Key[];
  const target = isDoc(on) ? {} : { step: on.id };
  return built === undefined
    ? { type: 'setProperty', ...target, path: at }
    : { type: 'setProperty', ...target, path: at, value: built };
}
