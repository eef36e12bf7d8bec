import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../src/layout/autoLayout.js';
import { isPinned } from '../../src/layout/isPinned.js';
import { pinCommands } from '../../src/layout/pinCommands.js';
import {
  checkDraft,
  createDraft,
  execute,
  executeAll,
  needsRecheck,
  type ScenarioDraft,
  undo,
} from '../../src/model/index.js';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const health = () => builtInDraft('elderly-health-band');
const at = (doc: ScenarioDraft, id: string) => doc.steps.find((s) => s.id === id)?.layout;

describe('auto-layout', () => {
  it('given a scenario with one pinned step, when laid out, then every other step moves, the pinned one stays, no two steps on the same spot, the checker is still clean, and one undo puts everything back', async () => {
    const doc = health();
    // scramble: every step on one spot
    for (const s of doc.steps) s.layout = { x: 0, y: 0 };
    let draft = createDraft(doc);
    const pin = executeAll(draft, pinCommands(draft.doc, ['call']));
    if (!pin.ok) throw new Error(pin.refusals[0]?.message.en);
    draft = pin.draft;
    const call = draft.doc.steps.find((s) => s.id === 'call');
    expect(call && isPinned(call)).toBe(true);
    expect(checkDraft(draft.doc).errors).toEqual([]);
    // moving a pinned step keeps it pinned
    const moved = execute(draft, { type: 'moveStep', step: 'call', position: { x: 300, y: 500 } });
    if (!moved.ok) throw new Error('move refused');
    draft = moved.draft;
    expect(at(draft.doc, 'call')).toEqual({ x: 300, y: 500, pinned: true });
    // pinning and moving a pinned step change only the layout: no re-check needed
    expect(needsRecheck(draft.done.at(-1)?.changes ?? [])).toBe(false);
    expect(needsRecheck(draft.done.at(-2)?.changes ?? [])).toBe(false);
    const before = draft.doc;
    const moves = await autoLayout(draft.doc);
    expect(moves.every((c) => c.type === 'moveStep' && c.step !== 'call')).toBe(true);
    expect(moves.length).toBe(doc.steps.length - 1);
    const r = executeAll(draft, moves, { group: 'auto-layout' });
    if (!r.ok) throw new Error(r.refusals[0]?.message.en);
    const after = r.draft.doc;
    expect(at(after, 'call')).toEqual({ x: 300, y: 500, pinned: true });
    const boxes = after.steps.map((s) => ({ id: s.id, ...(s.layout as { x: number; y: number }) }));
    for (const a of boxes)
      for (const b of boxes)
        if (a.id < b.id)
          expect(a.x === b.x && a.y === b.y, `${a.id} and ${b.id} on the same spot`).toBe(false);
    expect(checkDraft(after).errors).toEqual([]);
    expect(r.draft.done.length).toBe(draft.done.length + 1);
    expect(undo(r.draft).doc).toEqual(before);
  });

  it('given the designer, when a step is pinned and Auto-layout pressed, then the steps move as one undo step and the pinned one stays', async () => {
    const doc = health();
    m = await mountDesigner(doc, sampleOrg, 'en');
    const host = m.host;
    const node = await until(() => {
      const n = host.querySelector<HTMLElement>('.react-flow__node[data-id="call"]');
      if (!n) throw new Error('no node');
      return n;
    });
    node.click();
    const buttons = () => [...host.querySelectorAll('button')];
    const pinButton = await until(() => {
      const b = buttons().find((x) => x.textContent?.includes('Pin'));
      if (!b || b.disabled) throw new Error('no pin button');
      return b;
    });
    expect(pinButton.getAttribute('aria-pressed')).toBe('false');
    pinButton.click();
    await until(() => expect(pinButton.getAttribute('aria-pressed')).toBe('true'));
    const pinnedAt = at(m.latest(), 'call');
    buttons()
      .find((x) => x.textContent === 'Auto-layout')
      ?.click();
    await until(() => expect(m?.draft()?.done.length).toBe(2));
    const after = m.latest();
    expect(at(after, 'call')).toEqual(pinnedAt);
    expect(
      after.steps
        .filter((s) => s.id !== 'call')
        .some((s, i) => {
          const old = doc.steps.filter((x) => x.id !== 'call')[i]?.layout;
          return old?.x !== s.layout?.x || old?.y !== s.layout?.y;
        }),
    ).toBe(true);
  });
});
