import { sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { builtInDraft, type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const health = () => builtInDraft('elderly-health-band');

async function openFollowUp(host: HTMLElement): Promise<HTMLInputElement> {
  const node = await until(() => {
    const n = host.querySelector<HTMLElement>('.react-flow__node[data-id="followUp"]');
    if (!n) throw new Error('no node');
    return n;
  });
  node.click();
  return until(() => {
    const i = host.querySelector<HTMLInputElement>('#zz-field-branches-0-when');
    if (!i) throw new Error('no condition input');
    return i;
  });
}

const whenOf = (doc: ScenarioDraft) =>
  (doc.steps.find((s) => s.id === 'followUp')?.branches as { when: string }[] | undefined)?.[0]
    ?.when;

describe('the condition editor', () => {
  it('given a decision step, when a field name is typed, then the fields are offered as a combobox; arrows and Enter take one, an error is shown inline with its column, and Enter commits one undoable edit', async () => {
    m = await mountDesigner(health(), sampleOrg);
    const input = await openFollowUp(m.host);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.value).toBe('heartRate > 120 or heartRate < 40');
    await userEvent.clear(input);
    await userEvent.type(input, 'Con');
    const list = m.host.querySelector<HTMLElement>(`#${input.getAttribute('aria-controls')}`);
    await until(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const options = [...(list?.querySelectorAll('[role="option"]') ?? [])].map(
      (o) => o.querySelector('code')?.textContent,
    );
    expect(options).toEqual(['condition']);
    // axe on the open combobox
    const a11y = await axe.run(m.host.querySelector('.zz-properties') as Element);
    expect(a11y.violations.map((v) => v.id)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await userEvent.clear(input);
    await userEvent.type(input, 'h');
    await until(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    await userEvent.keyboard('{ArrowDown}{ArrowUp}');
    const active = input.getAttribute('aria-activedescendant');
    expect(m.host.querySelector(`#${active}`)?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(input.value).toBe('heartRate');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    // not committed yet
    expect(whenOf(m.latest())).toBe('heartRate > 120 or heartRate < 40');
    await userEvent.type(input, ' >');
    const status = m.host.querySelector(`#${input.getAttribute('aria-describedby')}`);
    await until(() => expect(status?.textContent).toContain('第 12 列'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(status?.querySelector('mark')).not.toBeNull();
    await userEvent.type(input, ' "high"');
    await until(() => expect(status?.textContent).toContain('heartRate > "high"'));
    await userEvent.clear(input);
    await userEvent.type(input, 'heartRate > 150');
    await until(() => expect(input.getAttribute('aria-invalid')).toBe('false'));
    expect(status?.textContent).toBe('条件有效');
    await userEvent.keyboard('{Enter}');
    await until(() => expect(whenOf(m?.latest() as ScenarioDraft)).toBe('heartRate > 150'));
    const done = m.draft()?.done.length ?? 0;
    expect(done).toBe(1);
  });

  it('given English, then the problems read in English with the column', async () => {
    m = await mountDesigner(health(), sampleOrg, 'en');
    const input = await openFollowUp(m.host);
    await userEvent.clear(input);
    await userEvent.type(input, 'heartRate = 1');
    const status = m.host.querySelector(`#${input.getAttribute('aria-describedby')}`);
    await until(() => expect(status?.textContent).toContain('Column 11'));
    expect(status?.textContent).toContain('write `==`');
  });
});
