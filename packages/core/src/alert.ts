// @zhizhi/core/alert — sensor readings → de-duplicated, ordered, hysteresis-filtered alerts →
// routing by level (分级推送) → CAP 1.2 import and export. Also part of @zhizhi/core/scenario.
export * from './alert/index.js';
