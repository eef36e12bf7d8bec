// @zhizhi/designer — the scenario designer. The React canvas lands here; the framework-free
// edit model is `@zhizhi/designer/model` (and re-exported below).

export * from './model/index.js';
