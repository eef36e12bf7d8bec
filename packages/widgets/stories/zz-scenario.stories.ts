import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { builtInScenarios } from '@zhizhi/core/sample';
import type { Scenario } from '@zhizhi/core/scenario';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ZzScenario, ZzScenarioStartedDetail } from '../src/scenario.js';
import { faultReason } from '../test/support/faultyClient.js';
import { DUTY } from '../test/support/localClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

const band = builtInScenarios.find((d) => d.id === 'elderly-health-band') as Scenario;

/** The elderly health-band scenario deployed (or not, with `deploy: false`). */
const deployed = (options: { deploy?: boolean; fault?: 'fail' | 'hang' } = {}) =>
  sampleLoader({
    fault: options.fault,
    seed: async (client) => {
      if (options.deploy === false) return {};
      const r = await client.deploy(band, DUTY);
      if (!r.ok) throw new Error(`deploy refused: ${JSON.stringify(r.diagnostics)}`);
      return {};
    },
  });

const meta = {
  title: 'Widgets/zz-scenario',
  render: renderInProvider(
    `<zz-scenario scenario="${band.id}" grid="qj-sj-c1-g1" viewer-role="dutyOfficer"></zz-scenario>`,
  ),
  args: providerArgs(DUTY),
  argTypes: providerArgTypes,
  loaders: [deployed()],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-scenario';
const startButton = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
    /启动场景|Start the scenario/.test(b.textContent ?? ''),
  );

/** The deployed scenario; starting it fires zz-scenario-started and offers the call task. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = elementIn<ZzScenario>(canvasElement, TAG);
    await waitFor(() => expect(startButton(el)).toBeTruthy());
    await expectShadowText(canvasElement, TAG, '留守老人智能健康手环');
    const started: ZzScenarioStartedDetail[] = [];
    el.addEventListener('zz-scenario-started', (e) => started.push(e.detail));
    await userEvent.click(startButton(el) as HTMLButtonElement);
    await waitFor(() => expect(started).toHaveLength(1));
    await waitFor(() =>
      expect(el.shadowRoot?.querySelector('section[data-step="call"] h4')?.textContent).toBe(
        '电话联系老人',
      ),
    );
  },
};

export const Loading: Story = {
  loaders: [deployed({ fault: 'hang' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '正在加载…');
  },
};

/** The data source has no such scenario: deploy it first. */
export const Empty: Story = {
  loaders: [deployed({ deploy: false })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `数据来源中没有场景 ${band.id}`);
  },
};

export const LoadError: Story = {
  name: 'Error',
  loaders: [deployed({ fault: 'fail' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `加载失败：${faultReason}`);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(startButton(elementIn(canvasElement, TAG))).toBeTruthy());
    await expectShadowText(canvasElement, TAG, 'Start the scenario');
  },
};

export const EnglishError: Story = {
  args: { lang: 'en' },
  loaders: [deployed({ fault: 'fail' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `Could not load: ${faultReason}`);
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(startButton(elementIn(canvasElement, TAG))).toBeTruthy());
    await expectLargeText(canvasElement, TAG);
  },
};
