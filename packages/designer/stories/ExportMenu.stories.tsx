import type { Meta, StoryObj } from '@storybook/react-vite';
import { Directory } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import { expect, fn, userEvent } from 'storybook/test';
import { ExportMenu } from '../src/export/ExportMenu.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/ExportMenu',
  component: ExportMenu,
  args: {
    doc: healthBand(),
    exportable: true,
    directory: new Directory(sampleOrg),
    lang: 'zh-CN',
    onExport: fn(),
    onRefused: fn(),
  },
  // the menu is a run of toolbar buttons
  render: (args) => (
    <div role="toolbar" aria-label="导出 / Export">
      <ExportMenu {...args} />
    </div>
  ),
} satisfies Meta<typeof ExportMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

const buttons = (canvas: HTMLElement) => [
  ...canvas.querySelectorAll<HTMLButtonElement>('button[data-export]'),
];
const button = (canvas: HTMLElement, kind: string) =>
  canvas.querySelector<HTMLButtonElement>(`button[data-export="${kind}"]`) as HTMLButtonElement;

/** A checked scenario: the document exports as `<id>.json`, the embed as its HTML and script. */
export const Enabled: Story = {
  play: async ({ canvasElement, args }) => {
    expect(buttons(canvasElement).map((b) => b.dataset.export)).toEqual([
      'scenario',
      'machine',
      'embed',
      'testPaths',
    ]);
    expect(buttons(canvasElement).every((b) => !b.disabled)).toBe(true);
    await userEvent.click(button(canvasElement, 'scenario'));
    const [kind, text, name] = (args.onExport as ReturnType<typeof fn>).mock.lastCall ?? [];
    expect([kind, name]).toEqual(['scenario', 'elderly-health-band.json']);
    expect(JSON.parse(text as string).id).toBe('elderly-health-band');
    await userEvent.click(button(canvasElement, 'embed'));
    const kinds = (args.onExport as ReturnType<typeof fn>).mock.calls.map((c) => c[0]);
    expect(kinds).toEqual(['scenario', 'embed', 'embedScript']);
    expect(args.onRefused).not.toHaveBeenCalled();
  },
};

/** Errors remain: every export is disabled and says why. */
export const RefusedWhileErrors: Story = {
  args: { exportable: false },
  play: async ({ canvasElement, args }) => {
    expect(buttons(canvasElement)).toHaveLength(4);
    for (const b of buttons(canvasElement)) {
      expect(b.disabled).toBe(true);
      expect(b.title).toBe('仍有错误，不能导出');
    }
    expect(args.onExport).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, args }) => {
    expect(button(canvasElement, 'testPaths').textContent).toBe('Export test paths (events files)');
    await userEvent.click(button(canvasElement, 'testPaths'));
    const names = (args.onExport as ReturnType<typeof fn>).mock.calls.map((c) => c[2]);
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toBe('elderly-health-band.path-1.events.jsonl');
  },
};
