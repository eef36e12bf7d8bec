// @zhizhi/core/scenario — one-matter scenarios (一件事): the document format, its checker and
// compiler, and the runtime (ScenarioEngine). Related concepts have entries of their own:
// sensor alerts and CAP 1.2 in @zhizhi/core/alert, the duty lists in @zhizhi/core/duty, the
// condition language in @zhizhi/core/expr (still re-exported here, as before, for
// compatibility: with one dist file per module this costs nothing to those who do not use it).

export type {
  Alert,
  AlertEvent,
  AlertRouting,
  AlertTarget,
} from './alert/index.js';
export type { Diagnostic, MessageTemplate } from './diagnostics/Diagnostic.js';
export { makeDiagnostic } from './diagnostics/Diagnostic.js';
export { closestName, didYouMean } from './diagnostics/didYouMean.js';
export * from './expr/index.js';
export * from './scenario/index.js';
