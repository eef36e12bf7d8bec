import type { CheckIn, CheckInRecord } from '@zhizhi/core/duty';

/**
 * `zz-check-in` (from `zz-duty-list`): the grid worker checked in a duty of the list.
 * `checkIn` is what the worker entered; `record` is the check-in as the provider's client
 * stored it (its id, grid and town), absent when the client has no check-ins and the page
 * keeps them itself.
 *
 * @example
 * ```ts
 * list.addEventListener('zz-check-in', (e) => console.log(e.detail.record?.id ?? e.detail.checkIn));
 * ```
 */
export interface ZzCheckInDetail {
  checkIn: CheckIn;
  record?: CheckInRecord;
}

declare global {
  interface HTMLElementEventMap {
    'zz-check-in': CustomEvent<ZzCheckInDetail>;
  }
}
