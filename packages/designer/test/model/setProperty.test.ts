import { describe, expect, test } from 'vitest';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('setProperty', () => {
  test('changes a nested value of a step; undo is exact', () => {
    const draft = doUndoRedo(builtIn('elderly-health-band'), {
      type: 'setProperty',
      step: 'call',
      path: ['sla', 'within'],
      value: 'PT10M',
    });
    expect(stepOf(draft.doc, 'call').sla).toEqual({ within: 'PT10M', onTimeout: 'visit' });
  });

  test('removing a key and undoing puts it back in its place (key order kept)', () => {
    const doc = builtIn('elderly-health-band');
    const draft = doUndoRedo(doc, { type: 'setProperty', step: 'call', path: ['label'] });
    expect(Object.hasOwn(stepOf(draft.doc, 'call'), 'label')).toBe(false);
  });

  test('adds a key, sets an element of a list, edits the document outside steps', () => {
    const doc = builtIn('elderly-health-band');
    doUndoRedo(doc, { type: 'setProperty', step: 'handled', path: ['note'], value: 'x' });
    doUndoRedo(doc, {
      type: 'setProperty',
      step: 'call',
      path: ['outcomes', 0, 'label'],
      value: { zh: '无事', en: 'Fine' },
    });
    const d = doUndoRedo(doc, { type: 'setProperty', path: ['name', 'zh'], value: '健康手环' });
    expect(d.doc.name.zh).toBe('健康手环');
  });

  test('may add an outcome without a target, and clear a target', () => {
    const doc = builtIn('elderly-health-band');
    const outcomes = stepOf(doc, 'visit').outcomes as object[];
    doUndoRedo(doc, {
      type: 'setProperty',
      step: 'visit',
      path: ['outcomes'],
      value: [...(outcomes as never[]), { id: 'moved' }],
    });
    doUndoRedo(doc, { type: 'setProperty', step: 'visit', path: ['outcomes', 0, 'to'] });
  });

  test.each([
    [{ step: 'call', path: ['id'], value: 'x' }, 'designer.badPath'],
    [{ step: 'call', path: ['kind'], value: 'end' }, 'designer.badPath'],
    [{ step: 'call', path: ['nope', 'deeper'], value: 1 }, 'designer.badPath'],
    [{ step: 'call', path: ['outcomes', 9], value: {} }, 'designer.badPath'],
    [{ step: 'call', path: ['outcomes', 0] }, 'designer.badPath'],
    [{ step: 'call', path: [], value: 1 }, 'designer.badPath'],
    [{ step: 'call', path: ['__proto__'], value: 1 }, 'designer.badPath'],
    [{ step: 'call', path: ['x'], value: Number.POSITIVE_INFINITY }, 'designer.notJson'],
    [{ step: 'nope', path: ['x'], value: 1 }, 'designer.unknownStep'],
    [{ path: ['steps'], value: [] }, 'designer.badPath'],
    [{ path: ['format'], value: 'x' }, 'designer.badPath'],
    [{ step: 'call', path: ['outcomes', 0, 'to'], value: 'handled' }, 'designer.useConnect'],
    [
      { step: 'call', path: ['sla'], value: { within: 'PT1M', onTimeout: 'x' } },
      'designer.useConnect',
    ],
  ])('refuses %j with %s', (c, code) => {
    const doc = builtIn('elderly-health-band');
    expect(refusedCodes(doc, { type: 'setProperty', ...(c as object) } as never)).toEqual([code]);
  });
});
