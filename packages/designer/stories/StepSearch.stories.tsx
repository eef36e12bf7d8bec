import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { StepSearch } from '../src/panels/StepSearch.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/StepSearch',
  component: StepSearch,
  args: { doc: healthBand(), lang: 'zh-CN', onPick: fn() },
} satisfies Meta<typeof StepSearch>;

export default meta;
type Story = StoryObj<typeof meta>;

const box = (canvas: HTMLElement) =>
  canvas.querySelector<HTMLInputElement>('input[role="combobox"]') as HTMLInputElement;
const options = (canvas: HTMLElement) =>
  [...canvas.querySelectorAll('[role="option"] code')].map((o) => o.textContent);

/** A zh-CN label finds its step; ↓ and Enter pick it. */
export const ByLabel: Story = {
  play: async ({ canvasElement, args }) => {
    const input = box(canvasElement);
    expect(input.getAttribute('aria-label')).toBe('查找步骤');
    await userEvent.type(input, '通知');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    // document order: 急救与通知家属, 通知家属, 通知养老服务岗跟进
    expect(options(canvasElement)).toEqual(['emergency', 'notifyFamily', 'notifyCare']);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(args.onPick).toHaveBeenCalledWith('notifyFamily');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  },
};

/** Nothing matches: the list says so. */
export const NoMatch: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.type(box(canvasElement), 'zzzz');
    await waitFor(() => expect(canvasElement.textContent).toContain('没有匹配的步骤'));
    expect(options(canvasElement)).toEqual([]);
    await userEvent.keyboard('{Enter}');
    expect(args.onPick).not.toHaveBeenCalled();
    // the message is a status beside the listbox (a listbox holds only options): axe checks
    // this open state after the play function
    expect(canvasElement.querySelector('[role="status"]')?.textContent).toContain('没有匹配的步骤');
    expect(box(canvasElement).getAttribute('aria-expanded')).toBe('false');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, args }) => {
    const input = box(canvasElement);
    expect(input.getAttribute('aria-label')).toBe('Find a step');
    await userEvent.type(input, 'ambulance');
    await waitFor(() => expect(options(canvasElement)).toEqual(['callAmbulance']));
    await userEvent.keyboard('{Enter}');
    expect(args.onPick).toHaveBeenCalledWith('callAmbulance');
  },
};
