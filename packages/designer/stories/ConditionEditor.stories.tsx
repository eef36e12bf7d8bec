import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { ConditionEditor } from '../src/panels/ConditionEditor.js';
import { healthBand } from './support/healthBand.js';

const meta = {
  title: 'Designer/ConditionEditor',
  component: ConditionEditor,
  // the health band's `followUp` decision: its condition over the scenario's fields
  args: {
    id: 'when',
    value: 'heartRate > 120 or heartRate < 40',
    fields: healthBand().fields,
    lang: 'zh-CN',
    onCommit: fn(),
  },
  // the property panel gives the input its label; so does the story
  render: (args) => (
    <div className="zz-field">
      <label htmlFor={args.id}>{args.lang === 'en' ? 'Condition' : '条件'}</label>
      <ConditionEditor {...args} />
    </div>
  ),
} satisfies Meta<typeof ConditionEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

const input = (canvas: HTMLElement) =>
  canvas.querySelector<HTMLInputElement>('input[role="combobox"]') as HTMLInputElement;
const status = (canvas: HTMLElement) =>
  canvas.querySelector<HTMLElement>(`#${input(canvas).getAttribute('aria-describedby')}`);

/** Typing "h" offers the fields starting with it; ↓ and Enter take one (not yet committed). */
export const CompletionOpen: Story = {
  play: async ({ canvasElement, args }) => {
    const i = input(canvasElement);
    await userEvent.clear(i);
    await userEvent.type(i, 'h');
    await waitFor(() => expect(i.getAttribute('aria-expanded')).toBe('true'));
    const options = [...canvasElement.querySelectorAll('[role="option"] code')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['heartRate']);
    const active = i.getAttribute('aria-activedescendant');
    expect(canvasElement.querySelector(`#${active}`)?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(i.value).toBe('heartRate');
    expect(i.getAttribute('aria-expanded')).toBe('false');
    expect(args.onCommit).not.toHaveBeenCalled();
    // the story ends with the list open (axe checks the open combobox)
    await userEvent.type(i, ' > 1 and c');
    await waitFor(() => expect(i.getAttribute('aria-expanded')).toBe('true'));
  },
};

/** A syntax error: shown inline with its column marked; a valid condition commits on Enter. */
export const InlineError: Story = {
  play: async ({ canvasElement, args }) => {
    const i = input(canvasElement);
    await userEvent.clear(i);
    await userEvent.type(i, 'heartRate >');
    await waitFor(() => expect(status(canvasElement)?.textContent).toContain('第 12 列'));
    expect(i.getAttribute('aria-invalid')).toBe('true');
    expect(status(canvasElement)?.querySelector('mark')).not.toBeNull();
    await userEvent.type(i, ' 150{Enter}');
    await waitFor(() => expect(i.getAttribute('aria-invalid')).toBe('false'));
    expect(status(canvasElement)?.textContent).toBe('条件有效');
    expect(args.onCommit).toHaveBeenCalledWith('heartRate > 150');
    // back to the error, left on screen for axe
    await userEvent.type(i, ' and');
    await waitFor(() => expect(i.getAttribute('aria-invalid')).toBe('true'));
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const i = input(canvasElement);
    await userEvent.clear(i);
    await userEvent.type(i, 'heartRate = 1');
    await waitFor(() => expect(status(canvasElement)?.textContent).toContain('Column 11'));
    expect(status(canvasElement)?.textContent).toContain('write `==`');
  },
};
