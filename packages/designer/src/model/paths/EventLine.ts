/**
 * One line of an events file as `zhizhi simulate` replays it (one JSON object per line): a
 * clock move (`advance`, an ISO 8601 duration), the instance's `START`, an event for the
 * instance (`TASK_COMPLETE`, `CHECK_IN`, `SIGNAL`, `EVENT`), an event for the case a
 * dispatch step opened (`case`: the step id), or a sensor reading (`READING`: `reading` as
 * `POST /api/readings` takes it, `actor` the sensor member).
 *
 * @example
 * ```ts
 * import type { EventLine } from '@zhizhi/designer/model';
 * const line: EventLine = { type: 'TASK_COMPLETE', actor: 'qj-sj-c1-g1-worker', step: 'visit', outcome: 'fine' };
 * ```
 */
export type EventLine =
  | { advance: string }
  | ({ type: string; actor: string } & Record<string, unknown>);
