import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Lang } from '@zhizhi/core';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { isPinned } from '../src/layout/isPinned.js';
import { LayoutButtons } from '../src/layout/LayoutButtons.js';
import { type Command, createDraft, executeAll, type Refusal } from '../src/model/index.js';
import type { ScenarioDraft } from '../src/model/ScenarioDraft.js';
import { healthBand } from './support/healthBand.js';

interface HostProps {
  /** The document at the start. */
  doc: ScenarioDraft;
  selected: string[];
  lang: Lang;
  /** Hears each document the buttons' commands make. */
  onChange(doc: ScenarioDraft): void;
  onRefused(refusals: Refusal[]): void;
}

/** The buttons over a document, their commands run on a real draft. */
function ButtonsHost({ doc, selected, lang, onChange, onRefused }: HostProps) {
  const [draft, setDraft] = useState(() => createDraft(doc));
  const run = (commands: readonly Command[]) => {
    const r = executeAll(draft, commands);
    if (!r.ok) return r.refusals;
    setDraft(r.draft);
    onChange(r.draft.doc);
    return [];
  };
  return (
    <div role="toolbar" aria-label={lang === 'en' ? 'Layout' : '布局'}>
      <LayoutButtons
        doc={draft.doc}
        lang={lang}
        selected={new Set(selected)}
        run={run}
        onRefused={onRefused}
      />
    </div>
  );
}

/** The health band with its steps piled in a row (auto-layout has something to do). */
function piledUp(): ScenarioDraft {
  const doc = healthBand();
  doc.steps.forEach((s, i) => {
    s.layout = { x: i * 30, y: 0 };
  });
  return doc;
}

const meta = {
  title: 'Designer/LayoutButtons',
  component: ButtonsHost,
  args: { doc: piledUp(), selected: ['call'], lang: 'zh-CN', onChange: fn(), onRefused: fn() },
} satisfies Meta<typeof ButtonsHost>;

export default meta;
type Story = StoryObj<typeof meta>;

const button = (canvas: HTMLElement, i: 0 | 1) =>
  canvas.querySelectorAll<HTMLButtonElement>('button')[i] as HTMLButtonElement;
const lastDoc = (onChange: unknown) =>
  (onChange as ReturnType<typeof fn>).mock.lastCall?.[0] as ScenarioDraft;
const at = (doc: ScenarioDraft, id: string) => doc.steps.find((s) => s.id === id)?.layout;

/** Pin the selected `call`, then auto-layout: every other step may move, `call` stays put. */
export const PinThenLayout: Story = {
  play: async ({ canvasElement, args }) => {
    const pin = button(canvasElement, 1);
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(pin);
    await waitFor(() => expect(pin.getAttribute('aria-pressed')).toBe('true'));
    const pinned = lastDoc(args.onChange);
    expect(isPinned(pinned.steps.find((s) => s.id === 'call') as never)).toBe(true);
    const calls = (args.onChange as ReturnType<typeof fn>).mock.calls.length;
    await userEvent.click(button(canvasElement, 0));
    // elkjs loads on the first layout: give it time
    await waitFor(
      () => expect((args.onChange as ReturnType<typeof fn>).mock.calls.length).toBe(calls + 1),
      { timeout: 15_000 },
    );
    await waitFor(() => expect(button(canvasElement, 0).textContent).toBe('自动布局'), {
      timeout: 15_000,
    });
    const laid = lastDoc(args.onChange);
    expect(at(laid, 'call')).toEqual(at(pinned, 'call'));
    expect(
      laid.steps.some((s) => JSON.stringify(at(laid, s.id)) !== JSON.stringify(at(pinned, s.id))),
    ).toBe(true);
    expect(args.onRefused).not.toHaveBeenCalled();
  },
};

/** Nothing selected: Pin is disabled. */
export const NoSelection: Story = {
  args: { selected: [] },
  play: async ({ canvasElement }) => {
    expect(button(canvasElement, 1).disabled).toBe(true);
    expect(button(canvasElement, 0).disabled).toBe(false);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    expect(button(canvasElement, 0).textContent).toBe('Auto-layout');
    expect(button(canvasElement, 1).textContent).toBe('📌 Pin');
  },
};
