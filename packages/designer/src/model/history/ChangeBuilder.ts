import { asJson, type ScenarioDraft } from '../ScenarioDraft.js';
import { applyChange, getIn, setChange } from './applyChange.js';
import type { Change, Json, JsonPath } from './Change.js';

/**
 * Records the changes of one command while applying them, so that each change is taken
 * against the document as the previous ones left it (indices stay right for undo).
 *
 * @internal
 * @example
 * ```ts
 * const b = new ChangeBuilder(doc);
 * b.set(['steps', 0, 'layout'], { x: 10, y: 0 });
 * b.changes.length; // 1
 * ```
 */
export class ChangeBuilder {
  readonly changes: Change[] = [];
  doc: ScenarioDraft;

  constructor(doc: ScenarioDraft) {
    this.doc = doc;
  }

  /** The value at `path` in the document as it is now. */
  get(path: JsonPath): Json | undefined {
    return getIn(asJson(this.doc), path);
  }

  /** Sets (or, with `undefined`, removes) the value at `path`; a no-op when it is already that value. */
  set(path: JsonPath, value: Json | undefined): void {
    const before = this.get(path);
    if (before === value) return;
    this.push(setChange(asJson(this.doc), path, value));
  }

  /** Inserts `value` into the array at `path` at `index`. */
  insert(path: JsonPath, index: number, value: Json): void {
    this.push({ op: 'insert', path, index, value });
  }

  /** Removes the element at `index` of the array at `path`. */
  remove(path: JsonPath, index: number): void {
    const value = this.get([...path, index]);
    if (value === undefined) throw new Error(`no element ${path.join('.')}.${index}`);
    this.push({ op: 'remove', path, index, value });
  }

  private push(change: Change): void {
    this.doc = applyChange(asJson(this.doc), change) as unknown as ScenarioDraft;
    this.changes.push(change);
  }
}
