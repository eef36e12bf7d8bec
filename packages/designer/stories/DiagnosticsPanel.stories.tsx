import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { checkDraft } from '../src/model/index.js';
import { DiagnosticsPanel } from '../src/panels/DiagnosticsPanel.js';
import { openScenario } from '../test/browser/fixtures.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/DiagnosticsPanel',
  component: DiagnosticsPanel,
  // a notify step whose `next` is not connected (the browser tests' fixture)
  args: { check: checkDraft(openScenario()), lang: 'zh-CN', onFocus: fn() },
} satisfies Meta<typeof DiagnosticsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const errors = (canvas: HTMLElement) => [
  ...canvas.querySelectorAll<HTMLButtonElement>('.zz-diagnostic--error'),
];

/** An error on the unconnected step; clicking it asks to focus that step. */
export const WithErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const first = errors(canvasElement)[0];
    expect(first?.dataset.step).toBe('tell');
    expect(canvasElement.querySelector('[data-testid="diagnostic-counts"]')?.textContent).toMatch(
      /^[1-9]\d* 错误/,
    );
    await userEvent.click(first as HTMLButtonElement);
    expect(args.onFocus).toHaveBeenCalledWith(expect.objectContaining({ stepId: 'tell' }));
  },
};

/** The built-in health-band scenario: nothing to say. */
export const Empty: Story = {
  args: { check: checkDraft(healthBand()) },
  play: async ({ canvasElement }) => {
    expect(errors(canvasElement)).toHaveLength(0);
    expect(canvasElement.textContent).toContain('没有问题');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('h2')?.textContent).toContain('Diagnostics');
    expect(errors(canvasElement)[0]?.textContent).toMatch(/[A-Za-z]/);
  },
};
