import { describe, expect, test } from 'vitest';
import { canConnect, outcomesOf } from '../../src/model/index.js';
import { builtIn, doUndoRedo, refusedCodes, stepOf } from './helpers.js';

const target = (doc: ReturnType<typeof builtIn>, id: string, outcome: string) =>
  outcomesOf(stepOf(doc, id)).find((o) => o.outcome === outcome)?.to;

describe('connect and disconnect', () => {
  test('connect re-targets an outcome; undo is exact', () => {
    const draft = doUndoRedo(builtIn('elderly-health-band'), {
      type: 'connect',
      from: 'call',
      outcome: 'outcomes.noAnswer',
      to: 'escalate',
    });
    expect(target(draft.doc, 'call', 'outcomes.noAnswer')).toBe('escalate');
  });

  test('disconnect leaves the outcome leading nowhere; connecting it again adds the key back', () => {
    const doc = builtIn('elderly-health-band');
    const cut = doUndoRedo(doc, { type: 'disconnect', from: 'escalate', outcome: 'next' });
    expect(Object.hasOwn(stepOf(cut.doc, 'escalate'), 'next')).toBe(false);
    const again = doUndoRedo(cut.doc, {
      type: 'connect',
      from: 'escalate',
      outcome: 'next',
      to: 'visit',
    });
    expect(target(again.doc, 'escalate', 'next')).toBe('visit');
    const timeout = doUndoRedo(doc, { type: 'disconnect', from: 'call', outcome: 'onTimeout' });
    expect(stepOf(timeout.doc, 'call').sla).toEqual({ within: 'PT5M' });
  });

  test('a branch step may lead to @join, a top-level step may not', () => {
    const doc = builtIn('elderly-health-band');
    expect(canConnect(doc, 'callAmbulance', 'outcomes.done', '@join')).toEqual([]);
    expect(canConnect(doc, 'followUp', 'otherwise', '@join').map((r) => r.code)).toEqual([
      'designer.joinOutsideBranch',
    ]);
  });

  test('refuses crossing a branch border, unknown ends, and instant self loops', () => {
    const doc = builtIn('elderly-health-band');
    const codes = (from: string, outcome: string, to: string) =>
      refusedCodes(doc, { type: 'connect', from, outcome, to });
    expect(codes('callAmbulance', 'outcomes.done', 'handled')).toEqual(['designer.crossesBranch']);
    expect(codes('followUp', 'otherwise', 'notifyFamily')).toEqual(['designer.crossesBranch']);
    expect(codes('followUp', 'otherwise', 'nope')).toEqual(['designer.unknownTarget']);
    expect(codes('followUp', 'nope', 'handled')).toEqual(['designer.unknownOutcome']);
    expect(codes('nope', 'next', 'handled')).toEqual(['designer.unknownStep']);
    expect(codes('followUp', 'otherwise', 'followUp')).toEqual(['designer.selfLoop']);
    // a task may ask again: a loop back to itself waits for a person
    expect(canConnect(doc, 'call', 'outcomes.noAnswer', 'call')).toEqual([]);
    const crossed = canConnect(doc, 'callAmbulance', 'outcomes.done', 'handled')[0];
    expect(crossed?.message.en).toContain('branch emergency → ambulance');
    expect(crossed?.message.zh).toContain('顶层');
  });

  test('a fresh step (nothing leads to it) may be connected from a branch', () => {
    const doc = builtIn('elderly-health-band');
    doc.steps.push({ id: 'extra', kind: 'notify', next: '@join' } as never);
    expect(canConnect(doc, 'notifyFamily', 'next', 'extra')).toEqual([]);
  });

  test('refuses disconnecting a branch start or an open outcome', () => {
    const doc = builtIn('elderly-health-band');
    expect(
      refusedCodes(doc, { type: 'disconnect', from: 'emergency', outcome: 'branches.family' }),
    ).toEqual(['designer.branchStart']);
    expect(refusedCodes(doc, { type: 'disconnect', from: 'handled', outcome: 'next' })).toEqual([
      'designer.unknownOutcome',
    ]);
    const cut = doUndoRedo(doc, { type: 'disconnect', from: 'escalate', outcome: 'next' });
    expect(
      refusedCodes(cut.doc, { type: 'disconnect', from: 'escalate', outcome: 'next' }),
    ).toEqual(['designer.notConnected']);
  });
});
