import type { CheckIn } from '@zhizhi/core/duty';

/**
 * `zz-check-in` (from `zz-duty-list`): the grid worker checked in a duty of the list. The
 * page keeps it (the zhizhi server has no check-in store yet) and gives it back through the
 * element's `checkIns` property.
 *
 * @example
 * ```ts
 * list.addEventListener('zz-check-in', (e) => portal.saveCheckIn(e.detail.checkIn));
 * ```
 */
export interface ZzCheckInDetail {
  checkIn: CheckIn;
}

declare global {
  interface HTMLElementEventMap {
    'zz-check-in': CustomEvent<ZzCheckInDetail>;
  }
}
