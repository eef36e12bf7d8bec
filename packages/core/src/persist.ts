// @zhizhi/core/persist — importing persisted cases (backups, migration between stores).

export { auditEntrySchema } from './audit/auditEntrySchema.js';
export { caseContextSchema } from './case/caseContextSchema.js';
export { loadCase } from './engine/loadCase.js';
export { replayCaseTrail, sameContext } from './engine/replayCaseTrail.js';
export { restoreCase } from './engine/restoreCase.js';
export { restorePersistedCase } from './engine/restorePersistedCase.js';
