import type { Directory } from '../../org/Directory.js';
import type { Scenario } from '../document/scenarioSchema.js';
import { type GraphEdge, reachFrom, resolveEdges, successors, UNKNOWN } from './checkGraph.js';
import { type BranchRegion, homeRegions } from './checkRegions.js';
import { UNREAD } from './salvageSteps.js';

/**
 * What every scenario check shares, computed once per validation in linear time: the step
 * index, resolved edges, declared fields, where each step lives, and which steps a trigger
 * reaches.
 *
 * - `home[i]` is the region of step `i`: the branch that claims it as `stepRegions` decides
 *   (where the compiler puts the step; computed here in linear time, stopping at steps another
 *   branch claimed), except that a step a branch reaches by mistake is put back at the top level
 *   when the top level also reaches it and it cannot reach `@join` (a branch that "leaks" into
 *   the steps after its parallel): the edge that leaks is then the one reported.
 * - `conflicts` holds the ids of steps claimed by two branches.
 * - `reached[i]` is 1 when some trigger's start step leads to step `i`.
 *
 * @internal
 * @example
 * ```ts
 * import { createCheckContext } from './checkContext.js';
 * // const ctx = createCheckContext(parsedDoc);
 * // ctx.home[ctx.stepIndex.get('inspect') ?? -1]; // { parallel: 'handle', branch: 'fire' }
 * ```
 */
export interface CheckContext {
  doc: Scenario;
  org: Directory | undefined;
  stepIndex: Map<string, number>;
  duplicate: boolean[];
  edges: GraphEdge[][];
  fields: Map<string, Scenario['fields'][number]>;
  home: (BranchRegion | null)[];
  conflicts: Set<string>;
  reached: Uint8Array;
  /**
   * 1 for a step that failed its schema and was kept as a skeleton of its transitions: the
   * graph checks see it, the checks of a step's contents leave it alone.
   */
  broken: Uint8Array;
  /**
   * Whether a reachable half-filled step has a transition that cannot be read yet: it may lead
   * anywhere, so no step is called unreachable until it is fixed.
   */
  unread: boolean;
}

/**
 * Builds the {@link CheckContext} of a document that passed the schema check.
 *
 * @internal
 * @example
 * ```ts
 * import { parseScenario } from './parseScenario.js';
 * import { createCheckContext } from './checkContext.js';
 * // const r = parseScenario(doc);
 * // if (r.ok) createCheckContext(r.scenario).reached.every((x) => x === 1);
 * ```
 */
export function createCheckContext(
  doc: Scenario,
  org?: Directory,
  broken: Uint8Array = new Uint8Array(doc.steps.length),
): CheckContext {
  const stepIndex = new Map<string, number>();
  const duplicate = doc.steps.map((s, i) => {
    if (stepIndex.has(s.id)) return true;
    stepIndex.set(s.id, i);
    return false;
  });
  const fields = new Map<string, Scenario['fields'][number]>();
  for (const f of doc.fields) if (!fields.has(f.id)) fields.set(f.id, f);
  const edges = resolveEdges(doc, stepIndex);
  const base = { doc, org, stepIndex, duplicate, edges, fields };
  const { home, conflicts } = homeRegions(doc, base);
  const starts = doc.triggers.map((t) => stepIndex.get(t.start) ?? UNKNOWN);
  const all = successors(edges, true);
  const reached = reachFrom(doc.steps.length, starts, (i) => all[i] ?? []);
  const unread = edges.some(
    (list, i) => broken[i] === 1 && reached[i] === 1 && list.some((e) => e.to === UNREAD),
  );
  return { ...base, home, conflicts, reached, broken, unread };
}
