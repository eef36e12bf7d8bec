import { type Clock, Directory } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { MemoryStore, type Store } from '@zhizhi/core/runtime';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';

/**
 * The console's data: a `LocalClient` (the runtime in the page) over the sample org, SLA
 * policy and duty lists, with the `Directory` the pages read names from. Pass a `clock` (a
 * `SimulatedClock` in tests) or a `store` to use others than the system clock and a
 * `MemoryStore`.
 *
 * @example
 * ```ts
 * import { SimulatedClock } from '@zhizhi/core';
 * import { createConsoleClient } from './createConsoleClient.js';
 * const { client, directory } = createConsoleClient({ clock: new SimulatedClock('2026-03-02T09:00:00+08:00') });
 * ```
 */
export function createConsoleClient(options: { clock?: Clock; store?: Store } = {}) {
  const directory = new Directory(sampleOrg);
  const client = new LocalClient({
    directory,
    store: options.store ?? new MemoryStore(),
    ...(options.clock ? { clock: options.clock } : {}),
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
  });
  return { client, directory, org: sampleOrg, dutyLists: sampleDutyLists };
}
