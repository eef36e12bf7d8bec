// @zhizhi/core/persist — importing persisted cases (backups, migration between stores).

export { auditEntrySchema } from './audit/auditEntry.js';
export { caseContextSchema } from './case/caseContext.js';
export { replayCaseTrail, sameContext } from './engine/replayCaseTrail.js';
export { restoreCase } from './engine/restoreCase.js';
export { restorePersistedCase } from './engine/restorePersistedCase.js';
