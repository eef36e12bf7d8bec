import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../src/index.js';
import '../src/elements/zz-alert-feed.js';
import type { ZzAlertAcknowledgedDetail } from '../src/elements/zz-alert-feed/alertFeedEvents.js';
import type { ZzAlertFeed } from '../src/elements/zz-alert-feed.js';
import type { ZzProvider } from '../src/index.js';
import { deployBuiltIns, FIRE_POST, leakReporter } from './support/alertFixtures.js';
import {
  expectNoAxeViolations,
  mount,
  shadow,
  unmountAll,
  waitFor,
  xssPayloads,
} from './support/dom.js';
import { DUTY, makeLocalClient, TOWN } from './support/localClient.js';

async function setup(options: { lang?: string; member?: string } = {}) {
  const { client, clock } = makeLocalClient();
  await deployBuiltIns(client);
  const host = mount(
    `<zz-provider member="${options.member ?? FIRE_POST}" lang="${options.lang ?? 'zh-CN'}"><zz-alert-feed town="${TOWN}"></zz-alert-feed></zz-provider>`,
  );
  const provider = host.querySelector('zz-provider') as ZzProvider;
  provider.clock = clock;
  provider.client = client;
  const feed = host.querySelector('zz-alert-feed') as ZzAlertFeed;
  await provider.updateComplete;
  await waitFor(() => !feed.loading && shadow(feed).querySelector('[role="status"]'), 'first load');
  const leak = leakReporter(client, clock);
  return { client, clock, host, provider, feed, leak };
}

const cards = (feed: ZzAlertFeed) => [...shadow(feed).querySelectorAll('li')];
const announce = (feed: ZzAlertFeed) =>
  shadow(feed).querySelector('[role="alert"].announce')?.textContent?.trim() ?? '';

describe('zz-alert-feed', () => {
  afterEach(() => {
    unmountAll();
    localStorage.clear();
  });

  it('given a level-1 leakage alert arrives, then it shows as a red card with the words and an icon, and role=alert announces it in zh-CN', async () => {
    const { feed, leak } = await setup();
    expect(shadow(feed).querySelector('h2')?.textContent).toBe('实时预警');
    expect(shadow(feed).textContent).toContain('暂无预警');
    expect(announce(feed)).toBe('');
    const id = await leak(1);
    await waitFor(() => cards(feed).length === 1, 'the alert card');
    const card = cards(feed)[0] as HTMLLIElement;
    expect(card.dataset.id).toBe(id);
    expect(card.classList.contains('level-1')).toBe(true);
    expect(card.querySelector('.badge')?.textContent).toBe('⚠⚠ 一级预警（最高）');
    expect(getComputedStyle(card).borderTopColor).toBe('rgb(180, 35, 24)');
    expect(card.textContent).toContain('电气火灾智防');
    expect(card.textContent).toContain('三江社区养老服务中心一楼配电箱');
    expect(card.textContent).toContain('当前环节：派消防管理岗牵头、供电公司协同');
    await waitFor(() => announce(feed) !== '', 'the announcement');
    expect(announce(feed)).toBe('新的一级预警：电气火灾智防，三江社区养老服务中心一楼配电箱');
  });

  it('given lang="en" and a level-2 alert, then it is English, says level 2 and is not announced as level 1', async () => {
    const { feed, leak } = await setup({ lang: 'en' });
    await leak(2, 'Workshop 3');
    await waitFor(() => cards(feed).length === 1, 'the alert card');
    const card = cards(feed)[0] as HTMLLIElement;
    expect(card.classList.contains('level-2')).toBe(true);
    expect(card.querySelector('.badge')?.textContent).toBe('⚠ Level 2 alert');
    expect(card.textContent).toContain('Electrical-fire smart prevention');
    expect(shadow(feed).querySelector('[role="status"]')?.textContent?.trim()).toBe(
      '1 alerts, 0 level 1 not acknowledged',
    );
    expect(announce(feed)).toBe('');
  });

  it('given the fire post, when it acknowledges with the keyboard, then the dispatched case is signed for and the card says so', async () => {
    const { client, feed, leak } = await setup();
    const id = await leak(1);
    await waitFor(() => cards(feed)[0]?.querySelector('button'), 'the acknowledge button');
    const acks: ZzAlertAcknowledgedDetail[] = [];
    feed.addEventListener('zz-alert-acknowledged', (e) => acks.push(e.detail));
    const button = cards(feed)[0]?.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('签收');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => acks.length === 1, 'zz-alert-acknowledged');
    const instance = await client.getInstance(id);
    const caseId = Object.values(instance?.context.cases ?? {})[0] ?? '';
    expect(acks[0]).toEqual({ instanceId: id, level: 1, caseId });
    expect((await client.getCase(caseId))?.status).toBe('inProgress');
    await waitFor(() => cards(feed)[0]?.textContent?.includes('✓ 已签收'), 'the signed card');
    expect(cards(feed)[0]?.classList.contains('done')).toBe(true);
    expect(announce(feed)).toBe('');
  });

  it('given the duty officer (nothing to sign for), when "got it" is pressed, then the alert stays seen after the element is re-created', async () => {
    const { client, feed, leak } = await setup({ member: DUTY });
    await leak(1);
    await waitFor(() => cards(feed)[0]?.querySelector('button'), 'the button');
    const button = cards(feed)[0]?.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('知道了');
    button.click();
    await waitFor(() => cards(feed)[0]?.textContent?.includes('✓ 已知悉'), 'seen');
    unmountAll();
    const host = mount(
      `<zz-provider member="${DUTY}"><zz-alert-feed town="${TOWN}"></zz-alert-feed></zz-provider>`,
    );
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.client = client;
    const again = host.querySelector('zz-alert-feed') as ZzAlertFeed;
    await waitFor(() => cards(again).length === 1, 'the alert again');
    expect(cards(again)[0]?.textContent).toContain('✓ 已知悉');
  });

  it('given XSS payloads in the place of alerts, then they show as text and never run', async () => {
    const { feed, leak } = await setup();
    for (const p of xssPayloads) await leak(3, p);
    await waitFor(() => cards(feed).length === xssPayloads.length, 'every alert');
    await new Promise((r) => setTimeout(r, 100));
    const text = cards(feed)
      .map((c) => c.textContent)
      .join('\n');
    for (const p of xssPayloads) expect(text).toContain(p);
    expect(shadow(feed).querySelector('script, img, svg, iframe, a[href]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('given alerts of every level and large text, then axe-core finds no violations', async () => {
    const { feed, leak, provider } = await setup();
    provider.largeText = true;
    await leak(1);
    await leak(2);
    await leak(3);
    await waitFor(() => cards(feed).length === 3, 'three alerts');
    await waitFor(() => feed.hasAttribute('large-text'), 'large text');
    await expectNoAxeViolations(feed);
  });
});
