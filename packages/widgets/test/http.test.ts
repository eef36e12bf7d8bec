import { afterEach, describe, expect, inject, it } from 'vitest';
import '../src/index.js';
import type { ZzCaseList, ZzProvider } from '../src/index.js';
import { mount, shadow, unmountAll, waitFor } from './support/dom.js';
import { DUTY, TOWN, WORKER } from './support/localClient.js';

const server = inject('zhizhiServer');

async function tokenOf(memberId: string): Promise<string> {
  const res = await fetch(`${server}/api/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId }),
  });
  if (!res.ok) throw new Error(`demo token: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function reportOverHttp(title: string): Promise<string> {
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
  if (res.status !== 201 && res.status !== 200) throw new Error(`report: HTTP ${res.status}`);
  return ((await res.json()) as { record: { id: string } }).record.id;
}

/** Counts the SSE streams the page opens (HttpClient takes `fetch` when it is made). */
function countStreams(): { readonly count: number; restore(): void } {
  const real = globalThis.fetch;
  let count = 0;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${server}/api/stream`)) count += 1;
    return real(input, init);
  }) as typeof fetch;
  return {
    get count() {
      return count;
    },
    restore: () => {
      globalThis.fetch = real;
    },
  };
}

function provider(markup: string): ZzProvider {
  const host = mount(`<zz-provider api="${server}/api" member="${DUTY}">${markup}</zz-provider>`);
  const p = host.querySelector('zz-provider') as ZzProvider;
  p.tokenProvider = () => tokenOf(DUTY);
  return p;
}

describe('against a real server (HttpClient, SSE)', () => {
  afterEach(() => unmountAll());

  it('given api and a token provider, when another client reports over HTTP, then the list shows it from the stream', async () => {
    const p = provider(`<zz-case-list town="${TOWN}"></zz-case-list>`);
    const list = p.querySelector('zz-case-list') as ZzCaseList;
    await waitFor(() => p.feed?.role === 'leader' || p.feed?.role === 'alone', 'the stream');
    await p.feed?.ready;
    const title = `HTTP 实时 ${crypto.randomUUID().slice(0, 8)}`;
    await reportOverHttp(title);
    await waitFor(() => shadow(list).textContent?.includes(title), 'the live update', 5000);
  });

  it('given two providers on one API and member (two tabs), then one SSE stream serves both', async () => {
    const streams = countStreams();
    const a = provider(`<zz-case-list town="${TOWN}"></zz-case-list>`);
    const b = provider(`<zz-case-list town="${TOWN}"></zz-case-list>`);
    await waitFor(() => a.feed?.role === 'leader' || b.feed?.role === 'leader', 'a leader');
    const title = `两个标签页 ${crypto.randomUUID().slice(0, 8)}`;
    await reportOverHttp(title);
    for (const p of [a, b]) {
      const list = p.querySelector('zz-case-list') as ZzCaseList;
      await waitFor(() => shadow(list).textContent?.includes(title), 'each list', 5000);
    }
    expect([a.feed?.role, b.feed?.role].sort()).toEqual(['follower', 'leader']);
    expect(streams.count).toBe(1);
    streams.restore();
  });
});
