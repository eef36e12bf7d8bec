import type { Command } from '../commands/Command.js';
import { commandHandlers } from '../commands/commandHandlers.js';
import { type Refusal, refuse } from '../commands/Refusal.js';
import type { ScenarioDraft } from '../ScenarioDraft.js';
import type { Change } from './Change.js';
import { ChangeBuilder } from './ChangeBuilder.js';
import type { Draft, ExecuteResult, HistoryEntry } from './Draft.js';

/**
 * Why `command` would be refused on `doc` (empty: it would be done). The same rule functions
 * the canvas asks before offering a gesture.
 *
 * @example
 * ```ts
 * import { commandRefusals } from '@zhizhi/designer/model';
 * commandRefusals(doc, { type: 'deleteStep', step: 'nope' })[0]?.code; // 'designer.unknownStep'
 * ```
 */
export function commandRefusals(doc: ScenarioDraft, command: Command): Refusal[] {
  const handler = commandHandlers[command?.type] as
    | { refusals(d: ScenarioDraft, c: Command): Refusal[] }
    | undefined;
  if (!handler || !Object.hasOwn(commandHandlers, command.type)) {
    return [
      refuse('designer.badPath', ['type'], {
        path: 'type',
        rule: `an unknown command \`${String(command?.type).slice(0, 40)}\``,
        ruleZh: `未知命令 \`${String(command?.type).slice(0, 40)}\``,
      }),
    ];
  }
  try {
    return handler.refusals(doc, command);
  } catch (error) {
    return [refuse('designer.internal', [], { error: String(error).slice(0, 200) })];
  }
}

/** Whether every change is a `set` (a move, a property edit): such entries merge path by path. */
const onlySets = (changes: readonly Change[]) => changes.every((c) => c.op === 'set');
const samePath = (a: Change, b: Change) =>
  a.path.length === b.path.length && a.path.every((k, i) => k === b.path[i]);

/**
 * Folds `next` into `entry`: a later set of a path already set keeps the first `before` — but
 * only while the key stayed in between (a key removed and set again moves to the end of its
 * object, so the two sets stay apart and undo puts the key back where it was).
 */
function merge(entry: HistoryEntry, next: HistoryEntry): HistoryEntry {
  const changes = entry.changes.slice();
  if (onlySets(changes) && onlySets(next.changes)) {
    for (const c of next.changes) {
      let k = changes.length - 1;
      while (k >= 0 && !samePath(changes[k] as Change, c)) k--;
      const old = changes[k];
      if (
        old &&
        old.op === 'set' &&
        c.op === 'set' &&
        old.after !== undefined &&
        c.before !== undefined
      ) {
        const folded: Change = { op: 'set', path: old.path };
        if (old.before !== undefined) folded.before = old.before;
        if (c.after !== undefined) folded.after = c.after;
        if (old.at !== undefined) folded.at = old.at;
        changes[k] = folded;
      } else changes.push(c);
    }
  } else changes.push(...next.changes);
  return { ...next, changes };
}

/**
 * Does a command: checks it with its rule, records its changes as one undo step on top of
 * the stack and clears the redo stack. Refused commands change nothing and say why (zh + en).
 * Commands given the same `group` one after another (the moves of one drag) become one
 * undo step.
 *
 * @example
 * ```ts
 * import { createDraft, execute } from '@zhizhi/designer/model';
 * const r = execute(createDraft(doc), { type: 'moveStep', step: 'call', position: { x: 80, y: 0 } });
 * if (!r.ok) console.log(r.refusals.map((x) => x.message.zh));
 * ```
 */
export function execute(
  draft: Draft,
  command: Command,
  options: { group?: string } = {},
): ExecuteResult {
  const refusals = commandRefusals(draft.doc, command);
  if (refusals.length > 0) return { ok: false, draft, refusals };
  const handler = commandHandlers[command.type] as {
    label: { zh: string; en: string };
    apply(b: ChangeBuilder, c: Command): void;
  };
  const b = new ChangeBuilder(draft.doc);
  try {
    handler.apply(b, command);
  } catch (error) {
    const r = refuse('designer.internal', [], { error: String(error).slice(0, 200) });
    return { ok: false, draft, refusals: [r] };
  }
  // an edit that changes nothing (a connection already there) is done, and leaves no undo step
  if (b.changes.length === 0) return { ok: true, draft };
  let entry: HistoryEntry = { command, label: handler.label, changes: b.changes };
  if (options.group !== undefined) entry.group = options.group;
  const top = draft.done[draft.done.length - 1];
  const done = draft.done.slice();
  if (
    top &&
    options.group !== undefined &&
    top.group === options.group &&
    draft.undone.length === 0
  ) {
    entry = merge(top, entry);
    done[done.length - 1] = entry;
  } else done.push(entry);
  return { ok: true, draft: { doc: b.doc, done, undone: [] } };
}
