import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ZzReportForm } from '../src/index.js';
import { WORKER } from '../test/support/localClient.js';
import { switchable } from '../test/support/switchableClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  type SampleLoaded,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

let outboxes = 0;
/** Each story run its own IndexedDB outbox, so no story sees another's waiting reports. */
const form = () =>
  `<zz-report-form grid="qj-sj-c1-g1" outbox="zz-story-outbox-${Date.now()}-${++outboxes}" categories="riverPollution,roadFacilities"></zz-report-form>`;

const meta = {
  title: 'Widgets/zz-report-form',
  render: renderInProvider(form),
  args: providerArgs(WORKER),
  argTypes: providerArgTypes,
  loaders: [sampleLoader()],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-report-form';
const field = <T extends Element>(el: Element, name: string) => {
  const f = el.shadowRoot?.querySelector<T>(`[name="${name}"]`);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

/** Fills in a river-pollution report with the keyboard and presses 上报 / Report. */
async function fillAndSend(el: Element, title: string) {
  await waitFor(() => expect(el.shadowRoot?.querySelector('[name="title"]')).toBeTruthy());
  await userEvent.selectOptions(field<HTMLSelectElement>(el, 'category'), 'riverPollution');
  await userEvent.type(field<HTMLInputElement>(el, 'title'), title);
  await userEvent.click(el.shadowRoot?.querySelector('button[type="submit"]') as HTMLButtonElement);
}

/** The empty form; reporting opens a case and says its id. */
export const Loaded: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = elementIn<ZzReportForm>(canvasElement, TAG);
    await expectShadowText(canvasElement, TAG, '事件上报');
    await fillAndSend(el, '河面有大片油污');
    await expectShadowText(canvasElement, TAG, '已上报，事件编号');
    const { local } = loaded as unknown as SampleLoaded;
    const page = await local.listCases({});
    expect(page.items.map((c) => c.context.title)).toEqual(['河面有大片油污']);
  },
};

/** The network is down: the report waits in the IndexedDB outbox and the form says so. */
export const Offline: Story = {
  loaders: [
    sampleLoader({
      wrap: (local) => {
        const net = switchable(local);
        net.state.mode = 'offline';
        return net.client;
      },
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const el = elementIn<ZzReportForm>(canvasElement, TAG);
    await fillAndSend(el, '排污口冒黑水');
    await expectShadowText(
      canvasElement,
      TAG,
      '网络不可用，已保存在本机，联网后自动发送（待发送 1 条）',
    );
    await waitFor(() => expect(el.entries.map((e) => e.state)).toEqual(['pending']));
    const { local } = loaded as unknown as SampleLoaded;
    expect((await local.listCases({})).items).toEqual([]);
  },
};

/** Sent without a title: the form refuses it and says what is missing. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const el = elementIn<ZzReportForm>(canvasElement, TAG);
    await waitFor(() => expect(el.shadowRoot?.querySelector('button[type="submit"]')).toBeTruthy());
    await userEvent.click(
      el.shadowRoot?.querySelector('button[type="submit"]') as HTMLButtonElement,
    );
    await waitFor(() => expect(el.validationMessage).toBe('请选择类别'));
    expect(el.checkValidity()).toBe(false);
    expect(el.entries).toEqual([]);
  },
};

/**
 * The server refuses the report (a 4xx: `constructor` is no category the runtime accepts): it
 * shows with the reason and stays in the outbox for the worker to dismiss, never retried.
 */
export const LoadError: Story = {
  name: 'Error',
  render: renderInProvider(form, (el) => {
    (el as ZzReportForm).categories = [{ id: 'constructor' }];
  }),
  play: async ({ canvasElement }) => {
    const el = elementIn<ZzReportForm>(canvasElement, TAG);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[name="title"]')).toBeTruthy());
    await userEvent.selectOptions(field<HTMLSelectElement>(el, 'category'), 'constructor');
    await userEvent.type(field<HTMLInputElement>(el, 'title'), '类别不存在');
    await userEvent.click(
      el.shadowRoot?.querySelector('button[type="submit"]') as HTMLButtonElement,
    );
    await waitFor(() => expect(el.entries.map((e) => e.state)).toEqual(['refused']));
    await expectShadowText(canvasElement, TAG, '未被受理：类别不存在');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, 'Report a case');
    await expectShadowText(canvasElement, TAG, 'Use my position');
  },
};

export const EnglishOffline: Story = {
  args: { lang: 'en' },
  loaders: Offline.loaders,
  play: async ({ canvasElement }) => {
    await fillAndSend(elementIn(canvasElement, TAG), 'Black water at the outfall');
    await expectShadowText(
      canvasElement,
      TAG,
      'Offline: saved on this device and sent when the connection returns (1 waiting)',
    );
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '事件上报');
    await expectLargeText(canvasElement, TAG);
  },
};
