import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';
import { at, mouseDrag } from './pointer.js';

const health = () => builtInDraft('elderly-health-band');

let m: Mounted | undefined;
const node = (host: HTMLElement, id: string) =>
  host.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);

describe('the canvas', () => {
  it('given the health-band scenario, when it mounts, then every step is a node with its zh-CN kind name, icon and label, and its outcomes are edges', async () => {
    m = await mountDesigner(health(), sampleOrg);
    const host = m.host;
    const call = await until(() => {
      const n = node(host, 'call');
      if (!n) throw new Error('no node yet');
      return n;
    });
    expect(call.textContent).toContain('电话联系老人');
    expect(call.textContent).toContain('任务');
    expect(call.querySelector('.zz-step__icon')?.textContent).toBe('👤');
    expect(call.textContent).toContain('未接通'); // an outcome row
    // no diagnostics on a valid built-in scenario
    expect(host.querySelector('[data-testid="badge"]')).toBeNull();
    const edges = await until(() => {
      const e = host.querySelectorAll('.react-flow__edge');
      if (e.length === 0) throw new Error('no edges yet');
      return e;
    });
    expect([...edges].some((e) => e.getAttribute('data-id') === 'call::outcomes.noAnswer')).toBe(
      true,
    );
    // the two branches of the parallel step are frames
    expect(
      host.querySelector('.react-flow__node[data-id="branch:emergency/ambulance"]'),
    ).not.toBeNull();
    expect(
      host.querySelector('.react-flow__node[data-id="branch:emergency/family"]'),
    ).not.toBeNull();
  });

  it('given a node, when it is dragged, then one moveStep lands in the document and Ctrl+Z puts it back', async () => {
    const doc = health();
    m = await mountDesigner(doc, sampleOrg);
    const host = m.host;
    const call = await until(
      () => node(host, 'call') ?? (Promise.reject(new Error('none')) as never),
    );
    const start = at(call, 20, 20);
    await mouseDrag(start, { x: start.x + 60, y: start.y + 40 });
    const moved = await until(() => {
      const l = m?.latest().steps.find((s) => s.id === 'call')?.layout;
      if (!l || (l.x === 0 && l.y === 0)) throw new Error('not moved');
      return l;
    });
    expect(moved.x).toBeGreaterThan(30);
    expect(moved.y).toBeGreaterThan(20);
    expect(m.draft()?.done).toHaveLength(1);
    expect(m.draft()?.done[0]?.command.type).toBe('moveStep');
    call.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    await until(() =>
      expect(m?.latest().steps.find((s) => s.id === 'call')?.layout).toEqual({ x: 0, y: 0 }),
    );
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await until(() =>
      expect(m?.latest().steps.find((s) => s.id === 'call')?.layout).toEqual(moved),
    );
  });
});
