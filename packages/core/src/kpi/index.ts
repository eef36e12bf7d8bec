// @zhizhi/core/kpi — KPIs computed from audit trails (analytics, kept out of the main entry).
export {
  type CaseWithTrail,
  computeKpis,
  type DurationStats,
  type Kpis,
} from './computeKpis.js';
export { KPI_MAX_CASES, type KpiQuery, type KpiSource, readKpis } from './readKpis.js';
