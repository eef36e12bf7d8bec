import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { sampleGridDutyList, sampleGridRoster } from '@zhizhi/core/duty';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ZzCheckInDetail, ZzDutyList } from '../src/index.js';
import { WORKER } from '../test/support/localClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

// zz-duty-list reads nothing from the client (the portal gives it the list, the rosters and
// the check-ins), so it has no loading or error state: its empty state is "no list given".

/** The sample town's "6+1" list with its households and key places. */
const withList = (el: Element) => {
  const list = el as ZzDutyList;
  list.list = sampleGridDutyList;
  list.households = [...sampleGridRoster.households];
  list.places = [...sampleGridRoster.places];
};

const meta = {
  title: 'Widgets/zz-duty-list',
  render: renderInProvider('<zz-duty-list></zz-duty-list>', withList),
  args: providerArgs(WORKER),
  argTypes: providerArgTypes,
  loaders: [sampleLoader()],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-duty-list';
const button = (el: Element, id: string) =>
  el.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-duty="${id}"]`);

/** The seven duties, the +1 marked; a patrol check-in fires zz-check-in and is confirmed. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = elementIn<ZzDutyList>(canvasElement, TAG);
    await expectShadowText(canvasElement, TAG, '三江街道网格员“6+1”重点任务清单');
    expect(el.shadowRoot?.querySelectorAll('.duty-name')).toHaveLength(
      sampleGridDutyList.duties.length,
    );
    expect(el.shadowRoot?.querySelector('.local')?.textContent).toBe('+1 本地任务');
    const checkIns: ZzCheckInDetail[] = [];
    el.addEventListener('zz-check-in', (e) => checkIns.push(e.detail));
    await userEvent.click(button(el, 'dailyPatrol') as HTMLButtonElement);
    const form = await waitFor(() => {
      const f = el.shadowRoot?.querySelector<HTMLFormElement>('form[data-duty="dailyPatrol"]');
      expect(f).toBeTruthy();
      return f as HTMLFormElement;
    });
    await userEvent.click(form.querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(checkIns.map((c) => c.checkIn.dutyId)).toEqual(['dailyPatrol']));
    await expectShadowText(canvasElement, TAG, '已打卡：');
  },
};

/** No list given yet. */
export const Empty: Story = {
  render: renderInProvider('<zz-duty-list></zz-duty-list>'),
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '未设置任务清单（list 属性）');
  },
};

/** No grid worker on the provider: nothing to check in as. */
export const NoMember: Story = {
  args: { member: '' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '未设置网格员（zz-provider 的 member）');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, 'Sanjiang Street grid workers’ “6+1” key-task list');
    expect(button(elementIn(canvasElement, TAG), 'serveResidents')?.textContent).toBe('Check in');
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '6+1');
    await expectLargeText(canvasElement, TAG);
  },
};
