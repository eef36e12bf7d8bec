import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { ZzActionRefusedDetail, ZzCase } from '../src/index.js';
import { faultReason } from '../test/support/faultyClient.js';
import { DUTY, report } from '../test/support/localClient.js';
import {
  type ProviderArgs,
  providerArgs,
  providerArgTypes,
  renderInProvider,
  type SampleLoaded,
  sampleLoader,
} from './support/sampleStory.js';
import { elementIn, expectLargeText, expectShadowText } from './support/shadowQueries.js';

/** One river-pollution case reported by the sample grid worker. */
const oneCase = (fault?: 'fail' | 'hang') =>
  sampleLoader({
    fault,
    seed: async (client) => {
      const record = await report(client, { title: '河道排污口', description: '有异味' });
      return { caseId: record.id };
    },
  });

const meta = {
  title: 'Widgets/zz-case',
  render: renderInProvider((s) => `<zz-case case-id="${s.caseId}"></zz-case>`),
  args: providerArgs(DUTY),
  argTypes: providerArgTypes,
  loaders: [oneCase()],
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const TAG = 'zz-case';
const details = (el: ZzCase, type: string) =>
  el.shadowRoot?.querySelector<HTMLDetailsElement>(`details[data-type="${type}"]`);

/** The case, its trail and deadline, and the actions the duty officer may send. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = elementIn<ZzCase>(canvasElement, TAG);
    await waitFor(() => expect(el.actions.map((a) => a.type)).toContain('ACCEPT'));
    await expectShadowText(canvasElement, TAG, '河道排污口');
    await expectShadowText(canvasElement, TAG, '剩余');
    expect(details(el, 'ACCEPT')?.querySelector('summary')?.textContent).toBe('受理');
  },
};

export const Loading: Story = {
  loaders: [oneCase('hang')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '正在加载…');
  },
};

/** No `case-id` yet (the page has not chosen one). */
export const Empty: Story = {
  render: renderInProvider('<zz-case></zz-case>'),
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '未指定事件');
  },
};

export const LoadError: Story = {
  name: 'Error',
  loaders: [oneCase('fail')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `加载失败：${faultReason}`);
    expect(
      elementIn(canvasElement, TAG).shadowRoot?.querySelector('[role="alert"]'),
    ).not.toBeNull();
  },
};

/**
 * Someone else accepts the case while the viewer types a rejection: the notice names them,
 * keeps the text, and sending is refused as `store.conflict`.
 */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { local, seeded } = loaded as unknown as SampleLoaded;
    const el = elementIn<ZzCase>(canvasElement, TAG);
    await waitFor(() => expect(details(el, 'REJECT')).toBeTruthy());
    const reject = details(el, 'REJECT') as HTMLDetailsElement;
    reject.open = true;
    const reason = reject.querySelector<HTMLTextAreaElement>('textarea[id$="reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = '重复上报';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    const other = await local.send(
      String(seeded.caseId),
      { type: 'ACCEPT', by: 'qj-sj-duty2' },
      {},
    );
    expect(other.ok).toBe(true);
    await waitFor(() => expect(el.conflict?.who).toBe('qj-sj-duty2'));
    await el.updateComplete;
    const notice = el.shadowRoot?.querySelector('[part="conflict"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('已被 qj-sj-duty2 更改');
    expect(reason.value).toBe('重复上报');
    const refused: ZzActionRefusedDetail[] = [];
    el.addEventListener('zz-action-refused', (e) => refused.push(e.detail));
    reject.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitFor(() => expect(refused.map((r) => r.code)).toEqual(['store.conflict']));
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, 'Timeline');
    await expectShadowText(canvasElement, TAG, 'left');
    const el = elementIn<ZzCase>(canvasElement, TAG);
    await waitFor(() =>
      expect(details(el, 'ACCEPT')?.querySelector('summary')?.textContent).toBe('Accept'),
    );
  },
};

export const EnglishError: Story = {
  args: { lang: 'en' },
  loaders: [oneCase('fail')],
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, `Could not load: ${faultReason}`);
  },
};

export const LargeText: Story = {
  args: { largeText: true },
  play: async ({ canvasElement }) => {
    await expectShadowText(canvasElement, TAG, '河道排污口');
    await expectLargeText(canvasElement, TAG);
  },
};
