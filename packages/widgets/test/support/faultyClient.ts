import type { Client } from '@zhizhi/core/client';

/** The reads an element loads its data with (commands and the live feed are left alone). */
const READS = new Set<PropertyKey>([
  'getCase',
  'getInstance',
  'audit',
  'listCases',
  'listInstances',
  'actions',
  'definitions',
  'definition',
  'changesSince',
]);

/** Why a failing read fails: the text an element shows after "加载失败：" / "Could not load: ". */
export const faultReason = '服务暂不可用 · Service unavailable (503)';

/**
 * The same client with broken reads, a boundary fake for the error and loading states of the
 * stories (the real clients are tested on their own): with `fail` every read rejects with
 * `faultReason`; with `hang` every read stays pending forever. Commands and `subscribe` still
 * reach `inner`, so the live feed opens as it would.
 */
export function faultyClient(inner: Client, fault: 'fail' | 'hang'): Client {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (READS.has(prop)) {
        return () =>
          fault === 'fail'
            ? Promise.reject(new Error(faultReason))
            : new Promise<never>(() => {
                // never settles: the element stays in its loading state
              });
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
