import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { ZzAlertFeed } from '../src/index.js';
import { deployBuiltIns, FIRE_POST, leakReporter } from '../test/support/alertFixtures.js';
import { faultReason } from '../test/support/faultyClient.js';
import { TOWN } from '../test/support/localClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

/** The built-in scenarios deployed and, with `level`, one leakage alert at that level. */
const alerts = (level?: 1 | 2, fault?: 'fail' | 'hang') =>
  sampleLoader({
    fault,
    seed: async (client, clock) => {
      await deployBuiltIns(client);
      if (level) await leakReporter(client, clock)(level);
      return {};
    },
  });

const meta = {
  title: 'Widgets/zz-alert-feed',
  render: renderInProvider(`<zz-alert-feed town="${TOWN}"></zz-alert-feed>`),
  args: providerArgs(FIRE_POST),
  argTypes: providerArgTypes,
  loaders: [alerts(1)],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-alert-feed';
const cards = (el: Element) => [...(el.shadowRoot?.querySelectorAll('li') ?? [])];

/** A level-1 electrical-leakage alert: a red card with its words, place and current step. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const feed = elementIn<ZzAlertFeed>(canvasElement, TAG);
    await waitFor(() => expect(cards(feed)).toHaveLength(1));
    const card = cards(feed)[0] as HTMLLIElement;
    expect(card.classList.contains('level-1')).toBe(true);
    expect(card.querySelector('.badge')?.textContent).toBe('⚠⚠ 一级预警（最高）');
    expect(card.textContent).toContain('三江社区养老服务中心一楼配电箱');
    await expectShadowText(canvasElement, TAG, '1 条预警，其中一级 1 条未签收');
  },
};

export const Loading: Story = {
  loaders: [alerts(undefined, 'hang')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '正在加载…');
  },
};

export const Empty: Story = {
  loaders: [alerts()],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '暂无预警');
    expect(cards(elementIn(canvasElement, TAG))).toHaveLength(0);
  },
};

export const LoadError: Story = {
  name: 'Error',
  loaders: [alerts(undefined, 'fail')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `加载失败：${faultReason}`);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  loaders: [alerts(2)],
  play: async ({ canvasElement }) => {
    const feed = elementIn(canvasElement, TAG);
    await waitFor(() => expect(cards(feed)).toHaveLength(1));
    expect(cards(feed)[0]?.querySelector('.badge')?.textContent).toBe('⚠ Level 2 alert');
    await expectShadowText(canvasElement, TAG, 'Live alerts');
  },
};

export const EnglishError: Story = {
  args: { lang: 'en' },
  loaders: [alerts(undefined, 'fail')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `Could not load: ${faultReason}`);
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cards(elementIn(canvasElement, TAG))).toHaveLength(1));
    await expectLargeText(canvasElement, TAG);
  },
};
