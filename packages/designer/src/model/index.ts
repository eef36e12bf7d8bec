// @zhizhi/designer/model — the designer's framework-free edit model: the scenario document
// itself under named commands with undo/redo on one stack, the rules the canvas shares with
// the commands, checking, semantic diff, generated test paths, import and export.

export type { BranchRef, Command, CommandType, Point } from './commands/Command.js';
export { type Refusal, type RefusalCode, refusalCatalog } from './commands/Refusal.js';
export { outcomesOf, type StepOutcome } from './graph/outcomesOf.js';
export { stepIndex } from './graph/stepIndex.js';
export type { Change, Json, JsonPath } from './history/Change.js';
export { createDraft } from './history/createDraft.js';
export type { Draft, ExecuteResult, HistoryEntry } from './history/Draft.js';
export { commandRefusals, execute } from './history/execute.js';
export { redo } from './history/redo.js';
export { undo } from './history/undo.js';
export { canDrop, canUseId, stepKinds } from './rules/canDrop.js';
export type { DraftStep, ScenarioDraft, StepKind } from './ScenarioDraft.js';
