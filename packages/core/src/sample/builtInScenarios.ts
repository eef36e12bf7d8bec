import antiFraudOutreach from '../../scenarios/anti-fraud-outreach.json' with { type: 'json' };
import elderlyHealthBand from '../../scenarios/elderly-health-band.json' with { type: 'json' };
import electricalFire from '../../scenarios/electrical-fire.json' with { type: 'json' };
import smokeAlarm from '../../scenarios/smoke-alarm.json' with { type: 'json' };
import standardCaseFlow from '../../scenarios/standard-case-flow.json' with { type: 'json' };
import type { Scenario } from '../scenario/document/scenarioSchema.js';

/**
 * The built-in one-matter (一件事) scenarios, written against the sample org (三江街道 `qj-sj`
 * of 綦江区), as data. The same documents ship as files with the package, each beside the
 * event script that plays its story with `zhizhi simulate`:
 * `@zhizhi/core/scenarios/<id>.json` and `@zhizhi/core/scenarios/<id>.events.jsonl`
 * (`packages/core/scenarios/` in the repository, the only copy):
 * - `electrical-fire` — 电气火灾智防: leakage warnings pushed by level; a level-1 warning reaches
 *   the fire-management post and the district city-operations center at the same moment, is
 *   dispatched with the power-supply company as co-handler and handled on site (article: 24 min);
 * - `smoke-alarm` — 智能烟感: an AI smoke alert, the emergency plan, firefighting and
 *   resettlement in parallel, then fire-hazard inspections of old compounds in every grid;
 * - `anti-fraud-outreach` — 反诈宣传: delivery riders as part-time grid workers visit a household
 *   list until 90% are covered;
 * - `elderly-health-band` — 留守老人智能健康手环: a band alarm, a call, a grid worker's visit;
 * - `standard-case-flow` — the core case flow (intake, dispatch, resolve, verify) as a template.
 *
 * Every document validates with no errors against `sampleOrg`; a district copies one, replaces
 * the sample's post, department and center ids with its own, and registers it.
 *
 * @example
 * ```ts
 * import { Directory, SimulatedClock } from '@zhizhi/core';
 * import { Engine } from '@zhizhi/core/runtime';
 * import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
 * import { ScenarioEngine } from '@zhizhi/core/scenario';
 *
 * const engine = new Engine({ directory: new Directory(sampleOrg), clock: new SimulatedClock('2026-09-01T08:00:00+08:00') });
 * const scenarios = new ScenarioEngine(engine);
 * for (const doc of builtInScenarios) scenarios.register(doc);
 * await scenarios.start({
 *   scenario: 'electrical-fire', trigger: 'leakageWarning', by: 'qj-sj-sensor', gridId: 'qj-sj-c1-g1',
 *   data: { alarmType: 'leakage', level: 1, location: '三江社区养老服务中心' },
 * }); // pushed to the fire post and the city-operations center, dispatched, waiting for 签收
 * ```
 */
export const builtInScenarios: readonly Scenario[] = [
  electricalFire,
  smokeAlarm,
  antiFraudOutreach,
  elderlyHealthBand,
  standardCaseFlow,
] as Scenario[];
