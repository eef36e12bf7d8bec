import { describe, expect, it } from 'vitest';
import { LocalClient } from '../src/client.js';
import { Directory, SimulatedClock } from '../src/index.js';
import { MemoryStore } from '../src/runtime.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../src/sample/index.js';
import { clientConformance, type TestApi } from '../src/testing.js';

clientConformance(
  'LocalClient over MemoryStore',
  async () => {
    const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
    const client = new LocalClient({
      directory: new Directory(sampleOrg),
      store: new MemoryStore(),
      clock,
      slaPolicy: sampleSlaPolicy,
      dutyLists: sampleDutyLists,
    });
    return {
      client,
      advance: async (ms) => {
        clock.advance(ms);
        await client.tick();
      },
      close: () => client.close(),
    };
  },
  { describe, it, expect } as unknown as TestApi,
);
