import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { sampleOrg } from '@zhizhi/core/sample';
import { expect, waitFor } from 'storybook/test';
import { dispatchTargetsOf, type ZzDispatchBoard } from '../src/index.js';
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

/** Two cases waiting at intake in the sample town. */
const intake = sampleLoader({
  seed: async (client) => {
    await report(client, { title: '待受理：河面油污' });
    await report(client, { title: '待受理：路面塌陷', category: 'roadFacilities' });
    return {};
  },
});

const meta = {
  title: 'Widgets/zz-dispatch-board',
  render: renderInProvider(`<zz-dispatch-board town="${TOWN}"></zz-dispatch-board>`, (el) => {
    (el as ZzDispatchBoard).targets = dispatchTargetsOf(sampleOrg, TOWN);
  }),
  args: providerArgs(DUTY),
  argTypes: providerArgTypes,
  loaders: [intake],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-dispatch-board';
const column = (el: Element, c: string) =>
  [...(el.shadowRoot?.querySelectorAll(`section[data-column="${c}"] li .title`) ?? [])].map(
    (e) => e.textContent,
  );

/** The four columns, the intake one holding the sample town's two new cases. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const board = elementIn<ZzDispatchBoard>(canvasElement, TAG);
    await waitFor(() =>
      expect(column(board, 'intake')).toEqual(['待受理：河面油污', '待受理：路面塌陷']),
    );
    await expectShadowText(canvasElement, TAG, '指挥中心派单看板');
    expect(board.shadowRoot?.querySelectorAll('section[data-column]')).toHaveLength(4);
  },
};

export const Loading: Story = {
  loaders: [sampleLoader({ fault: 'hang' })],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '正在加载…');
    expect(elementIn<ZzDispatchBoard>(canvasElement, TAG).loading).toBe(true);
  },
};

export const Empty: Story = {
  loaders: [sampleLoader()],
  play: async ({ canvasElement }) => {
    const board = elementIn<ZzDispatchBoard>(canvasElement, TAG);
    await waitFor(() => expect(board.loading).toBe(false));
    await waitFor(() =>
      expect(
        [...(board.shadowRoot?.querySelectorAll('section[data-column] p.muted') ?? [])].map(
          (p) => p.textContent,
        ),
      ).toEqual(['暂无', '暂无', '暂无', '暂无']),
    );
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
    await expectShadowText(canvasElement, TAG, 'Command center board');
    await waitFor(() => expect(column(elementIn(canvasElement, TAG), 'intake')).toHaveLength(2));
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
    await waitFor(() => expect(column(elementIn(canvasElement, TAG), 'intake')).toHaveLength(2));
    await expectLargeText(canvasElement, TAG);
  },
};
