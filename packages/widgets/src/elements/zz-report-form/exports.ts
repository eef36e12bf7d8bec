// What @zhizhi/widgets exports for the report form: the element, its events, the offline
// outbox and the helpers it is built from (one line in src/index.ts re-exports this file).

export { isTransientError } from '../../outbox/isTransientError.js';
export { newIdempotencyKey } from '../../outbox/newIdempotencyKey.js';
export {
  type FlushResult,
  Outbox,
  type OutboxOptions,
  type PhotoUploader,
} from '../../outbox/Outbox.js';
export type { CoordinateSystem, OutboxEntry } from '../../outbox/OutboxEntry.js';
export { ZzReportForm } from '../zz-report-form.js';
export { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02ToWgs84.js';
export { locateDevice, type TaggedPosition } from './locateDevice.js';
export { type ReportCategory, reportCategories } from './reportCategories.js';
export type {
  ZzReportQueuedDetail,
  ZzReportRefusedDetail,
  ZzReportSentDetail,
} from './reportFormEvents.js';
export { PhotoError, resizePhoto } from './resizePhoto.js';
