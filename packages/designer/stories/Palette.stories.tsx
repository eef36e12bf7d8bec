import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { stepKinds } from '../src/model/index.js';
import { Palette } from '../src/panels/Palette.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/Palette',
  component: Palette,
  args: { doc: healthBand(), lang: 'zh-CN', onAdd: fn() },
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

const items = (canvas: HTMLElement) => [
  ...canvas.querySelectorAll<HTMLButtonElement>('.zz-palette__item'),
];

/** Every step kind; Enter on a focused kind adds it. */
export const Loaded: Story = {
  play: async ({ canvasElement, args }) => {
    expect(items(canvasElement).map((b) => b.dataset.kind)).toEqual([...stepKinds]);
    expect(canvasElement.querySelector('h2')?.textContent).toBe('步骤');
    const notify = items(canvasElement).find((b) => b.dataset.kind === 'notify');
    notify?.focus();
    await userEvent.keyboard('{Enter}');
    expect(args.onAdd).toHaveBeenCalledWith('notify');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, args }) => {
    expect(canvasElement.querySelector('h2')?.textContent).toBe('Steps');
    const task = items(canvasElement).find((b) => b.dataset.kind === 'task') as HTMLButtonElement;
    await userEvent.click(task);
    expect(args.onAdd).toHaveBeenCalledWith('task');
  },
};
