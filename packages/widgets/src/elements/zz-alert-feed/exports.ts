// What @zhizhi/widgets exports for the alert feed (one line in src/index.ts re-exports this file).

export { ZzAlertFeed } from '../zz-alert-feed.js';
export { type AlertItem, alertLevelOf } from './AlertItem.js';
export type { ZzAlertAcknowledgedDetail } from './alertFeedEvents.js';
