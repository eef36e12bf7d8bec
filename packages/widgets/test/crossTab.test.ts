import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ZzProvider } from '../src/index.js';
import { shadow, waitFor } from './support/dom.js';
import { TOWN, WORKER } from './support/localClient.js';

/**
 * The second duty officer: the tabs' channel is `<api>|<member>`, so http.test.ts (the first
 * officer), which may run at the same time in the same browser, never shares their lock.
 */
const DUTY2 = 'qj-sj-duty2';

const server = inject('zhizhiServer');
const library = new URL('../src/index.ts', import.meta.url).href;

async function tokenOf(memberId: string): Promise<string> {
  const res = await fetch(`${server}/api/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function reportOverHttp(title: string): Promise<void> {
  const res = await fetch(`${server}/api/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenOf(WORKER)}`,
    },
    body: JSON.stringify({
      gridId: 'qj-sj-c1-g1',
      reporterId: WORKER,
      category: 'riverPollution',
      severity: 'medium',
      title,
    }),
  });
  if (!res.ok) throw new Error(`report: HTTP ${res.status}`);
}

/** A same-origin page of its own (its own registry, module graph and lock client). */
async function tab(): Promise<{
  frame: HTMLIFrameElement;
  provider: ZzProvider;
  text: () => string;
}> {
  const frame = document.createElement('iframe');
  frame.title = 'tab';
  frame.srcdoc = `<!doctype html><html lang="zh-CN"><body>
    <zz-provider api="${server}/api" member="${DUTY2}"><zz-case-list town="${TOWN}"></zz-case-list></zz-provider>
    <script type="module" src="${library}"></script></body></html>`;
  document.body.append(frame);
  const win = () => frame.contentWindow as Window & typeof globalThis;
  await waitFor(() => win()?.customElements?.get('zz-provider'), 'the library in the tab', 10_000);
  const provider = win().document.querySelector('zz-provider') as ZzProvider;
  provider.tokenProvider = () => tokenOf(DUTY2);
  const list = win().document.querySelector('zz-case-list') as Element;
  await waitFor(
    () => provider.feed?.role === 'leader' || provider.feed?.role === 'follower',
    'a role',
  );
  return { frame, provider, text: () => shadow(list).textContent ?? '' };
}

describe('one stream across tabs (iframes of one origin)', () => {
  afterEach(() => document.body.replaceChildren());

  it('given two tabs, then one leads and relays to the other; when the leader closes, the other takes the stream over', async () => {
    const a = await tab();
    const b = await tab();
    expect([a.provider.feed?.role, b.provider.feed?.role].sort()).toEqual(['follower', 'leader']);
    const first = `跨标签一 ${crypto.randomUUID().slice(0, 8)}`;
    await reportOverHttp(first);
    await waitFor(() => a.text().includes(first) && b.text().includes(first), 'both tabs', 5000);
    const [leader, follower] = a.provider.feed?.role === 'leader' ? [a, b] : [b, a];
    leader.frame.remove(); // the leading tab closes: its lock is released with its document
    await waitFor(() => follower.provider.feed?.role === 'leader', 'the follower leads', 5000);
    const second = `跨标签二 ${crypto.randomUUID().slice(0, 8)}`;
    await reportOverHttp(second);
    await waitFor(() => follower.text().includes(second), 'the new leader’s own stream', 5000);
  });
});
