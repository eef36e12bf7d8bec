// @zhizhi/core/labels — zh-CN and English labels of statuses, events, roles, sections,
// outcomes, severities, SLA clocks and org levels (display tables, kept out of the main entry).
export { label, labels } from './i18n/labels.js';
