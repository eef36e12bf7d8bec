// The chart chunk of `zz-kpi-dashboard`: ECharts (core, bar and line charts, the cartesian grid,
// the SVG renderer) and nothing else. The dashboard loads it with a dynamic `import()` of this
// module the first time it draws (no legend component: the dashboard draws its own); the build emits it as dist/zz-charts.js, a self-contained ES
// module that both the ESM elements and the classic script dist/zhizhi-viz.js load.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, SVGRenderer]);

/**
 * What a chart shows: a bar or line chart over `categories`, one or more series, their colours
 * and the text style (taken from the element's `--zz-*` properties).
 *
 * @example
 * ```ts
 * import type { ChartSpec } from '@zhizhi/widgets/zz-charts';
 * const spec: ChartSpec = { kind: 'bar', categories: ['riverPollution'], series: [{ name: '事件', values: [3] }],
 *   colors: ['#0b5cad'], textColor: '#1f2328', fontSize: 12 };
 * ```
 */
export interface ChartSpec {
  kind: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: number[] }[];
  colors: string[];
  textColor: string;
  fontSize: number;
}

/**
 * A chart drawn into an element: `update` redraws with a new spec, `resize` follows the
 * container's size, `destroy` releases it.
 *
 * @example
 * ```ts
 * import type { ChartHandle } from '@zhizhi/widgets/zz-charts';
 * const stop = (c: ChartHandle) => c.destroy();
 * ```
 */
export interface ChartHandle {
  update(spec: ChartSpec): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

function optionOf(spec: ChartSpec): EChartsCoreOption {
  const text = { color: spec.textColor, fontSize: spec.fontSize };
  return {
    animation: false,
    color: spec.colors,
    textStyle: text,
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: spec.categories,
      axisLabel: { ...text, interval: 0, hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: text },
    series: spec.series.map((s) => ({
      type: spec.kind,
      name: s.name,
      data: s.values,
      ...(spec.kind === 'line' ? { symbolSize: 6 } : { barMaxWidth: 32 }),
    })),
  };
}

/**
 * Draws `spec` into `container` with ECharts' SVG renderer (no canvas; the SVG is patched with
 * DOM and CSSOM calls, no `<style>` element, so it runs under `style-src 'self'`). Animation is
 * off: the dashboard redraws on live changes and respects reduced motion.
 *
 * @example
 * ```ts
 * import { createChart } from '@zhizhi/widgets/zz-charts';
 * const chart = createChart(div, { kind: 'line', categories: ['09-01', '09-02'],
 *   series: [{ name: 'Reported', values: [3, 5] }], colors: ['#0b5cad'], textColor: '#1f2328', fontSize: 12 }, 480, 240);
 * chart.destroy();
 * ```
 */
export function createChart(
  container: HTMLElement,
  spec: ChartSpec,
  width: number,
  height: number,
): ChartHandle {
  const chart = init(container, null, { renderer: 'svg', width, height });
  chart.setOption(optionOf(spec));
  return {
    update: (next) => chart.setOption(optionOf(next), { notMerge: true }),
    resize: (w, h) => chart.resize({ width: w, height: h }),
    destroy: () => chart.dispose(),
  };
}
