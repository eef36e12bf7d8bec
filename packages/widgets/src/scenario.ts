// @zhizhi/widgets/scenario — `zz-scenario` and `defineScenarioElement`, kept out of the main
// entry (and its 40 KB classic script): dist/zhizhi-scenario.js is this entry as a classic
// script that extends the `ZhizhiWidgets` global of dist/zhizhi-widgets.js.

export { ZzScenario } from './elements/zz-scenario.js';
export { defineScenarioElement } from './scenario/defineScenarioElement.js';
export type { ZzScenarioStartedDetail, ZzTaskDoneDetail } from './scenario/scenarioEvents.js';
export {
  fieldLabels,
  type ScenarioViewer,
  scenarioTasks,
  statusLabel,
  stepLabel,
  taskFormSchema,
} from './scenario/scenarioTasks.js';
