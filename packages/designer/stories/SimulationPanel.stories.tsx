import type { Meta, StoryObj } from '@storybook/react-vite';
import { sampleOrg } from '@zhizhi/core/sample';
import type { Scenario } from '@zhizhi/core/scenario';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { SimulationPanel } from '../src/simulation/SimulationPanel.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/SimulationPanel',
  component: SimulationPanel,
  // the built-in elderly health-band scenario on the real runtime with a simulated clock
  args: {
    doc: healthBand() as unknown as Scenario,
    org: sampleOrg,
    lang: 'zh-CN',
    onActive: fn(),
    onSaveRun: fn(),
  },
} satisfies Meta<typeof SimulationPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const el = <T extends HTMLElement = HTMLElement>(canvas: HTMLElement, selector: string) =>
  waitFor(() => {
    const e = canvas.querySelector<T>(selector);
    if (!e) throw new Error(`no ${selector}`);
    return e;
  });
/** The steps the panel last said are active (what the canvas would highlight). */
const lastActive = (onActive: unknown) =>
  [...(((onActive as ReturnType<typeof fn>).mock.lastCall?.[0] as Set<string>) ?? [])].sort();
const timeline = (canvas: HTMLElement) =>
  [...canvas.querySelectorAll<HTMLElement>('[data-testid="sim-timeline"] li')].map(
    (li) => li.dataset.event,
  );

/** The duty officer starts a fall alarm: the `call` task is active. */
async function start(canvas: HTMLElement, onActive: unknown) {
  await userEvent.type(await el(canvas, '#zz-field-sim-start-alarmType'), 'fall{Enter}');
  await userEvent.click(await el(canvas, '[data-testid="sim-start"]'));
  await waitFor(() => expect(lastActive(onActive)).toEqual(['call']));
}

/** Just started: the call is active, a deadline (its 5-minute SLA) is ahead. */
export const JustStarted: Story = {
  play: async ({ canvasElement, args }) => {
    expect((await el(canvasElement, '[data-testid="sim-status"]')).textContent).toContain(
      '尚未开始',
    );
    await start(canvasElement, args.onActive);
    expect((await el(canvasElement, '[data-testid="sim-status"]')).textContent).toBe(
      '当前步骤: 电话联系老人',
    );
    expect(canvasElement.querySelector('[data-testid="sim-next"]')?.textContent).not.toBe('无');
    await el(canvasElement, '[data-task="call"]');
    await waitFor(() => expect(timeline(canvasElement)).toEqual(['START']));
  },
};

/** "To the next deadline": the call's SLA fires, the clock moves on and the visit is active. */
export const AfterNextDeadline: Story = {
  play: async ({ canvasElement, args }) => {
    await start(canvasElement, args.onActive);
    const before = canvasElement.querySelector('[data-testid="sim-clock"]')?.textContent;
    await userEvent.click(await el(canvasElement, '[data-testid="sim-next-deadline"]'));
    await waitFor(() => expect(lastActive(args.onActive)).toEqual(['visit']));
    await waitFor(() => expect(timeline(canvasElement)).toEqual(['START', 'TIMEOUT']));
    expect(canvasElement.querySelector('[data-testid="sim-clock"]')?.textContent).not.toBe(before);
    // the duty officer has nothing left to do
    await waitFor(() => expect(canvasElement.textContent).toContain('此人现在没有可办的任务'));
    expect(canvasElement.querySelector('[data-task]')).toBeNull();
  },
};

/** Acting as the grid's worker: the visit is theirs, with its form and outcomes. */
export const RoleSwitched: Story = {
  play: async ({ canvasElement, args }) => {
    await start(canvasElement, args.onActive);
    await userEvent.click(await el(canvasElement, '[data-testid="sim-next-deadline"]'));
    await waitFor(() => expect(lastActive(args.onActive)).toEqual(['visit']));
    await userEvent.selectOptions(
      await el<HTMLSelectElement>(canvasElement, '#zz-sim-member'),
      'qj-sj-c1-g1-worker',
    );
    const visit = await el(canvasElement, '[data-task="visit"]');
    expect(visit.querySelector('#zz-field-sim-visit-condition')).toBeTruthy();
    const outcomes = [...visit.querySelectorAll<HTMLElement>('[data-outcome]')].map(
      (b) => b.dataset.outcome,
    );
    expect(outcomes).toContain('emergency');
    await userEvent.click(visit.querySelector('[data-outcome="emergency"]') as HTMLElement);
    await waitFor(() => expect(lastActive(args.onActive)).toEqual(['callAmbulance', 'emergency']));
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, args }) => {
    expect(canvasElement.querySelector('h2')?.textContent).toBe('Simulation');
    await start(canvasElement, args.onActive);
    expect((await el(canvasElement, '[data-testid="sim-status"]')).textContent).toBe(
      'Active steps: Call the person',
    );
    expect(canvasElement.querySelector('[data-testid="sim-next-deadline"]')?.textContent).toBe(
      'To the next deadline',
    );
  },
};
