import type { Directory } from '../../org/Directory.js';
import { validateScenario } from '../check/validateScenario.js';
import { compileScenario } from '../compile/compileScenario.js';
import { createScenarioMachine } from '../compile/createScenarioMachine.js';
import { type Scenario, type ScenarioStep, scenarioSchema } from '../document/scenarioSchema.js';
import { createScenarioStepper, type ScenarioStepper } from './createScenarioStepper.js';

/**
 * A deployed scenario, checked and compiled once per process: the document, its stepper and
 * its steps by id.
 *
 * @example
 * ```ts
 * import type { LoadedScenario } from '@zhizhi/core/scenario';
 * const name = (s: LoadedScenario) => s.doc.name.zh;
 * ```
 */
export interface LoadedScenario {
  doc: Scenario;
  stepper: ScenarioStepper;
  steps: Map<string, ScenarioStep>;
}

/**
 * Checks a scenario document against the org and compiles it: the one way from a document to
 * something runnable (`register`, deploy, the CLI and the designer all go through it).
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { loadScenario } from '@zhizhi/core/scenario';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * loadScenario({}, new Directory(sampleOrg)).ok; // false, with diagnostics
 * ```
 */
export function loadScenario(
  doc: unknown,
  directory: Directory,
):
  | { ok: true; value: LoadedScenario }
  | { ok: false; diagnostics: ReturnType<typeof validateScenario> } {
  const diagnostics = validateScenario(doc, directory).filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const parsed = scenarioSchema.parse(doc);
  const machine = createScenarioMachine(JSON.parse(JSON.stringify(compileScenario(parsed))));
  return {
    ok: true,
    value: {
      doc: parsed,
      // `entered` carries only what KPIs measure from one command to the next: copying every
      // step ever entered on every step made long scenarios quadratic
      stepper: createScenarioStepper(machine, {
        keep: new Set(
          (parsed.kpis ?? []).flatMap((k) => (k.kind === 'duration' ? [k.from, k.to] : [])),
        ),
      }),
      steps: new Map(parsed.steps.map((s) => [s.id, s])),
    },
  };
}
