// @zhizhi/core/json — a strict JSON reader for documents people write by hand (scenarios,
// org files, event scripts): duplicate keys and `__proto__` keys are errors with their path.
export { type JsonCode, jsonCatalog } from './json/jsonCatalog.js';
export {
  type JsonDiagnostic,
  type JsonParseResult,
  type JsonStrictOptions,
  parseJsonStrict,
} from './json/parseJsonStrict.js';
