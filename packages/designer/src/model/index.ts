// @zhizhi/designer/model — the designer's framework-free edit model: the scenario document
// itself under named commands with undo/redo on one stack, the rules the canvas shares with
// the commands, checking, semantic diff, generated test paths, import and export.

export { checkDraft, type DraftCheck } from './check/checkDraft.js';
export { needsRecheck } from './check/needsRecheck.js';
export type { BranchRef, Command, CommandType, Point } from './commands/Command.js';
export { CLIPBOARD_FORMAT, type Clipboard, copySteps } from './commands/copySteps.js';
export { freshId } from './commands/freshId.js';
export { type Refusal, type RefusalCode, refusalCatalog } from './commands/Refusal.js';
export { describeDiff } from './diff/describeDiff.js';
export {
  diffScenarios,
  type ListDiff,
  type ScenarioDiff,
  type Transition,
  type ValueChange,
} from './diff/diffScenarios.js';
export {
  type EmbedExport,
  type EmbedOptions,
  exportEmbed,
} from './export/exportEmbed.js';
export { outcomesOf, type StepOutcome } from './graph/outcomesOf.js';
export { stepIndex } from './graph/stepIndex.js';
export { stepRegionKeys } from './graph/stepRegionKeys.js';
export type { Change, Json, JsonPath } from './history/Change.js';
export { createDraft } from './history/createDraft.js';
export type { Draft, ExecuteResult, HistoryEntry } from './history/Draft.js';
export { commandRefusals, execute } from './history/execute.js';
export { executeAll } from './history/executeAll.js';
export { loadDraft } from './history/loadDraft.js';
export { redo } from './history/redo.js';
export { restoreHistory } from './history/restoreHistory.js';
export { DRAFT_FORMAT, type SavedDraft, saveDraft } from './history/saveDraft.js';
export {
  HISTORY_FORMAT,
  type SavedHistory,
  serializeHistory,
} from './history/serializeHistory.js';
export { undo } from './history/undo.js';
export { exportMachine } from './io/exportMachine.js';
export { exportScenario } from './io/exportScenario.js';
export { formatScenario } from './io/formatScenario.js';
export { type ImportedScenario, importScenario } from './io/importScenario.js';
export { scenarioTemplates } from './io/scenarioTemplates.js';
export type { EventLine } from './paths/EventLine.js';
export { generateTestPaths, type TestPath, type TestPaths } from './paths/generateTestPaths.js';
export { toEventsFile } from './paths/toEventsFile.js';
export {
  canAddBranch,
  canRemoveBranch,
  MAX_BRANCHES,
  MIN_BRANCHES,
} from './rules/canAddBranch.js';
export { canConnect, canDisconnect } from './rules/canConnect.js';
export { canDelete } from './rules/canDelete.js';
export { canDrop, canUseId, stepKinds } from './rules/canDrop.js';
export { canPaste } from './rules/canPaste.js';
export { canRename } from './rules/canRename.js';
export { canSetProperty } from './rules/canSetProperty.js';
export type { DraftStep, ScenarioDraft, StepKind } from './ScenarioDraft.js';
