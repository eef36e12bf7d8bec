// @zhizhi/core/expr — the condition expression language of scenarios: parse, validate,
// type-check, print and interpret conditions over JSON data. No eval, no Function.
export * from './expr/index.js';
