import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { blankScenario } from '../../src/app/blankScenario.js';
import { finders, type Mounted, mountDesigner, until } from './mountDesigner.js';
import { at, html5Drag, mouseDrag } from './pointer.js';

let m: Mounted | undefined;
const { el, handle } = finders(() => m);
const errorSteps = () =>
  [...(m?.host.querySelectorAll<HTMLElement>('.zz-diagnostic--error') ?? [])].map(
    (e) => e.dataset.step ?? '',
  );
const exportButton = () =>
  [...(m?.host.querySelectorAll<HTMLButtonElement>('.zz-toolbar button') ?? [])].find(
    (b) => b.textContent === '导出场景 JSON',
  ) as HTMLButtonElement;

describe('building a scenario from a blank canvas (issue #10)', () => {
  it('given a blank canvas, when a call task and a notify step are dropped, filled in with the property forms and connected, then the checker shows an error until the last outcome is connected', async () => {
    m = await mountDesigner(blankScenario(), sampleOrg);
    const pane = await el('.react-flow__pane');

    // (drops stay clear of the minimap in the bottom-right corner)
    // drop a task: "call the person", done by the duty officer
    await html5Drag(at(await el('.zz-palette__item[data-kind="task"]')), at(pane, 40, 440));
    await el('.zz-properties[data-step="task"]');
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-field-assignee-role'),
      'dutyOfficer',
    );
    const zh = await el<HTMLInputElement>('#zz-field-label-zh');
    await userEvent.clear(zh);
    await userEvent.type(zh, '电话联系老人{Enter}');

    // drop a notify step: tell the elderly-care post, picked from the org
    await html5Drag(at(await el('.zz-palette__item[data-kind="notify"]')), at(pane, 300, 440));
    await el('.zz-properties[data-step="notify"]');
    const addRecipient = [
      ...m.host.querySelectorAll<HTMLButtonElement>('.zz-properties button'),
    ].find((b) => b.textContent === '添加 到');
    await userEvent.click(addRecipient as HTMLButtonElement);
    await userEvent.selectOptions(await el<HTMLSelectElement>('#zz-field-to-0-id'), 'qj-sj-ylfw');
    await until(() =>
      expect(m?.latest().steps.find((s) => s.id === 'notify')?.to).toEqual([
        { kind: 'post', id: 'qj-sj-ylfw' },
      ]),
    );

    // both steps have open outcomes: errors, and export is refused
    await until(() => expect(errorSteps()).toEqual(expect.arrayContaining(['task', 'notify'])));
    expect(exportButton().disabled).toBe(true);

    // the scenario starts at the call: the document's trigger, in the document form
    await userEvent.keyboard('{Escape}');
    await userEvent.click(pane, { position: { x: 500, y: 60 } });
    await el('.zz-properties[data-step=""]');
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-field-triggers-0-start'),
      'task',
    );

    // connect the call's outcome to the notify step: the notify step's outcome is still open
    await mouseDrag(at(await handle('task', 'outcomes.done')), at(await handle('notify', 'in')));
    await until(() => expect(errorSteps()).toEqual(['notify']));
    expect(exportButton().disabled).toBe(true);

    // connect the last outcome: no error is left, and export is offered
    await mouseDrag(at(await handle('notify', 'next')), at(await handle('done', 'in')));
    await until(() => expect(errorSteps()).toEqual([]));
    expect(exportButton().disabled).toBe(false);
    const doc = m.latest();
    expect(doc.triggers[0]?.start).toBe('task');
    expect(doc.steps.map((s) => [s.id, s.kind])).toEqual([
      ['done', 'end'],
      ['task', 'task'],
      ['notify', 'notify'],
    ]);
    expect(doc.steps[1]).toMatchObject({
      assignee: { role: 'dutyOfficer' },
      label: { zh: '电话联系老人' },
      outcomes: [{ id: 'done', to: 'notify' }],
    });
    expect(doc.steps[2]?.next).toBe('done');
    // every edit was a command: undoing them all gives the blank document back
    const steps = m.draft()?.done.length ?? 0;
    expect(steps).toBeGreaterThanOrEqual(8);
    (m.host.querySelector('.zz-designer') as HTMLElement).focus();
    for (let i = 0; i < steps; i++) await userEvent.keyboard('{Control>}z{/Control}');
    await until(() => expect(m?.latest()).toEqual(blankScenario()));
  });
});
