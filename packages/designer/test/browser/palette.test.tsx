import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';
import { at, html5Drag } from './pointer.js';

/** A scenario with one end step: the smallest a document may be. */
const blank = (): ScenarioDraft => ({
  format: 'zhizhi.scenario/1',
  id: 'blank',
  version: '0.1.0',
  name: { zh: '新场景', en: 'New scenario' },
  triggers: [{ id: 'manual', kind: 'manual', roles: ['dutyOfficer'], start: 'done' }],
  fields: [],
  participants: { roles: ['dutyOfficer'] },
  steps: [{ id: 'done', kind: 'end', outcome: 'resolved', layout: { x: 0, y: 0 } }],
});

let m: Mounted | undefined;
describe('the palette', () => {
  it('lists every step kind with its zh-CN name and icon, and switches to English', async () => {
    m = await mountDesigner(blank(), sampleOrg);
    const items = [...m.host.querySelectorAll<HTMLElement>('.zz-palette__item')];
    expect(items.map((i) => i.dataset.kind)).toEqual([
      'task',
      'dispatch',
      'notify',
      'decision',
      'parallel',
      'wait',
      'escalate',
      'campaign',
      'end',
    ]);
    expect(items[0]?.textContent).toBe('👤 任务');
    expect(items[7]?.textContent).toBe('🏘 走访活动');
    m.setLang('en');
    await until(() =>
      expect(m?.host.querySelector('.zz-palette__item')?.textContent).toBe('👤 Task'),
    );
  });

  it('given a blank canvas, when a task is dragged from the palette onto it, then an addStep puts it where it was dropped and selects it', async () => {
    m = await mountDesigner(blank(), sampleOrg);
    const host = m.host;
    const task = host.querySelector('.zz-palette__item[data-kind="task"]') as HTMLElement;
    const pane = host.querySelector('.react-flow__pane') as HTMLElement;
    const to = at(pane, 120, 420);
    await html5Drag(at(task), to);
    const added = await until(() => {
      const s = m?.latest().steps.find((x) => x.id === 'task');
      if (!s) throw new Error('not added');
      return s;
    });
    expect(added.kind).toBe('task');
    expect(m.draft()?.done.map((e) => e.command.type)).toEqual(['addStep']);
    // the node sits under the pointer: its top-left is where the drop was
    const node = await until(
      () =>
        host.querySelector('.react-flow__node[data-id="task"]') ??
        (() => {
          throw new Error('no node');
        })(),
    );
    const r = node.getBoundingClientRect();
    expect(Math.abs(r.left - to.x)).toBeLessThan(3);
    expect(Math.abs(r.top - to.y)).toBeLessThan(3);
    // it is selected, so the property panel edits it
    await until(() =>
      expect(host.querySelector('.zz-properties')?.getAttribute('data-step')).toBe('task'),
    );
  });

  it('given a focused palette item, when Enter is pressed, then the step is added without a mouse', async () => {
    m = await mountDesigner(blank(), sampleOrg);
    const notify = m.host.querySelector('.zz-palette__item[data-kind="notify"]') as HTMLElement;
    notify.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => expect(m?.latest().steps.map((s) => s.id)).toEqual(['done', 'notify']));
  });

  it('given a parallel branch, when an end step is dropped into it, then canDrop refuses and the document is unchanged', async () => {
    const doc = blank();
    doc.steps.unshift(
      {
        id: 'both',
        kind: 'parallel',
        join: 'all',
        next: 'done',
        layout: { x: 0, y: 0 },
        branches: [
          { id: 'a', start: 'a1' },
          { id: 'b', start: 'b1' },
        ],
      },
      {
        id: 'a1',
        kind: 'notify',
        to: [{ kind: 'role', id: 'gridWorker' }],
        channels: ['app'],
        next: '@join',
        layout: { x: 300, y: 0 },
      },
      {
        id: 'b1',
        kind: 'notify',
        to: [{ kind: 'role', id: 'gridWorker' }],
        channels: ['app'],
        next: '@join',
        layout: { x: 300, y: 200 },
      },
    );
    doc.steps[3] = { ...doc.steps[3], layout: { x: 700, y: 0 } } as ScenarioDraft['steps'][number];
    m = await mountDesigner(doc, sampleOrg);
    const host = m.host;
    const frame = await until(
      () =>
        host.querySelector('.react-flow__node[data-id="branch:both/a"]') ??
        (() => {
          throw new Error('no frame');
        })(),
    );
    const before = JSON.stringify(m.latest());
    const end = host.querySelector('.zz-palette__item[data-kind="end"]') as HTMLElement;
    await html5Drag(at(end), at(frame, 6, 6));
    await until(() =>
      expect(host.querySelector('.zz-status')?.textContent).toContain('结束步骤不能放在并行分支内'),
    );
    expect(JSON.stringify(m.latest())).toBe(before);
    // a task dropped there joins the branch (addStep with the branch as parent)
    const task = host.querySelector('.zz-palette__item[data-kind="task"]') as HTMLElement;
    await html5Drag(at(task), at(frame, 6, 6));
    await until(() =>
      expect(m?.draft()?.done[0]?.command).toMatchObject({
        type: 'addStep',
        parent: { parallel: 'both', branch: 'a' },
      }),
    );
  });
});
