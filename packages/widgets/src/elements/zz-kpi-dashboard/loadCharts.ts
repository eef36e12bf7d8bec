import type * as ZzCharts from '../../charts/zzCharts.js';

let loading: Promise<typeof ZzCharts> | undefined;

/**
 * The chart chunk (ECharts), loaded once, the first time a dashboard draws. In the ESM build
 * this `import()` points at dist/zz-charts.js; in the classic script dist/zhizhi-viz.js it stays
 * an `import('./zz-charts.js')`, which a browser resolves against that script's own URL. A
 * failed load is forgotten, so the next draw tries again.
 *
 * @example
 * ```ts
 * import { loadCharts } from '@zhizhi/widgets/elements/zz-kpi-dashboard';
 * const { createChart } = await loadCharts();
 * ```
 */
export function loadCharts(): Promise<typeof ZzCharts> {
  if (!loading) {
    loading = import('../../charts/zzCharts.js');
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
