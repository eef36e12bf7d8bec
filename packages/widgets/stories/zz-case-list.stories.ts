import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ZzCaseList } from '../src/index.js';
import { faultReason } from '../test/support/faultyClient.js';
import { DUTY, report, TOWN } from '../test/support/localClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

/** Two cases of the sample town. */
const twoCases = sampleLoader({
  seed: async (client) => {
    await report(client, { title: '河道排污口异味', description: '三江村东' });
    await report(client, { title: '路灯损坏', category: 'roadFacilities' });
    return {};
  },
});

const meta = {
  title: 'Widgets/zz-case-list',
  render: renderInProvider(`<zz-case-list town="${TOWN}"></zz-case-list>`),
  args: providerArgs(DUTY),
  argTypes: providerArgTypes,
  loaders: [twoCases],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-case-list';

/** The sample town's cases, and selecting one with the keyboard fires zz-case-select. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '本页 2 件');
    const list = elementIn<ZzCaseList>(canvasElement, TAG);
    expect(list.items.map((c) => c.context.title)).toEqual(['河道排污口异味', '路灯损坏']);
    const chosen: string[] = [];
    list.addEventListener('zz-case-select', (e) =>
      chosen.push(String(e.detail.record.context.title)),
    );
    const first = list.shadowRoot?.querySelector<HTMLElement>('li > button');
    first?.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(chosen).toEqual(['河道排污口异味']));
  },
};

export const Loading: Story = {
  loaders: [sampleLoader({ fault: 'hang' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '正在加载…');
    expect(elementIn<ZzCaseList>(canvasElement, TAG).loading).toBe(true);
  },
};

export const Empty: Story = {
  loaders: [sampleLoader()],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '暂无事件');
  },
};

export const LoadError: Story = {
  name: 'Error',
  loaders: [sampleLoader({ fault: 'fail' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `加载失败：${faultReason}`);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '2 on this page');
    await expectShadowText(canvasElement, TAG, 'Cases');
  },
};

export const EnglishError: Story = {
  args: { lang: 'en' },
  loaders: [sampleLoader({ fault: 'fail' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `Could not load: ${faultReason}`);
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '本页 2 件');
    await expectLargeText(canvasElement, TAG);
  },
};
