// @zhizhi/designer — the scenario designer: the React canvas and panels, and (re-exported
// below) the framework-free edit model `@zhizhi/designer/model`.

export { appText } from './app/appText.js';
export { blankScenario } from './app/blankScenario.js';
export { DesignerApp, type DesignerAppProps } from './app/DesignerApp.js';
export { DRAFTS_KEY, listStoredDrafts, openStoredDraft, storeDraft } from './app/draftStore.js';
export { useSameOriginServer } from './app/useSameOriginServer.js';
export { BranchNode } from './canvas/BranchNode.js';
export {
  type CanvasSelection,
  DesignerCanvas,
  type DesignerCanvasProps,
  STEP_KIND_MIME,
} from './canvas/DesignerCanvas.js';
export { initialViewport } from './canvas/initialViewport.js';
export { newStep } from './canvas/newStep.js';
export { OverviewLayer, type OverviewLayerProps, overviewColours } from './canvas/OverviewLayer.js';
export { outcomeLabel } from './canvas/outcomeLabel.js';
export {
  hitStep,
  OVERVIEW_ZOOM,
  type OverviewBox,
  type OverviewScene,
  type OverviewState,
  overviewScene,
} from './canvas/overviewScene.js';
export { MAX_CLIPBOARD_TEXT, readClipboardText } from './canvas/readClipboardText.js';
export { StepNode } from './canvas/StepNode.js';
export type { BranchFlowNode, StepFlowNode, StepNodeData } from './canvas/StepNodeData.js';
export { stepIcons } from './canvas/stepIcons.js';
export { NODE_WIDTH, stepNodeHandles, stepNodeSize } from './canvas/stepNodeLayout.js';
export { edgeId, toFlowEdges } from './canvas/toFlowEdges.js';
export { type NodeCache, toFlowNodes } from './canvas/toFlowNodes.js';
export { type DesignerDraft, useDesignerDraft } from './canvas/useDesignerDraft.js';
export { type StepClipboardOptions, useStepClipboard } from './canvas/useStepClipboard.js';
export {
  type Checker,
  type CheckerOptions,
  type CheckResult,
  createChecker,
  WORKER_CHECK_STEPS,
} from './check/createChecker.js';
export { type DesignerCheck, useDraftCheck } from './check/useDraftCheck.js';
export { DeployDialog, type DeployDialogProps } from './deploy/DeployDialog.js';
export type { DesignerServer } from './deploy/DesignerServer.js';
export { downloadFile } from './export/downloadFile.js';
export { ExportMenu, type ExportMenuProps } from './export/ExportMenu.js';
export { embedTag } from './export/embedTag.js';
export { type ExportTextKey, exportText } from './export/exportText.js';
export { autoLayout } from './layout/autoLayout.js';
export { isPinned } from './layout/isPinned.js';
export { LayoutButtons, type LayoutButtonsProps } from './layout/LayoutButtons.js';
export { pinCommands } from './layout/pinCommands.js';
export * from './model/index.js';
export { ConditionEditor, type ConditionEditorProps } from './panels/ConditionEditor.js';
export { type CanvasTextKey, canvasText } from './panels/canvasText.js';
export {
  type Completions,
  completeCondition,
  type FieldChoice,
  fieldChoices,
} from './panels/conditionCompletions.js';
export {
  type ConditionProblem,
  conditionProblems,
  conditionProblemText,
} from './panels/conditionProblems.js';
export { DiagnosticsPanel, type DiagnosticsPanelProps } from './panels/DiagnosticsPanel.js';
export { fieldName } from './panels/fieldNames.js';
export { type Choice, enumText, orgChoices } from './panels/orgChoices.js';
export { Palette, type PaletteProps } from './panels/Palette.js';
export { PropertyPanel, type PropertyPanelProps } from './panels/PropertyPanel.js';
export { ShortcutHelp, type ShortcutHelpProps, shortcutList } from './panels/ShortcutHelp.js';
export { StepSearch, type StepSearchProps } from './panels/StepSearch.js';
export { type FoundStep, searchSteps } from './panels/searchSteps.js';
export { setPropertyCommand } from './panels/setPropertyCommands.js';
export { defaultFor, type JsonSchema, stepJsonSchema } from './panels/stepJsonSchema.js';
export { type UiTextKey, uiText } from './panels/uiText.js';
export { PictureButtons, type PictureButtonsProps } from './picture/PictureButtons.js';
export { pictureColours } from './picture/pictureColours.js';
export {
  type PictureEdge,
  type PictureStep,
  type ScenarioPicture,
  scenarioPicture,
} from './picture/scenarioPicture.js';
export { drawPicture, MAX_PNG_SIDE, scenarioPng } from './picture/scenarioPng.js';
export { escapeXml, scenarioSvg } from './picture/scenarioSvg.js';
export {
  type ExportKind,
  ScenarioDesigner,
  type ScenarioDesignerProps,
} from './ScenarioDesigner.js';
export { memberGroups } from './simulation/memberGroups.js';
export { SimForm, type SimFormProps } from './simulation/SimForm.js';
export {
  createSimulation,
  SIMULATION_START,
  type SimulatedCaseAction,
  type SimulatedTask,
  Simulation,
  type SimulationOptions,
  type SimulationState,
} from './simulation/Simulation.js';
export { SimulationPanel, type SimulationPanelProps } from './simulation/SimulationPanel.js';
export { type SimTextKey, simText } from './simulation/simText.js';
export { Timeline, type TimelineProps } from './simulation/Timeline.js';
export { type TimelineEntry, timelineOf } from './simulation/timelineOf.js';
