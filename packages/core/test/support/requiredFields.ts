import type { CaseEventType } from '../../src/index.js';

/** The required fields of every event (besides `type`), from the event reference. */
export const requiredFields: Record<CaseEventType, string[]> = {
  RESOLVE_ON_SITE: ['by', 'result'],
  ESCALATE: ['by'],
  ACCEPT: ['by'],
  REJECT: ['by', 'reason'],
  MERGE: ['by', 'intoCaseId'],
  DISPATCH: ['by', 'lead'],
  ACKNOWLEDGE: ['by'],
  RETURN: ['by', 'reason'],
  PROGRESS: ['by', 'note'],
  REQUEST_SUPPORT: ['by', 'targets'],
  RESOLVE: ['by', 'result'],
  CONFIRM: ['by'],
  REOPEN: ['by', 'reason'],
  CANCEL: ['by', 'reason'],
  DECLARE_EMERGENCY: ['by', 'plan'],
  STAND_DOWN: ['by'],
  SLA_OVERDUE: ['by', 'clock', 'level', 'dueAt'],
};
