// The duty lists (清单): the grid worker's "6+1" list and assessment by the list, the town's
// routing lists, and the community's four lists and one catalogue. The @zhizhi/core/duty entry.

export { assessByList } from './assessByList.js';
export { authorizeTarget } from './authorizeTarget.js';
export { builtInGridDuties } from './builtInGridDuties.js';
export {
  type CheckInQuery,
  type CheckInRecord,
  matchesCheckIn,
} from './CheckInRecord.js';
export { type CheckInInput, checkInInputSchema } from './checkInInputSchema.js';
export { type CheckIn, checkInSchema } from './checkInSchema.js';
export {
  type MayIssueCertificate,
  type MustNotIssueCertificate,
  mayIssueCertificateSchema,
  mustNotIssueCertificateSchema,
  type NegativeMatter,
  negativeMatterSchema,
  type Signage,
  signageSchema,
  type VillageMatter,
  villageMatterSchema,
} from './communityListEntrySchemas.js';
export { type CommunityLists, communityListsSchema } from './communityListsSchema.js';
export { type DutyCode, dutyCatalog } from './dutyCatalog.js';
export { type DutyLists, dutyListsSchema } from './dutyListsSchema.js';
export {
  type DutyFrequency,
  dutyFrequencySchema,
  type GridDuty,
  type GridDutyList,
  gridDutyListSchema,
  gridDutySchema,
} from './gridDutyListSchema.js';
export type {
  AssessByListOptions,
  DutyAssessment,
  DutyGap,
  ListAssessment,
} from './ListAssessment.js';
export { parseCommunityLists } from './parseCommunityLists.js';
export { parseGridDutyList } from './parseGridDutyList.js';
export {
  type CertificateDecision,
  type CertificateRefusal,
  type CertificateRequest,
  requestCertificate,
} from './requestCertificate.js';
export { sampleCommunityLists, sampleGridDutyList, sampleGridRoster } from './sampleDutyData.js';
