import type { ZhizhiError } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';

/** What a client returns when the network is down (zh-CN and English). */
export const networkError: ZhizhiError = {
  code: 'client.network',
  path: [],
  params: { reason: 'offline' },
  message: { zh: '无法连接服务器：offline', en: 'Could not reach the server: offline' },
};

/**
 * The client with a network switch: `offline` fails every report as a network error before it
 * reaches the runtime; `lossy` lets the report reach the runtime and then loses the answer.
 */
export function switchable(inner: Client) {
  const state = { mode: 'online' as 'online' | 'offline' | 'lossy', reports: 0 };
  const client = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'report') {
        return async (input: unknown, options?: { idempotencyKey?: string }) => {
          state.reports += 1;
          if (state.mode === 'offline') return { ok: false, error: networkError };
          const r = await target.report(input, options);
          return state.mode === 'lossy' ? { ok: false, error: networkError } : r;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { client, state };
}
