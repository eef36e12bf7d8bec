import { describe, expect, test } from 'vitest';
import { createDraft, execute, redo, undo } from '../../src/model/index.js';
import { builtIn } from './helpers.js';

describe('addStep', () => {
  test('adds a step at the position, and undo/redo restore both documents exactly', () => {
    const doc = builtIn('smoke-alarm');
    const before = JSON.stringify(doc);
    const r = execute(createDraft(doc), {
      type: 'addStep',
      step: { id: 'callOwner', kind: 'notify', to: [{ kind: 'role', id: 'gridWorker' }] },
      position: { x: 120, y: 40 },
    });
    expect(r.ok).toBe(true);
    const after = r.draft.doc;
    expect(after.steps).toHaveLength(doc.steps.length + 1);
    expect(after.steps.at(-1)).toEqual({
      id: 'callOwner',
      kind: 'notify',
      to: [{ kind: 'role', id: 'gridWorker' }],
      layout: { x: 120, y: 40 },
    });
    expect(r.draft.done.map((e) => e.label.en)).toEqual(['Add step']);
    const undone = undo(r.draft);
    expect(JSON.stringify(undone.doc)).toBe(before);
    expect(JSON.stringify(redo(undone).doc)).toBe(JSON.stringify(after));
    expect(JSON.stringify(doc)).toBe(before); // the input was never mutated
  });

  test('inserts at an index', () => {
    const doc = builtIn('smoke-alarm');
    const r = execute(createDraft(doc), {
      type: 'addStep',
      step: { id: 'first', kind: 'end', outcome: 'resolved' },
      index: 0,
    });
    expect(r.ok && r.draft.doc.steps[0]?.id).toBe('first');
  });

  test.each([
    [{ id: 'alertCenter', kind: 'end' }, 'designer.duplicateId'],
    [{ id: 'constructor', kind: 'end' }, 'designer.badId'],
    [{ id: 'x', kind: 'teleport' }, 'designer.unknownKind'],
  ])('refuses %j with %s and changes nothing', (step, code) => {
    const draft = createDraft(builtIn('smoke-alarm'));
    const r = execute(draft, { type: 'addStep', step: step as never });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.refusals.map((x) => x.code)).toContain(code);
    expect(r.draft).toBe(draft);
    if (!r.ok) expect(r.refusals[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('refuses an end step dropped into a parallel branch', () => {
    const doc = builtIn('smoke-alarm');
    const par = doc.steps.find((s) => s.kind === 'parallel');
    const branch = (par?.branches as { id: string }[] | undefined)?.[0]?.id as string;
    const r = execute(createDraft(doc), {
      type: 'addStep',
      step: { id: 'stop', kind: 'end', outcome: 'resolved' },
      parent: { parallel: par?.id as string, branch },
    });
    expect(r.ok ? [] : r.refusals.map((x) => x.code)).toEqual(['designer.endInBranch']);
  });
});
