import { describe, expect, test } from 'vitest';
import { canDelete, outcomesOf } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('deleteStep', () => {
  test('removes the step, every transition to it, and the KPIs naming it; undo is exact', () => {
    const doc = builtIn('elderly-health-band');
    const draft = doUndoRedo(doc, { type: 'deleteStep', step: 'emergency' });
    expect(draft.doc.steps.map((s) => s.id)).not.toContain('emergency');
    expect(draft.doc.steps).toHaveLength(doc.steps.length - 1);
    // visit's outcome `emergency` and dispatchCare's SLA timeout led there: now they lead nowhere
    const visit = outcomesOf(stepOf(draft.doc, 'visit'));
    expect(visit.find((o) => o.outcome === 'outcomes.emergency')?.to).toBeUndefined();
    expect(visit.find((o) => o.outcome === 'outcomes.fine')?.to).toBe('resolved');
    expect(stepOf(draft.doc, 'dispatchCare').sla).toEqual({ within: 'PT15M' });
    expect(draft.doc.kpis?.map((k) => k.id)).toEqual(['handledCount']);
    for (const s of draft.doc.steps) {
      for (const o of outcomesOf(s)) expect(o.to).not.toBe('emergency');
    }
  });

  test('refuses a step a trigger starts at, a branch start, an unknown and the only step', () => {
    const doc = builtIn('elderly-health-band');
    expect(refusedCodes(doc, { type: 'deleteStep', step: 'call' })).toEqual([
      'designer.triggerStart',
      'designer.triggerStart',
    ]);
    expect(refusedCodes(doc, { type: 'deleteStep', step: 'callAmbulance' })).toEqual([
      'designer.startsBranch',
    ]);
    expect(refusedCodes(doc, { type: 'deleteStep', step: 'nope' })).toEqual([
      'designer.unknownStep',
    ]);
    const one = { ...doc, steps: [stepOf(doc, 'handled')] };
    expect(canDelete(one, 'handled').map((r) => r.code)).toEqual(['designer.lastStep']);
  });
});
