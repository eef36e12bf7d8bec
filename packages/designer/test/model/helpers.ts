import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import {
  type Command,
  createDraft,
  type Draft,
  execute,
  redo,
  type ScenarioDraft,
  undo,
} from '../../src/model/index.js';

const require = createRequire(import.meta.url);

/** The ids of core's five built-in scenarios. */
export const builtInIds = [
  'anti-fraud-outreach',
  'elderly-health-band',
  'electrical-fire',
  'smoke-alarm',
  'standard-case-flow',
] as const;

/** A built-in scenario file's exact text, as shipped by @zhizhi/core. */
export function builtInText(id: string, ext = 'json'): string {
  return readFileSync(require.resolve(`@zhizhi/core/scenarios/${id}.${ext}`), 'utf8');
}

/** A built-in scenario, parsed. */
export function builtIn(id: string): ScenarioDraft {
  return JSON.parse(builtInText(id)) as ScenarioDraft;
}

/** Does `command` on a fresh draft of `doc`, checks undo gives `doc` back byte for byte and redo the edited one, and returns the draft. */
export function doUndoRedo(doc: ScenarioDraft, command: Command): Draft {
  const before = JSON.stringify(doc);
  const r = execute(createDraft(doc), command);
  if (!r.ok) throw new Error(r.refusals.map((x) => `${x.code}: ${x.message.en}`).join('; '));
  expect(r.draft.done).toHaveLength(1);
  const after = JSON.stringify(r.draft.doc);
  expect(after).not.toBe(before);
  const undone = undo(r.draft);
  expect(JSON.stringify(undone.doc)).toBe(before);
  expect(undone.done).toHaveLength(0);
  const redone = redo(undone);
  expect(JSON.stringify(redone.doc)).toBe(after);
  expect(JSON.stringify(doc)).toBe(before);
  return r.draft;
}

/** The codes `command` is refused with (and checks the draft is unchanged). */
export function refusedCodes(doc: ScenarioDraft, command: Command): string[] {
  const draft = createDraft(doc);
  const r = execute(draft, command);
  expect(r.draft).toBe(draft);
  return r.ok ? [] : r.refusals.map((x) => x.code);
}

/** The step with `id`. */
export function stepOf(doc: ScenarioDraft, id: string) {
  const s = doc.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}
