import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Lang } from '@zhizhi/core';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { ShortcutHelp, shortcutList } from '../src/panels/ShortcutHelp.js';

/** The button and its popover, open state kept here as the designer's toolbar keeps it. */
function HelpHost(props: { lang: Lang; open: boolean; onOpenChange(open: boolean): void }) {
  const [open, setOpen] = useState(props.open);
  return (
    <ShortcutHelp
      lang={props.lang}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        props.onOpenChange(o);
      }}
    />
  );
}

const meta = {
  title: 'Designer/ShortcutHelp',
  component: HelpHost,
  args: { lang: 'zh-CN', open: false, onOpenChange: fn() },
} satisfies Meta<typeof HelpHost>;

export default meta;
type Story = StoryObj<typeof meta>;

const toggle = (canvas: HTMLElement) =>
  canvas.querySelector<HTMLButtonElement>('.zz-shortcuts > button') as HTMLButtonElement;
const popover = (canvas: HTMLElement) => canvas.querySelector<HTMLElement>('[role="dialog"]');

/** The button opens the list (focused); Escape closes it; the button opens it again. */
export const Closed: Story = {
  play: async ({ canvasElement, args }) => {
    expect(toggle(canvasElement).textContent).toBe('快捷键');
    expect(popover(canvasElement)).toBeNull();
    await userEvent.click(toggle(canvasElement));
    expect(args.onOpenChange).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(document.activeElement).toBe(popover(canvasElement)));
    expect(toggle(canvasElement).getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
    expect(popover(canvasElement)).toBeNull();
    await userEvent.click(toggle(canvasElement));
    expect(popover(canvasElement)).not.toBeNull();
  },
};

/** Open: every shortcut with what it does. */
export const Open: Story = {
  args: { open: true },
  play: async ({ canvasElement }) => {
    const items = [...(popover(canvasElement)?.querySelectorAll('dt kbd') ?? [])];
    expect(items.map((k) => k.textContent)).toEqual(shortcutList.map((s) => s.keys));
    expect(popover(canvasElement)?.getAttribute('aria-label')).toBe('快捷键');
    expect(popover(canvasElement)?.textContent).toContain('缩放');
  },
};

export const English: Story = {
  args: { lang: 'en', open: true },
  play: async ({ canvasElement }) => {
    expect(toggle(canvasElement).textContent).toBe('Shortcuts');
    expect(popover(canvasElement)?.textContent).toContain('Zoom (far out, the overview is drawn)');
  },
};
