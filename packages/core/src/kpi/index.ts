// @zhizhi/core/kpi — KPIs computed from audit trails (analytics, kept out of the main entry).
export {
  type CaseWithTrail,
  computeKpis,
  type DurationStats,
  type Kpis,
} from './computeKpis.js';
