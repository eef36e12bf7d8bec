import { describe, expect, test } from 'vitest';
import { copySteps, freshId, outcomesOf } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('copySteps and pasteSteps', () => {
  test('pastes into another scenario, keeping links between pasted steps, in one undo step', () => {
    const from = builtIn('elderly-health-band');
    const into = builtIn('smoke-alarm');
    const clipboard = copySteps(from, ['visit', 'escalate', 'dispatchCare', 'nope']);
    expect(clipboard.steps.map((s) => s.id)).toEqual(['visit', 'escalate', 'dispatchCare']);
    const draft = doUndoRedo(into, {
      type: 'pasteSteps',
      clipboard: JSON.parse(JSON.stringify(clipboard)),
      offset: { x: 10, y: 20 },
    });
    expect(draft.done).toHaveLength(1);
    const added = draft.doc.steps.slice(into.steps.length);
    expect(added.map((s) => s.id)).toEqual(['visit', 'escalate', 'dispatchCare']);
    // links inside the selection stay, links out of it are cut
    const visit = outcomesOf(stepOf(draft.doc, 'visit'));
    expect(visit.map((o) => [o.outcome, o.to])).toEqual([
      ['outcomes.emergency', undefined],
      ['outcomes.fine', undefined],
      ['onTimeout', 'escalate'],
    ]);
    expect(stepOf(draft.doc, 'dispatchCare').next).toBe('visit');
    expect(stepOf(draft.doc, 'visit').layout).toEqual({
      x: (stepOf(from, 'visit').layout?.x ?? 0) + 10,
      y: (stepOf(from, 'visit').layout?.y ?? 0) + 20,
    });
  });

  test('renames colliding ids and the links to them when pasting into the same scenario', () => {
    const doc = builtIn('elderly-health-band');
    const draft = doUndoRedo(doc, {
      type: 'pasteSteps',
      clipboard: copySteps(doc, ['emergency', 'callAmbulance', 'notifyFamily']),
    });
    const added = draft.doc.steps.slice(doc.steps.length);
    expect(added.map((s) => s.id)).toEqual(['emergency-2', 'callAmbulance-2', 'notifyFamily-2']);
    expect(stepOf(draft.doc, 'emergency-2').branches).toEqual([
      { id: 'ambulance', start: 'callAmbulance-2' },
      { id: 'family', start: 'notifyFamily-2' },
    ]);
    expect(stepOf(draft.doc, 'notifyFamily-2').next).toBe('@join');
    expect(Object.hasOwn(stepOf(draft.doc, 'emergency-2'), 'next')).toBe(false);
  });

  test('freshId skips taken ids and stays within 64 characters', () => {
    expect(freshId('a', new Set(['a', 'a-2']))).toBe('a-3');
    const long = 'x'.repeat(64);
    expect(freshId(long, new Set([long]))).toBe(`${'x'.repeat(62)}-2`);
    expect(freshId('1bad', new Set())).toBe('step');
  });

  test('refuses what is not a designer clipboard, an empty one, unknown kinds', () => {
    const doc = builtIn('elderly-health-band');
    const paste = (clipboard: unknown) =>
      refusedCodes(doc, { type: 'pasteSteps', clipboard: clipboard as never });
    expect(paste({ steps: [] })).toEqual(['designer.badClipboard']);
    expect(paste({ format: 'zhizhi.designer.clipboard/1', from: 'x', steps: [] })).toEqual([
      'designer.emptyClipboard',
    ]);
    expect(
      paste({ format: 'zhizhi.designer.clipboard/1', from: 'x', steps: [{ id: 'a', kind: 'x' }] }),
    ).toEqual(['designer.unknownKind']);
  });
});
