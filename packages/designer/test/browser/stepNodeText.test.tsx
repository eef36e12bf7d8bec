import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/canvas/fitText.js';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const health = () => builtInDraft('elderly-health-band');

const LONG = '电话联系老人并确认是否需要上门看望以及通知家属和社区网格员到场协助处理';

describe('the text of a step node', () => {
  it('given a text that fits, when fitted, then it is returned whole; given a longer one, then it is cut with an ellipsis to the width', () => {
    expect(fitText('电话', '13px sans-serif', 150)).toBe('电话');
    const cut = fitText(LONG, '13px sans-serif', 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(LONG.startsWith(cut.slice(0, -1))).toBe(true);
    const g = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    g.font = '13px sans-serif';
    expect(g.measureText(cut).width).toBeLessThanOrEqual(100);
    expect(fitText('👤👤👤👤👤👤👤👤👤👤', '13px sans-serif', 40)).toMatch(/^(👤)+…$/u);
  });

  it('given a step with a long label, when the canvas draws it, then the label is cut to fit inside its node, its title is the whole label, and no text in a node sits in a clipping box', async () => {
    const doc = health();
    const call = doc.steps.find((s) => s.id === 'call') as unknown as { label: { zh: string } };
    call.label.zh = LONG;
    m = await mountDesigner(doc, sampleOrg);
    const node = await until(() => {
      const n = m?.host.querySelector<HTMLElement>('.react-flow__node[data-id="call"] .zz-step');
      if (!n) throw new Error('no node yet');
      return n;
    });
    const label = node.querySelector<HTMLElement>('.zz-step__label');
    expect(label?.textContent?.endsWith('…')).toBe(true);
    expect(label?.title).toBe(LONG);
    const box = node.getBoundingClientRect();
    for (const el of node.querySelectorAll<HTMLElement>(
      '.zz-step__head, .zz-step__kind, .zz-step__row',
    )) {
      // the text ends inside the node (a range measures the text itself, not its box)
      const r = document.createRange();
      r.selectNodeContents(el);
      expect(r.getBoundingClientRect().right).toBeLessThanOrEqual(box.right);
    }
    // a clipping box around text (overflow other than visible) makes Chromium give that text a
    // composited layer of its own, re-rastered on every pan frame (see fitText)
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (!el.textContent) continue;
      expect(getComputedStyle(el).overflow, el.className).toBe('visible');
    }
    // outcome rows sit over the node: they paint its background (opaque) under their text
    for (const row of node.querySelectorAll<HTMLElement>('.zz-step__row'))
      expect(getComputedStyle(row).backgroundColor).toBe(getComputedStyle(node).backgroundColor);
  });
});
