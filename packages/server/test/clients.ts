import { Directory, SimulatedClock } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import type { Store } from '@zhizhi/core/runtime';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import type { ClientUnderTest } from '@zhizhi/core/testing';

export const START = '2026-09-01T08:00:00+08:00';

/** A LocalClient on the sample org over `store`, with its own simulated clock. */
export function localClient(
  store: Store,
  claimant?: string,
  newId?: () => string,
): {
  client: LocalClient;
  clock: SimulatedClock;
} {
  const clock = new SimulatedClock(START);
  const client = new LocalClient({
    directory: new Directory(sampleOrg),
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    ...(claimant ? { claimant } : {}),
    ...(newId ? { newId } : {}),
  });
  return { client, clock };
}

/** What `clientConformance` needs, over `store`; `release` runs after the client closes. */
export function underTest(store: Store, release: () => Promise<void>): ClientUnderTest {
  const { client, clock } = localClient(store);
  return {
    client,
    advance: async (ms) => {
      clock.advance(ms);
      await client.tick();
    },
    close: async () => {
      await client.close();
      await release();
    },
  };
}

export const report = (title: string, gridId = 'qj-sj-c1-g1') => ({
  gridId,
  reporterId: `${gridId}-worker`,
  category: 'riverPollution',
  severity: 'medium',
  title,
});
