import { type Refusal, refuse } from '../commands/Refusal.js';
import { outcomesOf } from '../graph/outcomesOf.js';
import { stepIndex } from '../graph/stepIndex.js';
import { getIn } from '../history/applyChange.js';
import type { Json } from '../history/Change.js';
import type { DraftStep, ScenarioDraft } from '../ScenarioDraft.js';
import { isJson } from './isJson.js';

const bad = (path: unknown, rule: string, ruleZh: string): Refusal[] => [
  refuse('designer.badPath', ['path'], {
    path: Array.isArray(path) ? path.join('.').slice(0, 200) : String(path).slice(0, 80),
    rule,
    ruleZh,
  }),
];

/** A copy of `node` with `value` at `path` (removed when undefined); the path's parent exists. */
function setAt(node: Json, path: readonly (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value as Json;
  const [key, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[key as number] = setAt(node[key as number] as Json, rest, value);
    return copy;
  }
  const obj = { ...(node as Record<string, Json>) };
  if (rest.length === 0 && value === undefined) delete obj[key as string];
  else obj[key as string] = setAt(obj[key as string] as Json, rest, value);
  return obj;
}

/**
 * Whether the value at `path` inside step `step` may be set to `value` (removed when
 * `value` is undefined) — or, with no `step`, at `path` in the document outside `steps`.
 * The property panel offers only what this allows, and `setProperty` refuses the same.
 *
 * Refused: an unknown step; a path that is not a list of keys and indices, or whose parent is
 * not there (an array element must exist and cannot be removed: set the whole list); `id`
 * (rename the step), `kind`, a document's `format` and `steps`; a value that is not JSON; and
 * a change that makes a transition lead somewhere new (connect it, so that the connection
 * rules apply; clearing a transition is allowed).
 *
 * @example
 * ```ts
 * import { canSetProperty } from '@zhizhi/designer/model';
 * canSetProperty(doc, 'call', ['assignee'], { role: 'gridWorker' }); // []
 * canSetProperty(doc, 'call', ['id'], 'x')[0]?.code; // 'designer.badPath'
 * ```
 */
export function canSetProperty(
  doc: ScenarioDraft,
  step: string | undefined,
  path: readonly (string | number)[],
  value: Json | undefined,
): Refusal[] {
  const keysOk =
    Array.isArray(path) &&
    path.length > 0 &&
    path.length <= 32 &&
    path.every(
      (k) =>
        (typeof k === 'string' && k.length > 0 && k.length <= 128 && k !== '__proto__') ||
        (Number.isInteger(k) && (k as number) >= 0),
    );
  if (!keysOk) return bad(path, 'a list of keys and indices', '应为键名与序号的列表');
  if (value !== undefined && !isJson(value)) return [refuse('designer.notJson', ['value'])];
  let root: Json;
  if (step === undefined) {
    if (path[0] === 'steps' || path[0] === 'format') {
      return bad(
        path,
        'steps change through commands; the format is fixed',
        '步骤须通过命令修改，格式不可更改',
      );
    }
    root = doc as unknown as Json;
  } else {
    const i = stepIndex(doc).get(step);
    if (i === undefined) return [refuse('designer.unknownStep', ['step'], { id: String(step) })];
    if (path[0] === 'id') return bad(path, 'rename the step instead', '请改用重命名步骤');
    if (path[0] === 'kind') return bad(path, 'a step keeps its kind', '步骤类型不可更改');
    root = doc.steps[i] as unknown as Json;
  }
  const parent = getIn(root, path.slice(0, -1));
  const last = path[path.length - 1];
  const isObj = typeof parent === 'object' && parent !== null && !Array.isArray(parent);
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length || value === undefined) {
      return bad(
        path,
        'an existing element of the list (set the whole list to add or remove)',
        '须为列表中已有的元素（增删元素请设置整个列表）',
      );
    }
  } else if (!isObj || typeof last !== 'string') {
    return bad(path, 'a key of an existing object', '须为已有对象的键');
  }
  if (step !== undefined) {
    const before = doc.steps[stepIndex(doc).get(step) as number] as DraftStep;
    const after = setAt(before as unknown as Json, path, value) as unknown as DraftStep;
    const old = new Map(outcomesOf(before).map((o) => [o.outcome, o.to]));
    for (const o of outcomesOf(after)) {
      if (o.to !== undefined && old.get(o.outcome) !== o.to) {
        return [refuse('designer.useConnect', ['path'], { path: o.path.join('.') })];
      }
    }
  }
  return [];
}
