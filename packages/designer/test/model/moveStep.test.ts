import { describe, expect, test } from 'vitest';
import { createDraft, execute, redo, undo } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('moveStep', () => {
  test('sets the layout; undo and redo are exact', () => {
    const draft = doUndoRedo(builtIn('elderly-health-band'), {
      type: 'moveStep',
      step: 'visit',
      position: { x: 7, y: -3 },
    });
    expect(stepOf(draft.doc, 'visit').layout).toEqual({ x: 7, y: -3 });
  });

  test('a step without a layout gets one, and undo removes it again', () => {
    const doc = builtIn('elderly-health-band');
    const { layout: _, ...bare } = stepOf(doc, 'visit');
    const i = doc.steps.findIndex((s) => s.id === 'visit');
    doc.steps[i] = bare as never;
    doUndoRedo(doc, { type: 'moveStep', step: 'visit', position: { x: 1, y: 2 } });
  });

  test('a drag (many moves in one group) is one undo step', () => {
    const doc = builtIn('elderly-health-band');
    const before = JSON.stringify(doc);
    let draft = createDraft(doc);
    for (let k = 1; k <= 30; k++) {
      const r = execute(
        draft,
        { type: 'moveStep', step: 'call', position: { x: k * 10, y: k } },
        { group: 'drag-1' },
      );
      if (r.ok) draft = r.draft;
    }
    expect(draft.done).toHaveLength(1);
    expect(draft.done[0]?.changes).toHaveLength(1);
    expect(stepOf(draft.doc, 'call').layout).toEqual({ x: 300, y: 30 });
    const undone = undo(draft);
    expect(JSON.stringify(undone.doc)).toBe(before);
    expect(stepOf(redo(undone).doc, 'call').layout).toEqual({ x: 300, y: 30 });
  });

  test('two drags are two undo steps', () => {
    let draft = createDraft(builtIn('elderly-health-band'));
    for (const [group, x] of [
      ['a', 1],
      ['a', 2],
      ['b', 3],
      ['b', 4],
    ] as const) {
      const r = execute(
        draft,
        { type: 'moveStep', step: 'call', position: { x, y: 0 } },
        { group },
      );
      if (r.ok) draft = r.draft;
    }
    expect(draft.done).toHaveLength(2);
    expect(stepOf(undo(draft).doc, 'call').layout).toEqual({ x: 2, y: 0 });
  });

  test('refuses an unknown step and a position that is not finite', () => {
    const doc = builtIn('elderly-health-band');
    expect(refusedCodes(doc, { type: 'moveStep', step: 'nope', position: { x: 0, y: 0 } })).toEqual(
      ['designer.unknownStep'],
    );
    expect(
      refusedCodes(doc, { type: 'moveStep', step: 'call', position: { x: Number.NaN, y: 0 } }),
    ).toEqual(['designer.badPosition']);
  });
});
