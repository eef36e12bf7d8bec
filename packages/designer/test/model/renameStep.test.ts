import { describe, expect, test } from 'vitest';
import { outcomesOf } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

describe('renameStep', () => {
  test('renames the step and every reference: transitions, triggers, branch starts, KPIs', () => {
    const doc = builtIn('elderly-health-band');
    const text = JSON.stringify(doc);
    const a = doUndoRedo(doc, { type: 'renameStep', step: 'call', to: '回访' });
    expect(a.doc.triggers.map((t) => t.start)).toEqual(['回访', '回访']);
    expect(JSON.stringify(a.doc)).not.toContain('"call"');
    const b = doUndoRedo(doc, { type: 'renameStep', step: 'emergency', to: 'urgent' });
    expect(outcomesOf(stepOf(b.doc, 'visit')).map((o) => o.to)).toContain('urgent');
    expect(stepOf(b.doc, 'dispatchCare').sla).toEqual({ within: 'PT15M', onTimeout: 'urgent' });
    expect(b.doc.kpis?.[0]).toMatchObject({ to: 'urgent' });
    const c = doUndoRedo(doc, { type: 'renameStep', step: 'callAmbulance', to: 'ambulance120' });
    expect(stepOf(c.doc, 'emergency').branches).toContainEqual({
      id: 'ambulance',
      start: 'ambulance120',
    });
    // every reference moved, but visit's outcome named `emergency` is an outcome id, not a step
    const count = (s: string, w: string) => s.split(`"${w}"`).length - 1;
    expect(count(JSON.stringify(b.doc), 'urgent')).toBe(count(text, 'emergency') - 1);
    expect(count(JSON.stringify(b.doc), 'emergency')).toBe(1);
  });

  test('refuses a taken, an invalid id and an unknown step', () => {
    const doc = builtIn('elderly-health-band');
    expect(refusedCodes(doc, { type: 'renameStep', step: 'call', to: 'visit' })).toEqual([
      'designer.duplicateId',
    ]);
    expect(refusedCodes(doc, { type: 'renameStep', step: 'call', to: '1x' })).toEqual([
      'designer.badId',
    ]);
    expect(refusedCodes(doc, { type: 'renameStep', step: 'nope', to: 'x' })).toEqual([
      'designer.unknownStep',
    ]);
  });
});
