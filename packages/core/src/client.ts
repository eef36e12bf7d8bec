// @zhizhi/core/client — the one client contract (commands, reads, the change feed) and
// LocalClient, which runs it over the runtime in this page or process.

export type {
  CaseAction,
  CheckInResult,
  Client,
  DeployResult,
  ReadingsResult,
} from './client/Client.js';
export { caseEventJsonSchema } from './client/caseEventJsonSchema.js';
export { LocalClient, type LocalClientOptions } from './client/LocalClient.js';
export type { KpiQuery } from './kpi/readKpis.js';
