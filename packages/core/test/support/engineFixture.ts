import { Directory, SimulatedClock } from '../../src/index.js';
import { Engine, MemoryStore, type Store } from '../../src/runtime.js';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '../../src/sample/index.js';

/** The sample directory, built once for all tests. */
export const directory = new Directory(sampleOrg);

/** A fresh Engine on the sample org with a simulated clock (default start 2026-03-02 09:00 +08:00). */
export function makeEngine(
  options: { store?: Store; clock?: SimulatedClock; claimant?: string } = {},
): { engine: Engine; clock: SimulatedClock; store: Store } {
  const clock = options.clock ?? new SimulatedClock('2026-03-02T09:00:00+08:00');
  const store = options.store ?? new MemoryStore();
  const engine = new Engine({
    directory,
    store,
    clock,
    slaPolicy: sampleSlaPolicy,
    dutyLists: sampleDutyLists,
    claimant: options.claimant,
    newId: counterIds(),
  });
  return { engine, clock, store };
}

function counterIds(): () => string {
  let n = 0;
  return () => `case-${++n}`;
}

/** A report from the full-time grid worker of 三江社区 grid 1. */
export const riverReport = {
  id: 'river-1',
  gridId: 'qj-sj-c1-g1',
  reporterId: 'qj-sj-c1-g1-worker',
  category: 'riverPollution',
  severity: 'medium',
  title: '檬梓桥河雨污混流',
} as const;
