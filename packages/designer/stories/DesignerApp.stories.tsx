import type { Meta, StoryObj } from '@storybook/react-vite';
import { sampleOrg } from '@zhizhi/core/sample';
import { expect, userEvent, waitFor } from 'storybook/test';
import { DesignerApp } from '../src/app/DesignerApp.js';
import { memoryStorage } from './support/memoryStorage.js';

const meta = {
  title: 'Designer/DesignerApp',
  component: DesignerApp,
  args: { org: sampleOrg, lang: 'zh-CN' },
  // a fresh in-memory storage per render: no story sees another's drafts
  render: (args) => (
    <div style={{ width: 1100, height: 720 }}>
      <DesignerApp {...args} storage={memoryStorage()} />
    </div>
  ),
} satisfies Meta<typeof DesignerApp>;

export default meta;
type Story = StoryObj<typeof meta>;

const select = (canvas: HTMLElement, label: string) =>
  canvas.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`) as HTMLSelectElement;

/** A blank scenario; choosing a built-in template opens it on the canvas. */
export const Blank: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain('智治场景设计器 · 新场景'));
    await userEvent.selectOptions(select(canvasElement, '新建（模板）'), 'elderly-health-band');
    await waitFor(() =>
      expect(canvasElement.querySelector('.react-flow__node[data-id="call"]')).toBeTruthy(),
    );
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.textContent).toContain('zhizhi scenario designer · New scenario'),
    );
    expect(select(canvasElement, 'Drafts')).toBeTruthy();
  },
};
