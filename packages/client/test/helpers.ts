import type { AddressInfo } from 'node:net';
import { SimulatedClock } from '@zhizhi/core';
import type { Store } from '@zhizhi/core/runtime';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import type { ClientUnderTest } from '@zhizhi/core/testing';
import { createServer, type ZhizhiServer } from '@zhizhi/server';
import { HttpClient, type HttpClientOptions } from '../src/index.js';

export const START = '2026-09-01T08:00:00+08:00';
/** A district-level member: reads see both towns of the sample org. */
export const READER = 'qj-ops-1';
export const DUTY = 'qj-sj-duty';
export const WORKER = 'qj-sj-c1-g1-worker';

export const report = (title: string) => ({
  gridId: 'qj-sj-c1-g1',
  reporterId: WORKER,
  category: 'riverPollution',
  severity: 'medium',
  title,
});

/** A token from the server's demo endpoint. */
export function demoTokens(baseUrl: string) {
  return async (memberId: string): Promise<string> => {
    const res = await fetch(`${baseUrl}/api/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId }),
    });
    if (!res.ok) throw new Error(`demo token for ${memberId}: HTTP ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
}

/**
 * A listening server over `store` (sample org, a simulated clock, no background tick, demo
 * tokens, fast stream polling) and an HttpClient on it. `advance` moves the server's clock and
 * ticks its LocalClient in-process.
 */
export async function serve(
  store: Store,
  release: () => Promise<void> = async () => undefined,
  clientOptions: Partial<HttpClientOptions> = {},
): Promise<
  ClientUnderTest & {
    app: ZhizhiServer;
    baseUrl: string;
    client: HttpClient;
    clock: SimulatedClock;
  }
> {
  const clock = new SimulatedClock(START);
  const app = await createServer({
    directory: sampleOrg,
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    demo: true,
    tickMs: 0,
    rateLimit: false,
    stream: { pollMs: 25, retryMs: 50 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new HttpClient({
    baseUrl,
    tokenFor: demoTokens(baseUrl),
    reader: READER,
    stream: { initialDelayMs: 25, maxDelayMs: 500 },
    ...clientOptions,
  });
  return {
    app,
    baseUrl,
    client,
    clock,
    advance: async (ms) => {
      clock.advance(ms);
      await app.zhizhi.client.tick();
    },
    close: async () => {
      await client.close();
      await app.close();
      await release();
    },
  };
}
