import type { Change, Json, JsonPath } from './Change.js';

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `obj` with `key` set to `value` (or removed when `value` is undefined), keeping key order; a new key goes to position `at` (default: last). */
function withKey(obj: Obj, key: string, value: Json | undefined, at?: number): Obj {
  const out: Obj = {};
  const keys = Object.keys(obj);
  const exists = Object.hasOwn(obj, key);
  if (value !== undefined && !exists) {
    const pos = at === undefined ? keys.length : Math.min(at, keys.length);
    keys.splice(pos, 0, key);
  }
  for (const k of keys) {
    if (k === key) {
      if (value !== undefined) out[k] = value;
    } else out[k] = obj[k] as Json;
  }
  return out;
}

/** Replaces the value at `path` below `node` by `update(old)`, copying only the nodes on the path. */
function updateIn(
  node: Json,
  path: JsonPath,
  depth: number,
  update: (parent: Json, last: string | number) => Json,
): Json {
  if (depth === path.length - 1) return update(node, path[depth] as string | number);
  const key = path[depth] as string | number;
  if (Array.isArray(node) && typeof key === 'number' && key >= 0 && key < node.length) {
    const copy = node.slice();
    copy[key] = updateIn(node[key] as Json, path, depth + 1, update);
    return copy;
  }
  if (isObj(node) && typeof key === 'string' && Object.hasOwn(node, key)) {
    return withKey(node, key, updateIn(node[key] as Json, path, depth + 1, update));
  }
  throw new Error(`no value at ${path.slice(0, depth + 1).join('.')}`);
}

/** The value at `path`, or undefined when there is none. */
export function getIn(doc: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObj(node) && typeof key === 'string' && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Applies one change forward, returning a new document (unchanged parts are shared).
 *
 * @internal
 * @example
 * ```ts
 * applyChange({ a: 1 }, { op: 'set', path: ['a'], before: 1, after: 2 }); // { a: 2 }
 * ```
 */
export function applyChange<T extends Json>(doc: T, change: Change): T {
  if (change.path.length === 0 && change.op === 'set') return change.after as T;
  if (change.op === 'set') {
    return updateIn(doc, change.path, 0, (parent, last) => {
      if (!isObj(parent) || typeof last !== 'string') {
        if (Array.isArray(parent) && typeof last === 'number' && change.after !== undefined) {
          const copy = parent.slice();
          copy[last] = change.after;
          return copy;
        }
        throw new Error(`cannot set ${change.path.join('.')}`);
      }
      return withKey(parent, last, change.after, change.at);
    }) as T;
  }
  const arrayPath = [...change.path, change.index];
  return updateIn(doc, arrayPath, 0, (parent) => {
    if (!Array.isArray(parent)) throw new Error(`${change.path.join('.')} is not a list`);
    const copy = parent.slice();
    if (change.op === 'insert') copy.splice(change.index, 0, change.value);
    else copy.splice(change.index, 1);
    return copy;
  }) as T;
}

/**
 * The change that undoes `change`.
 *
 * @internal
 * @example
 * ```ts
 * invertChange({ op: 'insert', path: ['steps'], index: 0, value: 1 }).op; // 'remove'
 * ```
 */
export function invertChange(change: Change): Change {
  switch (change.op) {
    case 'insert':
      return { ...change, op: 'remove' };
    case 'remove':
      return { ...change, op: 'insert' };
    default: {
      const out: Change = { op: 'set', path: change.path };
      if (change.after !== undefined) out.before = change.after;
      if (change.before !== undefined) out.after = change.before;
      if (change.at !== undefined) out.at = change.at;
      return out;
    }
  }
}

/**
 * A `set` change from the document as it is: records `before` and, when the key is removed, its position.
 *
 * @internal
 * @example
 * ```ts
 * setChange({ a: 1, b: 2 }, ['a'], undefined); // { op: 'set', path: ['a'], before: 1, at: 0 }
 * ```
 */
export function setChange(doc: Json, path: JsonPath, after: Json | undefined): Change {
  const before = getIn(doc, path);
  const change: Change = { op: 'set', path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  const parent = getIn(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isObj(parent) && typeof key === 'string' && Object.hasOwn(parent, key)) {
    change.at = Object.keys(parent).indexOf(key);
  }
  return change;
}
