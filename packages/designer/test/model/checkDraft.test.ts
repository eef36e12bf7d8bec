import { describe, expect, test } from 'vitest';
import {
  type Command,
  checkDraft,
  createDraft,
  execute,
  needsRecheck,
  undo,
} from '../../src/model/index.js';
import { builtIn } from './helpers.js';

describe('checkDraft', () => {
  test('reports a half-filled step at its step id, and clears once it is connected', () => {
    let draft = createDraft(builtIn('elderly-health-band'));
    const run = (c: Command) => {
      const r = execute(draft, c);
      if (!r.ok) throw new Error(r.refusals[0]?.message.en);
      draft = r.draft;
    };
    expect(checkDraft(draft.doc).exportable).toBe(true);
    run({ type: 'addStep', step: { id: 'recheck', kind: 'wait', for: { duration: 'PT1H' } } });
    run({ type: 'connect', from: 'followUp', outcome: 'otherwise', to: 'recheck' });
    const half = checkDraft(draft.doc);
    expect(half.exportable).toBe(false);
    expect(half.errors.map((d) => d.stepId)).toContain('recheck');
    expect(half.errors.every((d) => d.message.zh.length > 0 && d.message.en.length > 0)).toBe(true);
    run({ type: 'connect', from: 'recheck', outcome: 'next', to: 'handled' });
    expect(checkDraft(draft.doc).errors).toEqual([]);
  });

  test('moves need no re-check; anything else does, and the findings agree', () => {
    const doc = builtIn('elderly-health-band');
    const move = execute(createDraft(doc), {
      type: 'moveStep',
      step: 'call',
      position: { x: 9, y: 9 },
    });
    const moved = move.ok ? move.draft : createDraft(doc);
    const entry = moved.done[0];
    expect(entry && needsRecheck(entry.changes)).toBe(false);
    expect(checkDraft(moved.doc)).toEqual(checkDraft(doc));
    const label = execute(moved, { type: 'setProperty', step: 'call', path: ['label'] });
    const last = label.ok ? label.draft.done.at(-1) : undefined;
    expect(last && needsRecheck(last.changes)).toBe(true);
    const junk = execute(moved, {
      type: 'setProperty',
      step: 'call',
      path: ['layout'],
      value: 'x',
    });
    const bad = junk.ok ? junk.draft.done.at(-1) : undefined;
    expect(bad && needsRecheck(bad.changes)).toBe(true);
    expect(undo(moved).done).toHaveLength(0);
  });
});
