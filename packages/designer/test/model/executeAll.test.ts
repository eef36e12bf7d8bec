import { describe, expect, test } from 'vitest';
import { createDraft, execute, executeAll, undo } from '../../src/model/index.js';
import { builtIn } from './helpers.js';

describe('executeAll', () => {
  test('several commands are one undo step', () => {
    const doc = builtIn('elderly-health-band');
    const before = JSON.stringify(doc);
    const r = executeAll(createDraft(doc), [
      { type: 'addStep', step: { id: 'ring', kind: 'wait', for: { duration: 'PT1M' } } },
      { type: 'connect', from: 'ring', outcome: 'next', to: 'visit' },
      { type: 'connect', from: 'call', outcome: 'outcomes.noAnswer', to: 'ring' },
    ]);
    expect(r.ok).toBe(true);
    expect(r.draft.done).toHaveLength(1);
    expect(JSON.stringify(undo(r.draft).doc)).toBe(before);
  });

  test('a refused command refuses the gesture and changes nothing', () => {
    const draft = createDraft(builtIn('elderly-health-band'));
    const r = executeAll(draft, [
      { type: 'addStep', step: { id: 'ring', kind: 'wait' } },
      { type: 'connect', from: 'ring', outcome: 'next', to: 'nowhere' },
    ]);
    expect(r.ok ? [] : r.refusals.map((x) => x.code)).toEqual(['designer.unknownTarget']);
    expect(r.draft).toBe(draft);
  });

  test('two gestures in a row stay two undo steps', () => {
    let draft = createDraft(builtIn('elderly-health-band'));
    for (const x of [1, 2]) {
      const r = executeAll(draft, [{ type: 'moveStep', step: 'call', position: { x, y: 0 } }]);
      if (r.ok) draft = r.draft;
    }
    expect(draft.done).toHaveLength(2);
    const after = execute(draft, { type: 'moveStep', step: 'call', position: { x: 3, y: 0 } });
    expect(after.ok && after.draft.done).toHaveLength(3);
  });
});
