// @zhizhi/widgets/viz — `zz-kpi-dashboard` and `zz-grid-map`, kept out of the main entry (and its
// 40 KB classic script). dist/zhizhi-viz.js is this entry as a classic script that extends the
// `ZhizhiWidgets` global of dist/zhizhi-widgets.js (with its own copy of Lit); the dashboard's
// chart chunk stays out of it: the first dashboard that draws loads dist/zz-charts.js (ECharts)
// with `import('./zz-charts.js')`, which the browser resolves against this script's own URL —
// serve the two files side by side (`zhizhi start` serves the whole dist at /widgets/).

export * from './elements/zz-grid-map.js';
export * from './elements/zz-kpi-dashboard.js';
