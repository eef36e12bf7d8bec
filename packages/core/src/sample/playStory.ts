import type { SimulatedClock } from '../engine/clock.js';
import type { Engine } from '../engine/Engine.js';
import type { RuntimeResult } from '../runtime/Runtime.js';
import type { SeedStory } from './seedStories.js';

/**
 * Replays a story on an Engine whose clock is `clock`: sets the clock to the story's start
 * (if it is later), then runs each step; after every `advance` it ticks the Engine so timers
 * that fell due meanwhile fire. Throws if a step is refused (a story is a script that must
 * work), naming the step and the error.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
 * import { playStory, sampleOrg, sampleSlaPolicy, sampleDutyLists, seedStories } from '@zhizhi/core/sample';
 * const clock = new SimulatedClock(0);
 * const engine = new Engine({ directory: new Directory(sampleOrg), clock, slaPolicy: sampleSlaPolicy, dutyLists: sampleDutyLists });
 * const { caseIds } = await playStory(engine, clock, seedStories[0]!);
 * ```
 */
export async function playStory(
  engine: Engine,
  clock: SimulatedClock,
  story: SeedStory,
): Promise<{ caseIds: string[]; results: RuntimeResult[] }> {
  const start = Date.parse(story.start);
  if (start > clock.now()) clock.set(start);
  const caseIds: string[] = [];
  const results: RuntimeResult[] = [];
  for (const [i, step] of story.steps.entries()) {
    if ('advance' in step) {
      clock.advance(step.advance);
      results.push(...(await engine.tick()).results);
      continue;
    }
    const result =
      'report' in step ? await engine.report(step.report) : await engine.send(step.case, step.send);
    if (!result.ok) {
      throw new Error(
        `${story.id} step ${i + 1}: ${result.error.code} — ${result.error.message.en}`,
      );
    }
    if ('report' in step) caseIds.push(result.record.id);
    results.push(result);
  }
  return { caseIds, results };
}
