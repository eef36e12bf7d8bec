import { describe, expect, test } from 'vitest';
import { canAddBranch, checkDraft } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('addBranch and removeBranch', () => {
  test('adds a branch with a new start step in one undo step; the checker accepts it', () => {
    const doc = builtIn('elderly-health-band');
    const draft = doUndoRedo(doc, {
      type: 'addBranch',
      parallel: 'emergency',
      branch: { id: 'neighbour', label: { zh: '邻居', en: 'Neighbour' } },
      start: {
        id: 'askNeighbour',
        kind: 'notify',
        to: [{ kind: 'grid', id: 'qj-gn-g01' }],
        channels: ['app'],
        next: '@join',
      },
    });
    expect(stepOf(draft.doc, 'emergency').branches).toHaveLength(3);
    expect(draft.doc.steps.at(-1)?.id).toBe('askNeighbour');
    expect(checkDraft(draft.doc).errors).toEqual([]);
  });

  test('adds a branch starting at an existing free step', () => {
    const doc = builtIn('elderly-health-band');
    doc.steps.push({ id: 'free', kind: 'wait', for: { duration: 'PT1M' }, next: '@join' } as never);
    doUndoRedo(doc, {
      type: 'addBranch',
      parallel: 'emergency',
      branch: { id: 'pause' },
      start: 'free',
    });
  });

  test('refuses a bad parallel, id, start, and an end step as a start', () => {
    const doc = builtIn('elderly-health-band');
    const codes = (parallel: string, id: string, start: unknown) =>
      canAddBranch(doc, parallel, id, start as never).map((r) => r.code);
    expect(codes('call', 'x', 'handled')).toEqual(['designer.notParallel']);
    expect(codes('nope', 'x', 'handled')).toEqual(['designer.unknownStep']);
    expect(codes('emergency', 'family', { id: 'n1', kind: 'task' })).toEqual([
      'designer.duplicateId',
    ]);
    expect(codes('emergency', 'x', 'visit')).toEqual(['designer.crossesBranch']);
    expect(codes('emergency', 'x', { id: 'stop', kind: 'end' })).toEqual(['designer.endInBranch']);
    expect(codes('emergency', 'x', { id: 'call', kind: 'task' })).toEqual(['designer.duplicateId']);
  });

  test('removes a branch (its steps stay) and refuses going below two branches', () => {
    const doc = builtIn('elderly-health-band');
    expect(
      refusedCodes(doc, { type: 'removeBranch', parallel: 'emergency', branch: 'family' }),
    ).toEqual(['designer.branchCount']);
    const three = doUndoRedo(doc, {
      type: 'addBranch',
      parallel: 'emergency',
      branch: { id: 'neighbour' },
      start: { id: 'n', kind: 'wait', for: { duration: 'PT1M' }, next: '@join' },
    }).doc;
    const two = doUndoRedo(three, {
      type: 'removeBranch',
      parallel: 'emergency',
      branch: 'family',
    });
    expect(stepOf(two.doc, 'emergency').branches).toHaveLength(2);
    expect(two.doc.steps.map((s) => s.id)).toContain('notifyFamily');
    expect(
      refusedCodes(three, { type: 'removeBranch', parallel: 'emergency', branch: 'nope' }),
    ).toEqual(['designer.unknownBranch']);
  });
});
