// @zhizhi/core/scenario — one-matter scenarios: the document format, its checker and compiler,
// the condition language, the scenario runtime, sensor alerts with CAP 1.2, and duty lists.
export * from './alert/index.js';
export type { Diagnostic, MessageTemplate } from './diagnostics/Diagnostic.js';
export { makeDiagnostic } from './diagnostics/Diagnostic.js';
export { closestName, didYouMean } from './diagnostics/didYouMean.js';
export * from './duty/index.js';
export * from './expr/index.js';
export * from './scenario/index.js';
