import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ScenarioDraft } from '../../src/model/index.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const el = <T extends Element = HTMLElement>(selector: string) =>
  until(() => {
    const e = m?.host.querySelector(selector);
    if (!e) throw new Error(`no ${selector}`);
    return e as unknown as T;
  });
const button = (text: string) =>
  until(() => {
    const b = [...(m?.host.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
      (x) => x.textContent?.trim() === text,
    );
    if (!b) throw new Error(`no button ${text}`);
    return b;
  });
const activeSteps = () =>
  [...(m?.host.querySelectorAll<HTMLElement>('.zz-step[data-active="true"]') ?? [])].map(
    (e) => e.dataset.step,
  );
const band = () =>
  structuredClone(
    builtInScenarios.find((s) => s.id === 'elderly-health-band'),
  ) as unknown as ScenarioDraft;

describe('simulation in the designer (issue #10)', () => {
  it('given the health band, when the duty officer starts it and the clock jumps to the next deadline, then the visit is highlighted, the grid worker sees it with its form, and the run ends in the emergency branch and is saved', async () => {
    m = await mountDesigner(band(), sampleOrg);
    await userEvent.click(await button('模拟运行'));
    await el('.zz-sim');
    // the start form is the scenario's fields (the property panel's form renderer)
    await userEvent.type(await el('#zz-field-sim-start-alarmType'), 'fall{Enter}');
    await userEvent.click(await el('[data-testid="sim-start"]'));
    await until(() => expect(activeSteps()).toEqual(['call']));
    expect((await el('[data-testid="sim-next"]')).textContent).not.toBe('无');
    const clockBefore = (await el('[data-testid="sim-clock"]')).textContent;

    // the fast clock: the call's 5-minute SLA fires ("no answer"), a grid worker visits
    await userEvent.click(await el('[data-testid="sim-next-deadline"]'));
    await until(() => expect(activeSteps()).toEqual(['visit']));
    expect((await el('[data-testid="sim-clock"]')).textContent).not.toBe(clockBefore);
    await until(() =>
      expect(
        [...(m?.host.querySelectorAll('[data-testid="sim-timeline"] li') ?? [])].map(
          (li) => (li as HTMLElement).dataset.event,
        ),
      ).toEqual(['START', 'TIMEOUT']),
    );
    // the duty officer has nothing left to do; the grid worker of the grid has the visit
    expect(m.host.querySelector('[data-task]')).toBeNull();
    await userEvent.selectOptions(
      await el<HTMLSelectElement>('#zz-sim-member'),
      'qj-sj-c1-g1-worker',
    );
    await el('[data-task="visit"]');
    await userEvent.type(await el('#zz-field-sim-visit-condition'), '老人倒地{Enter}');
    await userEvent.click(await el('[data-task="visit"] [data-outcome="emergency"]'));
    await until(() => expect(activeSteps()).toEqual(['emergency', 'callAmbulance']));
    await userEvent.click(await el('[data-task="callAmbulance"] [data-outcome="done"]'));
    await until(() =>
      expect(m?.host.querySelector('[data-testid="sim-status"]')?.textContent).toContain('已结束'),
    );
    expect(activeSteps()).toEqual([]);

    // save run: the events file of what was done
    await userEvent.click(await el('[data-testid="sim-save"]'));
    const run = m.exports.find((x) => x.kind === 'run');
    const lines = (run?.json ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type ?? 'advance')).toEqual([
      'START',
      'advance',
      'TASK_COMPLETE',
      'TASK_COMPLETE',
    ]);
    expect(lines[2]).toMatchObject({
      step: 'visit',
      outcome: 'emergency',
      data: { condition: '老人倒地' },
    });

    // the panel is accessible
    const result = await axe.run(m.host.querySelector('.zz-sim') as HTMLElement);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });

  it('given the generated test paths, when one is clicked, then it plays on the runtime to its end and the timeline shows it (in English)', async () => {
    m = await mountDesigner(band(), sampleOrg, 'en');
    await userEvent.click(await button('Simulate'));
    const paths = await until(() => {
      const list = [...(m?.host.querySelectorAll<HTMLButtonElement>('[data-path]') ?? [])];
      if (list.length === 0) throw new Error('no paths');
      return list;
    });
    expect(paths.length).toBeGreaterThanOrEqual(4);
    const timed = paths.find((p) => p.textContent?.includes('timeouts')) as HTMLButtonElement;
    await userEvent.click(timed);
    await until(() =>
      expect(m?.host.querySelector('.zz-sim__message')?.textContent).toContain('Path played'),
    );
    const events = [...m.host.querySelectorAll<HTMLElement>('[data-testid="sim-timeline"] li')].map(
      (li) => li.dataset.event,
    );
    expect(events[0]).toBe('START');
    expect(events).toContain('TIMEOUT');
  });
});
