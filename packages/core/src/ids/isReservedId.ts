import { SYSTEM_ACTOR_ID } from '../org/Directory.js';

/**
 * Whether the runtime reserves an id for itself, so that no user-supplied member, unit, post or
 * department (nor a report's case id) may take it: the system actor's id (`'system'`, under
 * which the Engine fires SLA timers and scenario hosts open cases), and **every id containing
 * `:`**, the separator of the ids the runtime generates (a dispatch step's case
 * `instance:step:version`, timer and notification ids, routing references `post:id`). The one
 * exception is the org's own system member: `{ id: 'system', role: 'system' }`, declared at most
 * once (the Directory provides it when the org does not).
 *
 * @example
 * ```ts
 * import { isReservedId } from '@zhizhi/core';
 * isReservedId('system'); // true
 * isReservedId('band-1:dispatch:3'); // true
 * isReservedId('qj-sj-c1-g1-worker'); // false
 * ```
 */
export function isReservedId(id: string): boolean {
  return id === SYSTEM_ACTOR_ID || id.includes(':');
}
