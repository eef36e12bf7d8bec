// What @zhizhi/widgets exports for the duty list (one line in src/index.ts re-exports this file).

export { ZzDutyList } from '../zz-duty-list.js';
export type { ZzCheckInDetail } from './dutyListEvents.js';
export { startOfWeek } from './startOfWeek.js';
