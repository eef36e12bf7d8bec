import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { Directory } from '../../org/Directory.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { checkConditions } from './checkConditions.js';
import { type CheckContext, createCheckContext } from './checkContext.js';
import { checkFieldRefs } from './checkFieldRefs.js';
import { checkIds } from './checkIds.js';
import { checkInstantLoops } from './checkInstantLoops.js';
import { checkKpis } from './checkKpis.js';
import { checkNesting } from './checkNesting.js';
import { checkOrgRefs } from './checkOrgRefs.js';
import { checkParticipants } from './checkParticipants.js';
import { checkPersonalData } from './checkPersonalData.js';
import { checkReachability } from './checkReachability.js';
import { checkSensorFields } from './checkSensorFields.js';
import { checkSla } from './checkSla.js';
import { checkTransitions } from './checkTransitions.js';
import { parseScenario } from './parseScenario.js';
import { salvageSteps, UNREAD } from './salvageSteps.js';
import { scenarioDiagnostic } from './scenarioCatalog.js';

const checks: ((ctx: CheckContext) => Diagnostic[])[] = [
  (ctx) => checkIds(ctx.doc),
  checkTransitions,
  checkReachability,
  checkInstantLoops,
  checkNesting,
  checkSla,
  checkFieldRefs,
  checkSensorFields,
  checkOrgRefs,
  checkParticipants,
  checkConditions,
  checkPersonalData,
  checkKpis,
];

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k] as string | number;
    const y = b[k] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts diagnostics in place by JSON path (array indices numerically), then code, then message:
 * the order {@link validateScenario} returns them in.
 *
 * @example
 * ```ts
 * import { sortDiagnostics } from '@zhizhi/core/scenario';
 * // sortDiagnostics(list).map((d) => d.path.join('.')); // ['fields.0.id', 'steps.2.next', 'steps.10.id']
 * ```
 */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      comparePaths(a.path, b.path) || order(a.code, b.code) || order(a.message.en, b.message.en),
  );
}

function internal(error: unknown): Diagnostic {
  let detail = 'error';
  try {
    detail =
      error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : typeof error;
  } catch {
    // a hostile thrown value: keep the generic word
  }
  return scenarioDiagnostic('scenario.internal', [], { error: detail });
}

/**
 * Checks a scenario document (一件事) and returns every problem found as a {@link Diagnostic}
 * (stable code, JSON path into the document, zh-CN and English message, severity, and the
 * `stepId` of the step the path leads into), sorted by path then code. A message never repeats
 * its path (a printer shows it) and ends with a "did you mean" for a near-miss name. An empty
 * list, or warnings only, means the document may be compiled with `compileScenario` and built
 * with `createScenarioMachine`. It never throws and never changes `doc`, whatever it is — not
 * an object, cyclic, deeply nested, huge, or with `__proto__` / `constructor` keys — and it
 * runs in time linear in the size of the document (a 1,000-step scenario takes a few
 * milliseconds).
 *
 * What it proves (codes in `scenarioCatalog`):
 * - **shape**: the document matches `scenarioSchema` (ids, field ids a condition can use,
 *   durations of at most ten years…), else `scenario.schema` for every issue (path and rule,
 *   at most 50). When every issue is inside some steps (a half-filled step, a task with no
 *   assignee yet), the other checks still run on the rest of the document: the half-filled
 *   steps keep the transitions that can be read, and only their contents are left unchecked
 *   (while one of their transitions cannot be read, no step is called unreachable). Otherwise
 *   nothing else is checked;
 * - **ids**: no duplicate step, field, trigger, KPI, task outcome or parallel branch ids
 *   (`scenario.duplicateId`);
 * - **transitions**: every `to`, `next`, `otherwise`, `sla.onTimeout`, trigger and branch
 *   `start`, KPI `from`/`to`/`campaign` names a step (`scenario.unknownStep`,
 *   `scenario.slaWithoutTimeout` for an SLA); `@join` is only used inside a parallel branch
 *   (`scenario.joinOutsideBranch`); no transition crosses a branch border and no step belongs
 *   to two branches (`scenario.crossesBranch`);
 * - **flow**: every step is reachable from a trigger's start (`scenario.unreachable`) and can
 *   reach an end — `@join` inside a branch (`scenario.deadEnd`, at the transition that traps
 *   the instance: the one closing a loop with no way out, or leading to an `end` step inside a
 *   branch); no loop of steps that wait for nothing (`scenario.instantLoop`, at the transition
 *   closing the loop); parallel steps nest at most `MAX_PARALLEL_DEPTH` levels
 *   (`scenario.tooDeep`);
 * - **SLAs**: a `wait` for a duration has no SLA that could never fire (`scenario.slaNeverFires`);
 * - **references**: forms, notify and trigger `fields` name declared fields
 *   (`scenario.unknownField`); a sensor trigger copies a path an alert has
 *   (`scenario.unknownAlertPath`, see `alertFieldPaths`) into a field of its type
 *   (`scenario.alertFieldType`); with an `org`, posts, departments, centers, grids and
 *   communities exist (`scenario.unknownPost`, `scenario.unknownDepartment`,
 *   `scenario.unknownCenter`, `scenario.unknownRecipient`), and no dispatch step makes the
 *   city-operations center its lead or co-handler, whatever it calls it
 *   (`scenario.centerNotHandler`); the participants list every role, post, department and
 *   center the steps use (`scenario.undeclaredParticipant`);
 * - **conditions**: every decision branch's `when` parses (`scenario.conditionSyntax`) and is a
 *   boolean over the declared field types (`scenario.conditionType`);
 * - **personal data**: a `notify` step whose `fields` include a field marked `pii: true` goes
 *   only to individual handlers — recipients of kind `post`, `department`, a handling `role` or
 *   `family` — never to the broadcast recipients `grid`, `community`, `commandCenter`,
 *   `cityOperationsCenter` (also when the center is named as a `department`), and never on the
 *   `screen` channel; when a sensor trigger copies the alert's `location` into a pii field, the
 *   `alertRouting` of every level goes only to posts and departments, never on `screen`
 *   (`scenario.piiExposed`, naming the fields and the fix). A `decision` on a pii field is not
 *   an exposure;
 * - **KPIs**: a `duration` KPI's `to` can be reached after its `from`
 *   (`scenario.kpiUnreachable`), a `coverage` KPI names a campaign step (`scenario.kpiNotCampaign`).
 *
 * Warnings: `scenario.slaNeverFires`, `scenario.undeclaredParticipant`,
 * `scenario.kpiUnreachable`, `scenario.tooManyIssues`. Should a check itself fail, the result
 * carries `scenario.internal` instead of throwing.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { validateScenario } from '@zhizhi/core/scenario';
 *
 * declare const text: string; // a scenario file's JSON
 * const diagnostics = validateScenario(JSON.parse(text), new Directory(sampleOrg));
 * const errors = diagnostics.filter((d) => d.severity === 'error');
 * for (const d of errors) console.log(d.path.join('.'), d.code, d.message.zh);
 * // steps.3.next  scenario.unknownStep  步骤 `warn` 指向的 `dispach` 不是本场景的步骤；是否指 `dispatch`？
 * ```
 */
export function validateScenario(doc: unknown, org?: Directory): Diagnostic[] {
  const out: Diagnostic[] = [];
  let ids: readonly (string | undefined)[] = [];
  try {
    const shape = parseScenario(doc);
    let scenario: Scenario;
    let broken: Uint8Array | undefined;
    if (shape.ok) scenario = shape.value;
    else {
      out.push(...shape.diagnostics);
      // a half-filled step does not hide the rest: salvage when only steps are malformed
      const salvaged = shape.diagnostics.every(insideAStep) ? salvageSteps(doc) : null;
      if (!salvaged) return withStepIds(sortDiagnostics(out), rawStepIds(doc));
      scenario = salvaged.scenario;
      broken = salvaged.broken;
    }
    ids = scenario.steps.map((s) => (s.id.startsWith(UNREAD) ? undefined : s.id));
    const ctx = createCheckContext(scenario, org, broken);
    for (const check of checks) {
      try {
        for (const d of check(ctx)) out.push(d);
      } catch (error) {
        out.push(internal(error));
      }
    }
  } catch (error) {
    out.push(internal(error));
  }
  return withStepIds(sortDiagnostics(out), ids);
}

const insideAStep = (d: Diagnostic) => d.path[0] === 'steps' && typeof d.path[1] === 'number';

/** The ids of the steps of a document that failed its schema, where they can be read. */
function rawStepIds(doc: unknown): (string | undefined)[] {
  try {
    const steps = (doc as { steps?: unknown }).steps;
    if (!Array.isArray(steps)) return [];
    return steps.map((s) => {
      const id = typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;
      return typeof id === 'string' && id.length <= 64 ? id : undefined;
    });
  } catch {
    return []; // a hostile document: no step ids
  }
}

/** Sets `stepId` on every diagnostic whose path leads into a step with a known id. */
function withStepIds(list: Diagnostic[], ids: readonly (string | undefined)[]): Diagnostic[] {
  for (const d of list) {
    const i = insideAStep(d) ? ids[d.path[1] as number] : undefined;
    if (i !== undefined) d.stepId = i;
  }
  return list;
}
