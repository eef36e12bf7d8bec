// @zhizhi/core — the case engine of zhizhi (智治). Isomorphic: no DOM, no Node I/O.

export {
  type ChainVerdict,
  canonicalJson,
  hashAuditEntry,
  sealAuditEntry,
  verifyAuditChain,
} from './audit/auditChain.js';
export { type AuditEntry, GENESIS_HASH } from './audit/auditEntry.js';
export { sha256 } from './audit/sha256.js';
export { admitCaseCommand, zodIssueError } from './case/admitCaseCommand.js';
export { applyCaseEvent } from './case/applyCaseEvent.js';
export { authorizeActor, authorizeCaseEvent, whoMayAct } from './case/authorizeCaseEvent.js';
export {
  type CaseContext,
  type CaseReport,
  reportSchema,
} from './case/caseContext.js';
export {
  type CaseCommand,
  type CaseEvent,
  type CaseEventType,
  caseEventSchemas,
  caseEventTypes,
  type DispatchTarget,
  dispatchTargetSchema,
} from './case/caseEventSchemas.js';
export {
  caseNotifications,
  type NotificationIntent,
  type Recipient,
} from './case/caseNotifications.js';
export {
  type ActorScope,
  type CaseRule,
  caseRules,
  openCaseRules,
  ruleFor,
} from './case/caseRules.js';
export {
  type CaseStatus,
  caseStatuses,
  clockOfStatus,
  type Outcome,
  outcomes,
  type Severity,
  type SlaClock,
  severities,
  slaClocks,
} from './case/caseStatus.js';
export {
  type CaseKind,
  type CaseKindOptions,
  createCaseKind,
} from './case/createCaseKind.js';
export {
  type CaseMachine,
  type CaseMachineOptions,
  createCaseMachine,
} from './case/createCaseMachine.js';
export { type CaseStep, type CaseStepper, createCaseStepper } from './case/createCaseStepper.js';
export { initialCaseContext } from './case/initialCaseContext.js';
export type { Parsed } from './diagnostics/Parsed.js';
export { authorizeTarget } from './duty/authorizeTarget.js';
export type { DutyLists } from './duty/dutyListsSchema.js';
export type {
  CaseRecord,
  Commit,
  DefinitionRecord,
  InstanceRecord,
  Notification,
  PersistedCase,
  ScenarioRecord,
} from './engine/caseRecord.js';
export { type Clock, SimulatedClock, systemClock } from './engine/clock.js';
export type { StepTimer, Timer } from './engine/Timer.js';
export { type CaseError, caseError, errorMessage } from './errors/CaseError.js';
export { type ErrorCode, errorCatalog } from './errors/errorCatalog.js';
export { fillTemplate, makeError, type ZhizhiError } from './errors/ZhizhiError.js';
export { type Lang, type LocalizedText, pickText } from './i18n/Lang.js';
export { isReservedId } from './ids/isReservedId.js';
export { isSafeId, safeIdSchema, unsafeIds } from './ids/safeIdSchema.js';
export { Directory, SYSTEM_ACTOR_ID } from './org/Directory.js';
export type { Department, Member, Org, OrgUnit, Post } from './org/orgSchema.js';
export {
  gridCrewRoles,
  gridRoles,
  type OrgLevel,
  orgLevels,
  type Role,
  roles,
  type SectionId,
  sections,
} from './org/roles.js';
export {
  DURATION_PATTERN,
  isDuration,
  MAX_DURATION_MS,
  parseDuration,
} from './sla/parseDuration.js';
export {
  type SlaPolicy,
  sectionOfCategory,
  slaDeadline,
} from './sla/slaPolicy.js';
export { nextSlaTimer, type SlaTimer, slaDueAt } from './sla/slaTimer.js';
