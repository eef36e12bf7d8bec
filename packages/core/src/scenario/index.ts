// Scenario documents (一件事): schema, checker, compiler, machine, runtime.

export { type ScenarioCode, scenarioCatalog } from './check/scenarioCatalog.js';
export { sortDiagnostics, validateScenario } from './check/validateScenario.js';
export {
  compileScenario,
  type MachineJson,
  type NamedRef,
  type StateJson,
  type TransitionJson,
} from './compile/compileScenario.js';
export { createScenarioMachine, type ScenarioMachine } from './compile/createScenarioMachine.js';
export { scenarioActionParams, scenarioGuardParams } from './compile/machineRefs.js';
export { parseMachineJson } from './compile/parseMachineJson.js';
export { type StepEdge, stepEdges, stepRegions } from './document/scenarioGraph.js';
export { GOTO_PATTERN, ID_PATTERN } from './document/scenarioIds.js';
export { scenarioJsonSchema } from './document/scenarioJsonSchema.js';
export { MAX_INSTANT_STEPS, MAX_PARALLEL_DEPTH, MAX_STEPS } from './document/scenarioLimits.js';
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
} from './document/scenarioSchema.js';
export { activeSteps, parseStatus, statusOf } from './run/activeSteps.js';
export { admitScenarioData } from './run/admitScenarioData.js';
export { authorizeScenarioCommand, outsideTown } from './run/authorizeScenarioCommand.js';
export { computeScenarioKpis, type ScenarioKpiValue } from './run/computeScenarioKpis.js';
export { createScenarioKind, type ScenarioKind } from './run/createScenarioKind.js';
export {
  createScenarioStepper,
  type ScenarioEffect,
  type ScenarioStepper,
  type ScenarioStepResult,
} from './run/createScenarioStepper.js';
export { type LoadedScenario, loadScenario } from './run/loadScenario.js';
export { payloadError, runError } from './run/runError.js';
export { ScenarioEngine, type ScenarioResult } from './run/ScenarioEngine.js';
export {
  type ScenarioCommand,
  type StartScenario,
  scenarioCommandSchema,
  startScenarioSchema,
} from './run/scenarioCommandSchema.js';
export type { ScenarioContext, ScenarioEvent, ScenarioInput } from './run/scenarioContext.js';
export { scenarioNotification } from './run/scenarioNotification.js';
export { scenarioRuntimeCatalog } from './run/scenarioRuntimeCatalog.js';
