import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { shortcutList } from '../../src/panels/ShortcutHelp.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
describe('the shortcuts popover', () => {
  it('given the designer, when ? is pressed, then a popover lists every shortcut (zh, then en), axe-clean; Escape closes it', async () => {
    const doc = structuredClone(
      builtInScenarios.find((s) => s.id === 'elderly-health-band'),
    ) as unknown as ScenarioDraft;
    m = await mountDesigner(doc, sampleOrg);
    const host = m.host;
    (host.querySelector('.zz-designer') as HTMLElement).focus();
    await userEvent.keyboard('?');
    const pop = await until(() => {
      const p = host.querySelector<HTMLElement>('.zz-shortcuts__popover');
      if (!p) throw new Error('no popover');
      return p;
    });
    expect(pop.querySelectorAll('dt').length).toBe(shortcutList.length);
    expect(pop.textContent).toContain('Ctrl+F');
    expect(pop.textContent).toContain('查找步骤');
    expect(document.activeElement).toBe(pop);
    const a11y = await axe.run(host.querySelector('.zz-toolbar') as Element);
    expect(a11y.violations.map((v) => v.id)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    expect(host.querySelector('.zz-shortcuts__popover')).toBeNull();
    m.setLang('en');
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Shortcuts');
    button?.click();
    await until(() =>
      expect(host.querySelector('.zz-shortcuts__popover')?.textContent).toContain('Find a step'),
    );
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });
});
