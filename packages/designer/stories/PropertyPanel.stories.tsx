import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Lang } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { type Command, createDraft, executeAll, type Refusal } from '../src/model/index.js';
import type { ScenarioDraft } from '../src/model/ScenarioDraft.js';
import { PropertyPanel } from '../src/panels/PropertyPanel.js';
import { healthBand } from './support/healthBand.js';

interface HostProps {
  step: string | undefined;
  lang: Lang;
  /** Hears each document the panel's commands make. */
  onChange(doc: ScenarioDraft): void;
  onRefused(refusals: Refusal[]): void;
}

/** The panel over the health-band scenario, its commands run on a real draft (undo stack). */
function PanelHost({ step, lang, onChange, onRefused }: HostProps) {
  const [draft, setDraft] = useState(() => createDraft(healthBand()));
  const run = (commands: readonly Command[]) => {
    const r = executeAll(draft, commands);
    if (!r.ok) return r.refusals;
    setDraft(r.draft);
    onChange(r.draft.doc);
    return [];
  };
  return (
    <PropertyPanel
      doc={draft.doc}
      step={step}
      lang={lang}
      org={sampleOrg}
      run={run}
      onRefused={onRefused}
    />
  );
}

const meta = {
  title: 'Designer/PropertyPanel',
  component: PanelHost,
  args: { step: 'call', lang: 'zh-CN', onChange: fn(), onRefused: fn() },
} satisfies Meta<typeof PanelHost>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = (canvas: HTMLElement) => canvas.querySelector<HTMLElement>('.zz-properties');

/** The call task's form; a new label, committed with Enter, is one setProperty command. */
export const StepSelected: Story = {
  play: async ({ canvasElement, args }) => {
    expect(panel(canvasElement)?.dataset.step).toBe('call');
    expect(panel(canvasElement)?.querySelector('h2')?.textContent).toMatch(/^属性 · /);
    const zh = panel(canvasElement)?.querySelector<HTMLInputElement>('#zz-field-label-zh');
    if (!zh) throw new Error('no label field');
    await userEvent.clear(zh);
    await userEvent.type(zh, '电话联系老人及家属{Enter}');
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    const doc = (args.onChange as ReturnType<typeof fn>).mock.lastCall?.[0] as ScenarioDraft;
    const call = doc.steps.find((s) => s.id === 'call') as { label?: { zh: string } };
    expect(call.label?.zh).toBe('电话联系老人及家属');
    expect(args.onRefused).not.toHaveBeenCalled();
  },
};

/** No step selected: the scenario's own properties, with the hint. */
export const NoSelection: Story = {
  args: { step: undefined },
  play: async ({ canvasElement }) => {
    expect(panel(canvasElement)?.dataset.step).toBe('');
    expect(canvasElement.textContent).toContain('选中一个步骤以编辑其属性');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    expect(panel(canvasElement)?.querySelector('h2')?.textContent).toMatch(/^Properties · /);
  },
};
