import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { openScenario } from './fixtures.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';
import { at, mouseDrag } from './pointer.js';

let m: Mounted | undefined;
const el = <T extends Element = HTMLElement>(root: ParentNode, selector: string) =>
  until(() => {
    const e = root.querySelector<T & Element>(selector);
    if (!e) throw new Error(`no ${selector}`);
    return e as T;
  });
const handle = (node: string, id: string) =>
  el(
    m?.host as HTMLElement,
    `.react-flow__node[data-id="${node}"] .react-flow__handle[data-handleid="${id}"]`,
  );
const step = (id: string) => m?.latest().steps.find((s) => s.id === id);

describe('editing on the canvas and in the panels', () => {
  it('given an open outcome, when it is dragged to a step, then connect sets it; a connection canConnect refuses is not made', async () => {
    m = await mountDesigner(openScenario(), sampleOrg);
    // a notify step waits for nothing: leading straight back to itself is refused
    await mouseDrag(at(await handle('tell', 'next')), at(await handle('tell', 'in')));
    await new Promise((r) => setTimeout(r, 100));
    expect(step('tell')?.next).toBeUndefined();
    expect(m.draft()).toBeUndefined();
    await mouseDrag(at(await handle('tell', 'next')), at(await handle('done', 'in')));
    await until(() => expect(step('tell')?.next).toBe('done'));
    expect(m.draft()?.done.map((e) => e.command)).toEqual([
      { type: 'connect', from: 'tell', outcome: 'next', to: 'done' },
    ]);
    await el(m.host, '.react-flow__edge[data-id="tell::next"]');
  });

  it('given a selected step, when Delete is pressed, then deleteStep removes it and Ctrl+Z brings it back', async () => {
    const doc = structuredClone(
      builtInScenarios.find((s) => s.id === 'elderly-health-band'),
    ) as unknown as ScenarioDraft;
    m = await mountDesigner(doc, sampleOrg);
    const before = JSON.stringify(m.latest());
    const node = await el(m.host, '.react-flow__node[data-id="escalate"]');
    await userEvent.click(node);
    await userEvent.keyboard('{Delete}');
    await until(() => expect(step('escalate')).toBeUndefined());
    // the transition that led to it is disconnected, not left dangling
    expect(step('visit')?.sla).toEqual({ within: 'PT30M' });
    expect(m.draft()?.done.map((e) => e.command)).toEqual([
      { type: 'deleteStep', step: 'escalate' },
    ]);
    await userEvent.keyboard('{Control>}z{/Control}');
    await until(() => expect(JSON.stringify(m?.latest())).toBe(before));
  });

  it('given the property panel of a task, when the assignee becomes a post picked from the org, then setProperty stores its id', async () => {
    const doc = structuredClone(
      builtInScenarios.find((s) => s.id === 'elderly-health-band'),
    ) as unknown as ScenarioDraft;
    m = await mountDesigner(doc, sampleOrg);
    await userEvent.click(await el(m.host, '.react-flow__node[data-id="visit"]'));
    const panel = await el(m.host, '.zz-properties[data-step="visit"]');
    const variant = await el<HTMLSelectElement>(panel, '#zz-field-assignee');
    expect(variant.value).toBe('role');
    await userEvent.selectOptions(variant, 'post');
    await until(() => expect(step('visit')?.assignee).toEqual({ post: '' }));
    const post = await el<HTMLSelectElement>(panel, '#zz-field-assignee-post');
    // every post of the sample org is offered, by name
    expect(post.options.length).toBe(sampleOrg.posts.length + 1);
    await userEvent.selectOptions(post, 'qj-sj-ylfw');
    await until(() => expect(step('visit')?.assignee).toEqual({ post: 'qj-sj-ylfw' }));
    // the label is typed in and committed on Enter: one undo step
    const zh = await el<HTMLInputElement>(panel, '#zz-field-label-zh');
    await userEvent.clear(zh);
    await userEvent.type(zh, '网格员上门{Enter}');
    await until(() =>
      expect(step('visit')?.label).toEqual({
        zh: '网格员上门',
        en: 'The nearest grid worker visits',
      }),
    );
    expect(m.draft()?.done.map((e) => e.command.type)).toEqual([
      'setProperty',
      'setProperty',
      'setProperty',
    ]);
  });

  it('given an open transition, then the checker lists an error that focuses its step, badges the node and blocks export until it is connected', async () => {
    m = await mountDesigner(openScenario(), sampleOrg);
    const host = m.host;
    const error = await el(host, '.zz-diagnostic--error[data-step="tell"]');
    await el(host, '.react-flow__node[data-id="tell"] [data-testid="badge"]');
    const exportDoc = [...host.querySelectorAll<HTMLButtonElement>('.zz-toolbar button')].find(
      (b) => b.textContent === '导出场景 JSON',
    );
    expect(exportDoc?.disabled).toBe(true);
    await userEvent.click(error);
    await el(host, '.zz-properties[data-step="tell"]');
    await userEvent.selectOptions(await el<HTMLSelectElement>(host, '#zz-field-next'), 'done');
    await until(() => expect(host.querySelector('.zz-diagnostic--error')).toBeNull());
    expect(host.querySelector('[data-testid="badge"]')).toBeNull();
    expect(exportDoc?.disabled).toBe(false);
    await userEvent.click(exportDoc as HTMLButtonElement);
    expect(JSON.parse(m.exports[0]?.json ?? '{}').steps[0].next).toBe('done');
    m.setLang('en');
    await until(() =>
      expect(host.querySelector('[data-testid="diagnostic-counts"]')?.textContent).toBe(
        '0 errors · 0 warnings',
      ),
    );
  });
});
