import { sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const health = () => builtInDraft('elderly-health-band');

describe('search for a step', () => {
  it('given Ctrl+F in the designer, when a label is typed and Enter pressed, then that step is selected and centred', async () => {
    m = await mountDesigner(health(), sampleOrg);
    const host = m.host;
    await until(() => {
      if (!host.querySelector('.react-flow__node')) throw new Error('no nodes');
    });
    (host.querySelector('.zz-designer') as HTMLElement).focus();
    await userEvent.keyboard('{Control>}f{/Control}');
    const input = host.querySelector<HTMLInputElement>('#zz-step-search');
    expect(document.activeElement).toBe(input);
    await userEvent.type(input as HTMLInputElement, '电话');
    await until(() => expect(input?.getAttribute('aria-expanded')).toBe('true'));
    const options = [...host.querySelectorAll('#zz-step-search-list [role="option"]')];
    expect(options.map((o) => o.querySelector('code')?.textContent)).toEqual(['call']);
    const a11y = await axe.run(host.querySelector('.zz-toolbar') as Element);
    expect(a11y.violations.map((v) => v.id)).toEqual([]);
    await userEvent.keyboard('{Enter}');
    await until(() => {
      if (!host.querySelector('.zz-properties[data-step="call"]')) throw new Error('not selected');
    });
    // centred: the node's centre is near the canvas's centre
    await until(() => {
      const node = host.querySelector('.react-flow__node[data-id="call"]')?.getBoundingClientRect();
      const pane = host.querySelector('.zz-canvas')?.getBoundingClientRect();
      if (!node || !pane) throw new Error('no node');
      expect(Math.abs(node.left + node.width / 2 - (pane.left + pane.width / 2))).toBeLessThan(30);
      expect(Math.abs(node.top + node.height / 2 - (pane.top + pane.height / 2))).toBeLessThan(30);
    });
  });

  it('given English, when an id prefix is typed, then ids starting with it come first, arrows choose, Escape closes the list', async () => {
    m = await mountDesigner(health(), sampleOrg, 'en');
    const input = m.host.querySelector<HTMLInputElement>('#zz-step-search') as HTMLInputElement;
    await userEvent.type(input, 'vis');
    await until(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const ids = [...m.host.querySelectorAll('#zz-step-search-list [role="option"] code')].map(
      (c) => c.textContent,
    );
    expect(ids[0]).toBe('visit');
    await userEvent.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(
      ids.length > 1 ? 'zz-step-search-1' : 'zz-step-search-0',
    );
    await userEvent.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await userEvent.clear(input);
    await userEvent.type(input, 'zzz-nothing');
    await until(() => expect(m?.host.textContent).toContain('No step matches'));
  });
});
