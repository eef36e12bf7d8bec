// @zhizhi/core/config — schemas and checks of the configuration documents an Engine is built
// from: the org, the SLA policy and the routing duty lists.
export { checkConfig } from './config/checkConfig.js';
export { checkOrgReferences } from './config/checkOrgReferences.js';
export { configCatalog } from './config/configCatalog.js';
export { dutyListsSchema } from './duty/dutyListsSchema.js';
export {
  departmentSchema,
  memberSchema,
  orgSchema,
  orgUnitSchema,
  postSchema,
} from './org/orgSchema.js';
export { durationSchema } from './sla/durationSchema.js';
export { slaPolicySchema } from './sla/slaPolicySchema.js';
