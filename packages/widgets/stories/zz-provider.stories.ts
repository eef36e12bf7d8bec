import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { ZzProvider } from '../src/index.js';
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

// zz-provider shows nothing itself: its stories show what the elements inside get from it
// (client, language, large text, member) and what an element without one shows.

const seed = async (client: Parameters<typeof report>[0]) => {
  const r = await report(client, { title: '同一数据来源' });
  return { caseId: r.id };
};
const oneCase = sampleLoader({ seed });

const meta = {
  title: 'Widgets/zz-provider',
  render: renderInProvider(
    (s) => `<zz-case-list town="${TOWN}"></zz-case-list><zz-case case-id="${s.caseId}"></zz-case>`,
  ),
  args: providerArgs(DUTY),
  argTypes: providerArgTypes,
  loaders: [oneCase],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** Two elements, one provider: both read the same client over one live stream. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', '同一数据来源');
    await expectShadowText(canvasElement, 'zz-case', '同一数据来源');
    const provider = elementIn<ZzProvider>(canvasElement, 'zz-provider');
    await waitFor(() => expect(provider.feed).toBeTruthy());
  },
};

/** Every element inside shows the client's failure in the provider's language. */
export const LoadError: Story = {
  name: 'Error',
  loaders: [sampleLoader({ fault: 'fail', seed })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', `加载失败：${faultReason}`);
  },
};

/** Reads that never answer: every element inside says it is loading. */
export const Loading: Story = {
  loaders: [sampleLoader({ fault: 'hang', seed })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', '正在加载…');
    await expectShadowText(canvasElement, 'zz-case', '正在加载…');
  },
};

/** An element outside any provider says so. */
export const NoProvider: Story = {
  render: () => {
    const el = document.createElement('zz-case-list');
    el.setAttribute('town', TOWN);
    return el;
  },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', '未找到数据来源（zz-provider）');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', 'Cases');
    await expectShadowText(canvasElement, 'zz-case', 'Timeline');
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, 'zz-case-list', '同一数据来源');
    await expectLargeText(canvasElement, 'zz-case-list');
    await expectLargeText(canvasElement, 'zz-case');
  },
};
