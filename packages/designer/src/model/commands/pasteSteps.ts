import { outcomesOf } from '../graph/outcomesOf.js';
import type { Json } from '../history/Change.js';
import { canPaste } from '../rules/canPaste.js';
import type { DraftStep } from '../ScenarioDraft.js';
import type { Command } from './Command.js';
import type { CommandHandler } from './CommandHandler.js';
import { freshId } from './freshId.js';

type PasteSteps = Extract<Command, { type: 'pasteSteps' }>;

/** A copy of `node` with `value` at `path` (removed when undefined). */
function withAt(node: Json, path: readonly (string | number)[], value: string | undefined): Json {
  const [key, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[key as number] = withAt(node[key as number] as Json, rest, value);
    return copy;
  }
  const obj = { ...(node as Record<string, Json>) };
  if (rest.length > 0) obj[key as string] = withAt(obj[key as string] as Json, rest, value);
  else if (value === undefined) delete obj[key as string];
  else obj[key as string] = value;
  return obj;
}

/**
 * The pasted steps: ids that collide with the document's (or with each other) renamed
 * `id-2`, `id-3`…, transitions between pasted steps following the renames, transitions to
 * steps that were not copied left leading nowhere (`@join` is kept), layouts shifted by
 * `offset`.
 *
 * @internal
 * @example
 * ```ts
 * pastedSteps(new Set(['call']), clipboard.steps).map((s) => s.id); // ['call-2', …]
 * ```
 */
export function pastedSteps(
  taken: ReadonlySet<string>,
  steps: readonly DraftStep[],
  offset?: { x: number; y: number },
): DraftStep[] {
  const used = new Set(taken);
  const rename = new Map<string, string>();
  for (const s of steps) {
    if (rename.has(s.id)) continue;
    const id = freshId(s.id, used);
    used.add(id);
    rename.set(s.id, id);
  }
  const seen = new Set<string>();
  return steps.map((s) => {
    // a repeated id in the clipboard gets a fresh id of its own
    let id = rename.get(s.id) as string;
    if (seen.has(s.id)) {
      id = freshId(s.id, used);
      used.add(id);
    }
    seen.add(s.id);
    let step = { ...s, id } as unknown as Json;
    for (const o of outcomesOf(s)) {
      if (o.to === undefined || o.to === '@join') continue;
      step = withAt(step, o.path, rename.get(o.to));
    }
    const out = step as unknown as DraftStep;
    if (offset && out.layout && Number.isFinite(out.layout.x) && Number.isFinite(out.layout.y)) {
      out.layout = { x: out.layout.x + offset.x, y: out.layout.y + offset.y };
    }
    return out;
  });
}

/**
 * `pasteSteps`: adds the clipboard's steps at the end of `steps` (see {@link pastedSteps}),
 * as one undo step; refused as `canPaste`.
 *
 * @internal
 * @example
 * ```ts
 * pasteSteps.refusals(doc, { type: 'pasteSteps', clipboard: copySteps(other, ['call']) }); // []
 * ```
 */
export const pasteSteps: CommandHandler<PasteSteps> = {
  label: { zh: '粘贴步骤', en: 'Paste steps' },
  refusals: (doc, c) => canPaste(doc, c.clipboard, c.offset),
  apply(b, c) {
    const taken = new Set(b.doc.steps.map((s) => s.id));
    for (const step of pastedSteps(taken, c.clipboard.steps, c.offset)) {
      b.insert(['steps'], b.doc.steps.length, step as unknown as Json);
    }
  },
};
