import type { Client } from '@zhizhi/core/client';
import type { Change } from '@zhizhi/core/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.js';
import { defineElement, LiveFeed, ZzCaseList, type ZzProvider } from '../src/index.js';
import { expectNoAxeViolations, mount, shadow, unmountAll, waitFor } from './support/dom.js';
import { countingClient, DUTY, makeLocalClient, report, TOWN } from './support/localClient.js';

const seqs = (changes: Change[]) => changes.map((c) => c.seq);

describe('zz-provider', () => {
  afterEach(() => unmountAll());

  it('given a second copy registers the same tags, then nothing throws and the first class stays', () => {
    expect(() => defineElement('zz-case-list', class extends HTMLElement {})).not.toThrow();
    expect(customElements.get('zz-case-list')).toBe(ZzCaseList);
  });

  it('given five elements in one provider, then the page opens one subscription', async () => {
    const { client } = makeLocalClient();
    const counting = countingClient(client);
    const host = mount(
      `<zz-provider member="${DUTY}">${'<zz-case-list></zz-case-list>'.repeat(5)}</zz-provider>`,
    );
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.client = counting.client;
    await provider.updateComplete;
    await report(client, { title: '五个元素' });
    for (const l of host.querySelectorAll('zz-case-list'))
      await waitFor(() => shadow(l).textContent?.includes('五个元素'), 'each element updated');
    expect(counting.subscriptions).toBe(1);
    expect(counting.open).toBe(1);
  });

  it('given lang and large-text on the provider, then elements inside speak English and enlarge text', async () => {
    const { client } = makeLocalClient();
    const host = mount(
      '<zz-provider lang="en" large-text><zz-case-list></zz-case-list></zz-provider>',
    );
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.client = client;
    const list = host.querySelector('zz-case-list') as ZzCaseList;
    await waitFor(() => shadow(list).querySelector('h2')?.textContent === 'Cases', 'English');
    expect(list.hasAttribute('large-text')).toBe(true);
    const small = mount('<zz-provider><zz-case-list></zz-case-list></zz-provider>');
    const p2 = small.querySelector('zz-provider') as ZzProvider;
    p2.client = client;
    const list2 = small.querySelector('zz-case-list') as ZzCaseList;
    await waitFor(() => shadow(list2).querySelector('h2'), 'second list');
    const size = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);
    expect(size(list)).toBeGreaterThan(size(list2));
    expect(shadow(list2).querySelector('h2')?.textContent).toBe('事件列表');
    await expectNoAxeViolations(host);
  });

  it('given api and a tokenProvider, then requests go to that API with the SSO token', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
      if (url.includes('/api/stream')) return new Response('', { status: 503 });
      return Response.json({ items: [], cursor: null });
    }) as typeof fetch;
    try {
      const host = mount(
        `<zz-provider api="https://zhizhi.test/api" member="${DUTY}"><zz-case-list town="${TOWN}"></zz-case-list></zz-provider>`,
      );
      const provider = host.querySelector('zz-provider') as ZzProvider;
      provider.tokenProvider = async () => 'sso-token-1';
      await waitFor(() => calls.some((c) => c.url.includes('/api/cases')), 'a list request');
      const list = calls.find((c) => c.url.includes('/api/cases'));
      expect(list?.url.startsWith('https://zhizhi.test/api/cases?')).toBe(true);
      expect(list?.url).toContain(`town=${TOWN}`);
      expect(list?.auth).toBe('Bearer sso-token-1');
    } finally {
      unmountAll();
      globalThis.fetch = realFetch;
    }
  });
});

describe('LiveFeed', () => {
  it('given a dropped stream, when it resumes, then the changes between arrive once, none doubled', async () => {
    const { client } = makeLocalClient();
    const counting = countingClient(client, { duplicate: true });
    const feed = new LiveFeed({ client: counting.client });
    const seen: Change[] = [];
    feed.listen(undefined, (c) => seen.push(c));
    await feed.ready;
    await report(client, { title: '掉线前' });
    await waitFor(() => seen.length === 1, 'first change');
    counting.drop();
    await report(client, { title: '掉线期间一' });
    await report(client, { title: '掉线期间二' });
    expect(seen).toHaveLength(1);
    await feed.resume();
    await report(client, { title: '恢复后' });
    await waitFor(() => seen.length === 4, 'all four changes');
    await new Promise((r) => setTimeout(r, 50));
    const all = seqs(await client.changesSince(0));
    expect(seqs(seen)).toEqual(all);
    expect(counting.subscriptions).toBe(2);
    feed.close();
  });

  it('given a listener filter, then it gets only matching changes', async () => {
    const { client } = makeLocalClient();
    const feed = new LiveFeed({ client });
    const other: Change[] = [];
    const mine: Change[] = [];
    feed.listen({ townId: 'nowhere' }, (c) => other.push(c));
    feed.listen({ townId: TOWN, kind: 'case' }, (c) => mine.push(c));
    await feed.ready;
    await report(client, { title: '过滤' });
    await waitFor(() => mine.length === 1, 'matching change');
    expect(other).toEqual([]);
    feed.close();
  });

  it('given two tabs on one channel, then one leads the stream, the other follows, and leadership moves when the leader closes', async () => {
    const { client } = makeLocalClient();
    const counting = countingClient(client);
    const channel = `test-${crypto.randomUUID()}`;
    const a = new LiveFeed({ client: counting.client, channel });
    const seenA: Change[] = [];
    a.listen(undefined, (c) => seenA.push(c));
    await waitFor(() => a.role === 'leader', 'a leads');
    const b = new LiveFeed({ client: counting.client, channel });
    const seenB: Change[] = [];
    b.listen(undefined, (c) => seenB.push(c));
    await b.ready;
    expect(b.role).toBe('follower');
    await report(client, { title: '第一' });
    await waitFor(() => seenB.length === 1, 'b hears a relay');
    expect(counting.subscriptions).toBe(1);
    a.close();
    await waitFor(() => b.role === 'leader', 'b takes over');
    await report(client, { title: '第二' });
    await waitFor(() => seenB.length === 2, 'b reads the stream itself');
    expect(seqs(seenB)).toEqual(seqs(await client.changesSince(0)));
    expect(seqs(seenA)).toEqual(seqs(seenB).slice(0, 1));
    expect(counting.subscriptions).toBe(2);
    expect(counting.open).toBe(1);
    b.close();
  });

  it('given the server reports a feed gap, then the feed asks every listener, here and in following tabs, to read again', async () => {
    const { client } = makeLocalClient();
    const gappy = gappyClient(client);
    const channel = `gap-${crypto.randomUUID()}`;
    const leader = new LiveFeed({ client: gappy.client, channel });
    const follower = new LiveFeed({ client: gappy.client, channel });
    const resynced: string[] = [];
    leader.listen(undefined, () => undefined);
    await leader.ready;
    follower.listen(undefined, () => undefined);
    await follower.ready;
    leader.onResync(() => resynced.push('leader'));
    follower.onResync(() => resynced.push('follower'));
    gappy.gap();
    await waitFor(() => resynced.length === 2, 'both resynced');
    expect(resynced.sort()).toEqual(['follower', 'leader']);
    leader.close();
    follower.close();
  });

  it('given a feed gap, then a list reads its page again', async () => {
    const { client } = makeLocalClient();
    const gappy = gappyClient(client);
    const host = mount(`<zz-provider><zz-case-list town="${TOWN}"></zz-case-list></zz-provider>`);
    const provider = host.querySelector('zz-provider') as ZzProvider;
    provider.client = gappy.client;
    await waitFor(() => gappy.reads === 1, 'the first read');
    gappy.gap();
    await waitFor(() => gappy.reads === 2, 'a second read after the gap');
    unmountAll();
  });
});

/** The client, with a way to make its stream report a feed gap (as HttpClient's `onGap`). */
function gappyClient(inner: Client) {
  let onGap: ((since: number) => void) | undefined;
  let reads = 0;
  const client = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'subscribe')
        return (
          listener: (c: Change) => void,
          options: { since?: number; onGap?(since: number): void } = {},
        ) => {
          onGap = options.onGap;
          return target.subscribe(listener, options);
        };
      if (prop === 'listCases')
        return (q: Parameters<Client['listCases']>[0]) => {
          reads += 1;
          return target.listCases(q);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return {
    client,
    get reads() {
      return reads;
    },
    gap() {
      if (!onGap) throw new Error('the stream was opened without onGap');
      onGap(0);
    },
  };
}
