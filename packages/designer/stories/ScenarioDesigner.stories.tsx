import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Lang } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { ScenarioDraft } from '../src/model/ScenarioDraft.js';
import { ScenarioDesigner } from '../src/ScenarioDesigner.js';
import { healthBand } from './support/healthBand.js';

/** The app around the designer: it owns the document, as a user of the component does. */
function DesignerHost(props: { lang: Lang; onChange(doc: ScenarioDraft): void }) {
  const [value, setValue] = useState(healthBand);
  const [lang, setLang] = useState<Lang>(props.lang);
  return (
    <div style={{ width: 1100, height: 680 }}>
      <ScenarioDesigner
        value={value}
        org={sampleOrg}
        lang={lang}
        onLangChange={setLang}
        onChange={(doc) => {
          setValue(doc);
          props.onChange(doc);
        }}
        onExport={() => {}}
      />
    </div>
  );
}

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
