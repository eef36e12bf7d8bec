/**
 * One step of a story: wait (an ISO 8601 duration on the simulated clock), then report or send.
 * `restartBefore` asks the runner to drop its Engine and store and open them again from the file
 * before this step, as a new process would.
 *
 * @example
 * ```ts
 * import type { StoryStep } from './riverStory.js';
 * const step: StoryStep = { wait: 'PT8M', send: { type: 'ACCEPT', by: 'qj-sj-duty' } };
 * ```
 */
export type StoryStep = { wait?: string; restartBefore?: boolean } & (
  | { report: Record<string, unknown> }
  | { send: Record<string, unknown> }
);

/**
 * The id of the story's case.
 *
 * @example
 * ```ts
 * import { riverCaseId } from './riverStory.js';
 * riverCaseId; // 'river-1'
 * ```
 */
export const riverCaseId = 'river-1';

/**
 * The article's river story (檬梓桥河雨污混流), cut to the six steps of a case's life:
 * a grid worker reports, the town's duty officer accepts and dispatches to the village/town
 * construction post, its staff acknowledge and resolve, the grid worker confirms on site.
 * The runner restarts from the file after the dispatch (the case then waits for its post).
 *
 * @example
 * ```ts
 * import { riverStory } from './riverStory.js';
 * riverStory.length; // 6
 * ```
 */
export const riverStory: StoryStep[] = [
  {
    report: {
      id: riverCaseId,
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'medium',
      title: '檬梓桥河雨污混流、管网破损',
      description: '走访发现雨污混流，污水收集不彻底，管网破损',
      location: { lat: 29.03, lng: 106.65, address: '檬梓桥河沿岸' },
    },
  },
  { wait: 'PT8M', send: { type: 'ACCEPT', by: 'qj-sj-duty' } },
  {
    wait: 'PT4M',
    send: {
      type: 'DISPATCH',
      by: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
      note: '经济发展板块村镇建设岗牵头',
    },
  },
  {
    wait: 'PT20M',
    restartBefore: true,
    send: { type: 'ACKNOWLEDGE', by: 'qj-sj-czjs-staff' },
  },
  {
    wait: 'P2DT18H',
    send: { type: 'RESOLVE', by: 'qj-sj-czjs-staff', result: '管网修复完成，雨污分流' },
  },
  { wait: 'PT2H', send: { type: 'CONFIRM', by: 'qj-sj-c1-g1-worker', note: '现场核查：河水已清' } },
];
