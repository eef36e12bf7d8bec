// Issue #10's end-to-end test, in real Chromium: from a blank canvas, build the health-band
// scenario (call the person → no answer in time → the grid worker visits → emergency: tell
// the elderly-care post) by drag and drop and the property forms only; the checker shows an
// error until the last outcome is connected; simulate it with the fast clock through
// "no answer → visit → emergency"; export the embed snippet; load it into a page under a strict
// CSP with the widgets' zhizhi-scenario.js and run the scenario there.
import { sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { blankScenario } from '../../src/app/blankScenario.js';
import type { EmbedRun } from '../embedUnderCsp.js';
import { finders, type Mounted, mountDesigner, until } from './mountDesigner.js';
import { at, html5Drag, mouseDrag } from './pointer.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    runEmbedUnderCsp(
      embed: { html: string; script: string; scriptUrl: string; tag: string },
      clicks: string[],
    ): Promise<EmbedRun>;
  }
}

let m: Mounted | undefined;
const { el, handle } = finders(() => m);
const buttonIn = (scope: string, text: string) =>
  until(() => {
    const b = [...(m?.host.querySelectorAll<HTMLButtonElement>(`${scope} button`) ?? [])].find(
      (x) => x.textContent === text,
    );
    if (!b) throw new Error(`no button ${text}`);
    return b;
  });
const errorSteps = () => [
  ...new Set(
    [...(m?.host.querySelectorAll<HTMLElement>('.zz-diagnostic--error') ?? [])]
      .map((e) => e.dataset.step ?? '')
      .sort(),
  ),
];
const activeSteps = () =>
  [...(m?.host.querySelectorAll<HTMLElement>('.zz-step[data-active="true"]') ?? [])].map(
    (e) => e.dataset.step,
  );
const setLabel = async (text: string) => {
  const zh = await el<HTMLInputElement>('#zz-field-label-zh');
  await userEvent.clear(zh);
  await userEvent.type(zh, `${text}{Enter}`);
};

describe('health band end to end (issue #10)', () => {
  it('given a blank canvas, when built by drag and drop and forms, simulated to no answer → visit → emergency and exported, then the embed runs under a strict CSP', async () => {
    m = await mountDesigner(blankScenario(), sampleOrg, 'zh-CN', {
      embed: {
        provider: { member: 'qj-sj-duty', lang: 'zh-CN' },
        element: { grid: 'qj-sj-c1-g1', viewerRole: 'dutyOfficer', deploy: true },
      },
    });
    const pane = await el('.react-flow__pane');
    const palette = (kind: string) => el(`.zz-palette__item[data-kind="${kind}"]`);

    // 1. call the person: the duty officer, within 5 minutes
    await html5Drag(at(await palette('task')), at(pane, 40, 440));
    await el('.zz-properties[data-step="task"]');
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-field-assignee-role'),
      'dutyOfficer',
    );
    await setLabel('电话联系老人');
    await userEvent.click(await buttonIn('.zz-properties', '设置 时限'));
    const within = await el<HTMLInputElement>('#zz-field-sla-within');
    await userEvent.clear(within);
    await userEvent.type(within, 'PT5M{Enter}');
    await until(() =>
      expect(m?.latest().steps.find((s) => s.id === 'task')).toMatchObject({
        sla: { within: 'PT5M' },
      }),
    );

    // 2. the nearest grid worker visits (a task's default assignee)
    await html5Drag(at(await palette('task')), at(pane, 300, 300));
    await el('.zz-properties[data-step="task-2"]');
    await setLabel('网格员上门');

    // 3. emergency: tell the elderly-care post, picked from the org
    // (clear of the pane's bottom edge, where a connection drag would pan the canvas)
    await html5Drag(at(await palette('notify')), at(pane, 300, 400));
    await el('.zz-properties[data-step="notify"]');
    await setLabel('急救：通知养老服务岗');
    await userEvent.click(await buttonIn('.zz-properties', '添加 到'));
    await userEvent.selectOptions(await el<HTMLSelectElement>('#zz-field-to-0-id'), 'qj-sj-ylfw');

    // the scenario starts at the call
    await userEvent.keyboard('{Escape}');
    await userEvent.click(pane, { position: { x: 520, y: 60 } });
    await el('.zz-properties[data-step=""]');
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-field-triggers-0-start'),
      'task',
    );

    // every open outcome is an error, and export, deploy and simulation are refused
    await until(() => expect(errorSteps()).toEqual(['notify', 'task', 'task-2']));
    const embedButton = await el<HTMLButtonElement>('[data-export="embed"]');
    expect(embedButton.disabled).toBe(true);

    // connect: answered → done; no answer in time (the SLA) → visit; visit → emergency
    await mouseDrag(at(await handle('task', 'outcomes.done')), at(await handle('done', 'in')));
    await mouseDrag(at(await handle('task', 'onTimeout')), at(await handle('task-2', 'in')));
    await mouseDrag(at(await handle('task-2', 'outcomes.done')), at(await handle('notify', 'in')));
    await until(() => expect(errorSteps()).toEqual(['notify']));
    expect(embedButton.disabled).toBe(true);
    // the last outcome: the error goes, and export is offered
    await mouseDrag(at(await handle('notify', 'next')), at(await handle('done', 'in')));
    await until(() => expect(errorSteps()).toEqual([]));
    expect(embedButton.disabled).toBe(false);
    expect(m.latest().steps.find((s) => s.id === 'task')).toMatchObject({
      assignee: { role: 'dutyOfficer' },
      outcomes: [{ id: 'done', to: 'done' }],
      sla: { within: 'PT5M', onTimeout: 'task-2' },
    });

    // simulate: the duty officer starts it, the fast clock lets the call time out (no answer)
    await userEvent.click(await buttonIn('.zz-toolbar', '模拟运行'));
    await userEvent.click(await el('[data-testid="sim-start"]'));
    await until(() => expect(activeSteps()).toEqual(['task']));
    await userEvent.click(await el('[data-testid="sim-next-deadline"]'));
    await until(() => expect(activeSteps()).toEqual(['task-2']));
    // the grid worker of the grid visits: emergency, the post is told, the run ends
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-sim-member'),
      'qj-sj-c1-g1-worker',
    );
    await userEvent.click(await el('[data-task="task-2"] [data-outcome="done"]'));
    await until(() =>
      expect(m?.host.querySelector('[data-testid="sim-status"]')?.textContent).toContain('已结束'),
    );
    const timeline = [...m.host.querySelectorAll<HTMLElement>('[data-testid="sim-timeline"] li')];
    expect(timeline.map((li) => li.dataset.event)).toEqual(['START', 'TIMEOUT', 'TASK_COMPLETE']);
    expect(timeline.map((li) => li.dataset.to)).toEqual(['task', 'task-2', 'done']);

    // export the embed snippet and its script
    await userEvent.click(embedButton);
    const html = m.exports.find((x) => x.kind === 'embed');
    const script = m.exports.find((x) => x.kind === 'embedScript');
    expect(html?.fileName).toBe('zz-new-scenario.html');
    expect(script?.fileName).toBe('zz-new-scenario.js');

    // in a portal page under script-src 'self'; style-src 'self': start it and answer the call
    const run = await commands.runEmbedUnderCsp(
      {
        html: html?.json ?? '',
        script: script?.json ?? '',
        scriptUrl: script?.fileName ?? '',
        tag: 'zz-new-scenario',
      },
      ['启动场景', '完成'],
    );
    expect(run.title).toBe('新场景');
    expect(run.steps).toContain('已结束');
    expect(run.steps).toContain('办结');
    expect(run.entries).toBe(2);
    expect(run.problems).toEqual([]);
  });
});
