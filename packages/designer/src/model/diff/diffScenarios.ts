import { outcomesOf } from '../graph/outcomesOf.js';
import type { Json } from '../history/Change.js';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';

/** A transition: outcome `outcome` of step `from` leads to `to`. */
export interface Transition {
  from: string;
  outcome: string;
  to: string;
  timeout: boolean;
}

/** One value that differs, at `path` (inside a step, or in the document). */
export interface ValueChange {
  path: (string | number)[];
  before?: Json;
  after?: Json;
}

/**
 * What changed between two versions of a scenario, in the scenario's own terms:
 * - `steps`: added and removed (by id), changed (each with the values that differ, apart from
 *   its transitions and its position), and `moved` (only the position changed);
 * - `transitions`: added, removed, and re-targeted (same step and outcome, another target);
 * - `triggers`, `fields`, `kpis`: added, removed and changed, by id;
 * - `document`: other top-level values that differ (name, version, participants…).
 *
 * @example
 * ```ts
 * import type { ScenarioDiff } from '@zhizhi/designer/model';
 * const headline = (d: ScenarioDiff) => `+${d.steps.added.length} −${d.steps.removed.length}`;
 * ```
 */
export interface ScenarioDiff {
  steps: {
    added: DraftStep[];
    removed: DraftStep[];
    changed: { id: string; kind: string; changes: ValueChange[] }[];
    moved: string[];
  };
  transitions: {
    added: Transition[];
    removed: Transition[];
    retargeted: (Transition & { before: string })[];
  };
  triggers: ListDiff;
  fields: ListDiff;
  kpis: ListDiff;
  document: ValueChange[];
  /** True when the two versions are the same scenario (positions aside). */
  same: boolean;
}

/** Entries of a list keyed by id: added, removed, changed. */
export interface ListDiff {
  added: string[];
  removed: string[];
  changed: { id: string; changes: ValueChange[] }[];
}

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Leaf-level differences between two JSON values (lists of different lengths differ as a whole). */
function valueChanges(
  a: Json | undefined,
  b: Json | undefined,
  path: (string | number)[] = [],
): ValueChange[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => valueChanges(a[k], b[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => valueChanges(x, b[i], [...path, i]));
  }
  const c: ValueChange = { path };
  if (a !== undefined) c.before = a;
  if (b !== undefined) c.after = b;
  return [c];
}

const isUnder = (path: (string | number)[], prefix: (string | number)[]) =>
  prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

function transitionsOf(doc: ScenarioDraft): Map<string, Transition> {
  const out = new Map<string, Transition>();
  for (const s of doc.steps) {
    for (const o of outcomesOf(s)) {
      if (o.to !== undefined) {
        out.set(`${s.id}\u0000${o.outcome}`, {
          from: s.id,
          outcome: o.outcome,
          to: o.to,
          timeout: o.timeout,
        });
      }
    }
  }
  return out;
}

function listDiff(a: unknown, b: unknown): ListDiff {
  const byId = (v: unknown) =>
    new Map(
      (Array.isArray(v) ? v : [])
        .filter((x): x is Obj => isObj(x) && typeof x.id === 'string')
        .map((x) => [x.id as string, x]),
    );
  const before = byId(a);
  const after = byId(b);
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.entries()]
      .filter(([id]) => before.has(id))
      .map(([id, x]) => ({ id, changes: valueChanges(before.get(id), x) }))
      .filter((c) => c.changes.length > 0),
  };
}

/**
 * The semantic difference from version `a` to version `b` of a scenario (shown before a new
 * version is deployed): steps added, removed, changed and moved; transitions added, removed
 * and re-targeted; triggers, fields and KPIs by id; other document values. Not a JSON diff:
 * reordering steps is no change, a re-targeted outcome is one transition change, and a
 * step's transitions are reported as transitions, not as property changes.
 *
 * @example
 * ```ts
 * import { diffScenarios } from '@zhizhi/designer/model';
 * const d = diffScenarios(deployed, draft.doc);
 * for (const t of d.transitions.retargeted) console.log(`${t.from}.${t.outcome}: ${t.before} → ${t.to}`);
 * ```
 */
export function diffScenarios(a: ScenarioDraft, b: ScenarioDraft): ScenarioDiff {
  const stepsA = new Map(a.steps.map((s) => [s.id, s]));
  const stepsB = new Map(b.steps.map((s) => [s.id, s]));
  const changed: ScenarioDiff['steps']['changed'] = [];
  const moved: string[] = [];
  for (const [id, s] of stepsB) {
    const old = stepsA.get(id);
    if (!old) continue;
    const ports = [...outcomesOf(old), ...outcomesOf(s)].map((o) => o.path);
    const changes = valueChanges(old as unknown as Json, s as unknown as Json).filter(
      (c) => !ports.some((p) => isUnder(c.path, p)),
    );
    const content = changes.filter((c) => c.path[0] !== 'layout');
    if (content.length > 0) changed.push({ id, kind: s.kind, changes: content });
    if (changes.some((c) => c.path[0] === 'layout')) moved.push(id);
  }
  const ta = transitionsOf(a);
  const tb = transitionsOf(b);
  const transitions: ScenarioDiff['transitions'] = { added: [], removed: [], retargeted: [] };
  for (const [k, t] of tb) {
    const old = ta.get(k);
    if (!old) transitions.added.push(t);
    else if (old.to !== t.to) transitions.retargeted.push({ ...t, before: old.to });
  }
  for (const [k, t] of ta) if (!tb.has(k)) transitions.removed.push(t);
  const skip = new Set(['steps', 'triggers', 'fields', 'kpis']);
  const docA = Object.fromEntries(Object.entries(a).filter(([k]) => !skip.has(k))) as Obj;
  const docB = Object.fromEntries(Object.entries(b).filter(([k]) => !skip.has(k))) as Obj;
  const diff: ScenarioDiff = {
    steps: {
      added: b.steps.filter((s) => !stepsA.has(s.id)),
      removed: a.steps.filter((s) => !stepsB.has(s.id)),
      changed,
      moved,
    },
    transitions,
    triggers: listDiff(a.triggers, b.triggers),
    fields: listDiff(a.fields, b.fields),
    kpis: listDiff(a.kpis, b.kpis),
    document: valueChanges(docA, docB),
    same: false,
  };
  const lists = [diff.triggers, diff.fields, diff.kpis];
  diff.same =
    diff.steps.added.length + diff.steps.removed.length + changed.length === 0 &&
    transitions.added.length + transitions.removed.length + transitions.retargeted.length === 0 &&
    lists.every((l) => l.added.length + l.removed.length + l.changed.length === 0) &&
    diff.document.length === 0;
  return diff;
}
