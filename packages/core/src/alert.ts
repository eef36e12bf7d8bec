// @zhizhi/core/alert — sensor readings → de-duplicated, ordered, hysteresis-filtered alerts →
// routing by level (分级推送) → CAP 1.2 import and export. Its checks return the Diagnostic
// of every zhizhi checker, built with makeDiagnostic.
export * from './alert/index.js';
export type { Diagnostic, MessageTemplate } from './diagnostics/Diagnostic.js';
export { makeDiagnostic } from './diagnostics/Diagnostic.js';
