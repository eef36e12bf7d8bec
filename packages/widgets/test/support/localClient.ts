import { Directory, SimulatedClock } from '@zhizhi/core';
import { type Client, LocalClient } from '@zhizhi/core/client';
import type { Change } from '@zhizhi/core/runtime';
import { MemoryStore } from '@zhizhi/core/runtime';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';

export const WORKER = 'qj-sj-c1-g1-worker';
export const DUTY = 'qj-sj-duty';
export const TOWN = 'qj-sj';

/** A LocalClient over a MemoryStore with the sample org, its duty lists and SLA policy. */
export function makeLocalClient(): { client: LocalClient; clock: SimulatedClock } {
  const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
  const client = new LocalClient({
    directory: new Directory(sampleOrg),
    store: new MemoryStore(),
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  return { client, clock };
}

/** Opens a case as the sample grid worker; throws if the runtime refuses it. */
export async function report(
  client: Client,
  fields: { title: string; category?: string; description?: string } & Record<string, unknown>,
) {
  const r = await client.report({
    gridId: 'qj-sj-c1-g1',
    reporterId: WORKER,
    category: 'riverPollution',
    severity: 'medium',
    ...fields,
  });
  if (!r.ok) throw new Error(`report refused: ${r.error.code}`);
  return r.record;
}

/**
 * The same client, counting `subscribe` calls; with `flaky`, every change is delivered twice and
 * `drop()` ends the live subscriptions silently (a lost connection).
 */
export function countingClient(inner: Client, options: { duplicate?: boolean } = {}) {
  let subscriptions = 0;
  const open = new Set<{ close(): void }>();
  const client = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'subscribe') {
        return async (listener: (c: Change) => void, opts?: { since?: number }) => {
          subscriptions += 1;
          const sub = await target.subscribe((c) => {
            listener(c);
            if (options.duplicate) listener(c);
          }, opts);
          open.add(sub);
          return {
            get last() {
              return sub.last;
            },
            close() {
              open.delete(sub);
              sub.close();
            },
          };
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return {
    client,
    get subscriptions() {
      return subscriptions;
    },
    get open() {
      return open.size;
    },
    /** Ends every live subscription as a dropped connection would. */
    drop() {
      for (const s of open) s.close();
      open.clear();
    },
  };
}
