// Scenario documents (一件事): schema, checker, compiler, machine, runtime.

export { activeSteps, parseStatus, statusOf } from './activeSteps.js';
export { authorizeScenarioCommand, outsideTown } from './authorizeScenarioCommand.js';
export { checkMachineJson } from './checkMachineJson.js';
export { checkScenarioData } from './checkScenarioData.js';
export {
  compileScenario,
  type MachineJson,
  type NamedRef,
  type StateJson,
  type TransitionJson,
} from './compileScenario.js';
export { computeScenarioKpis, type ScenarioKpiValue } from './computeScenarioKpis.js';
export { createScenarioMachine, type ScenarioMachine } from './createScenarioMachine.js';
export {
  createScenarioStepper,
  type ScenarioEffect,
  type ScenarioStepper,
  type ScenarioStepResult,
} from './createScenarioStepper.js';
export { scenarioActionParams, scenarioGuardParams } from './machineRefs.js';
export { payloadError, runError } from './runError.js';
export { ScenarioEngine, type ScenarioResult } from './ScenarioEngine.js';
export { type ScenarioCode, scenarioCatalog } from './scenarioCatalog.js';
export {
  type ScenarioCommand,
  type StartScenario,
  scenarioCommandSchema,
  startScenarioSchema,
} from './scenarioCommandSchema.js';
export type { ScenarioContext, ScenarioEvent, ScenarioInput } from './scenarioContext.js';
export { type StepEdge, stepEdges, stepRegions } from './scenarioGraph.js';
export { scenarioJsonSchema } from './scenarioJsonSchema.js';
export { scenarioNotification } from './scenarioNotification.js';
export { scenarioRuntimeCatalog } from './scenarioRuntimeCatalog.js';
export {
  assigneeSchema,
  fieldSchema,
  fieldTypes,
  kpiSchema,
  recipientSchema,
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioFieldType,
  type ScenarioStep,
  scenarioSchema,
  stepSchema,
  stepSchemas,
  triggerSchema,
} from './scenarioSchema.js';
export { sortDiagnostics, validateScenario } from './validateScenario.js';
