// @zhizhi/widgets — zhizhi (智治) Web Components: one import registers every element of this
// entry (the dashboard and the map are in `@zhizhi/widgets/viz`). `LocalClient` is in
// `@zhizhi/widgets/local`, never here; `zz-scenario` and `defineScenarioElement` are in
// `@zhizhi/widgets/scenario` (and the classic script dist/zhizhi-scenario.js), outside the
// 40 KB budget of this entry.

export { defineElement } from './defineElement.js';
export { type DispatchTargetOption, dispatchTargetsOf } from './dispatch/dispatchTargetsOf.js';
export * from './elements/zz-alert-feed/exports.js';
export { ZzCase } from './elements/zz-case.js';
export { ZzCaseList } from './elements/zz-case-list.js';
export { ZzDispatchBoard } from './elements/zz-dispatch-board.js';
export * from './elements/zz-duty-list/exports.js';
export { ZzProvider } from './elements/zz-provider.js';
export * from './elements/zz-report-form/exports.js';
export {
  type ZzActionRefusedDetail,
  type ZzActionSentDetail,
  type ZzCaseSelectDetail,
  type ZzEventDetail,
  zzEvent,
} from './events.js';
export { formatTimeLeft } from './i18n/formatTimeLeft.js';
export { type Messages, toLang, translate } from './i18n/translate.js';
export { LiveFeed, type LiveFeedOptions, type LiveFeedRole } from './provider/LiveFeed.js';
export { ZzElement } from './provider/ZzElement.js';
export { type ZzContext, zzContext } from './provider/zzContext.js';
export { fieldsOf, type SchemaField } from './schemaForm/fieldsOf.js';
export { type FormValues, payloadOf } from './schemaForm/payloadOf.js';
export { renderSchemaFields, type SchemaFormContext } from './schemaForm/renderSchemaFields.js';
export { baseStyles } from './theme/baseStyles.js';
