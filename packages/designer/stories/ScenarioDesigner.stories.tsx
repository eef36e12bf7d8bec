import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { DesignerHost } from './support/DesignerHost.js';

const meta = {
  title: 'Designer/ScenarioDesigner',
  component: DesignerHost,
  args: { lang: 'zh-CN', onChange: fn() },
} satisfies Meta<typeof DesignerHost>;

export default meta;
type Story = StoryObj<typeof meta>;

const node = (canvas: HTMLElement, id: string) =>
  canvas.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);

/** The built-in health-band scenario on the canvas; clicking a step opens its properties. */
export const HealthBand: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(node(canvasElement, 'call')).toBeTruthy());
    expect(canvasElement.querySelectorAll('.react-flow__node').length).toBeGreaterThan(3);
    await userEvent.click(node(canvasElement, 'call') as HTMLElement);
    await waitFor(() =>
      expect(canvasElement.querySelector('.zz-properties[data-step="call"]')).toBeTruthy(),
    );
    expect(canvasElement.querySelector('[data-testid="diagnostic-counts"]')?.textContent).toMatch(
      /^0 错误/,
    );
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(node(canvasElement, 'call')).toBeTruthy());
    expect(canvasElement.querySelector('.zz-palette h2')?.textContent).toBe('Steps');
    expect(canvasElement.querySelector('[data-testid="diagnostic-counts"]')?.textContent).toMatch(
      /^0 errors/,
    );
  },
};
