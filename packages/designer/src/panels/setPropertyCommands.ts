import type { Command, DraftStep, Json } from '../model/index.js';

type Key = string | number;

/**
 * The `setProperty` command that puts `value` at `path` inside `step`, creating the missing
 * objects on the way (the model's command sets only a key of an existing object, so the
 * panel sets the nearest existing ancestor's child to a built value instead).
 *
 * @example
 * ```ts
 * import { setPropertyCommand } from '@zhizhi/designer';
 * setPropertyCommand({ id: 'd', kind: 'dispatch' }, ['lead', 'id'], 'qj-sj-xf');
 * // { type: 'setProperty', step: 'd', path: ['lead'], value: { id: 'qj-sj-xf' } }
 * ```
 */
export function setPropertyCommand(
  step: DraftStep,
  path: readonly Key[],
  value: Json | undefined,
): Command {
  let node: unknown = step;
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
  return built === undefined
    ? { type: 'setProperty', step: step.id, path: at }
    : { type: 'setProperty', step: step.id, path: at, value: built };
}
