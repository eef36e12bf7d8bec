/**
 * @internal
 * A binary min-heap of items by due time, for the normalizer's timers: devices whose reorder
 * buffer must be released and channels whose hold-down must complete. Entries are never
 * removed early; an item records the due time it is queued at (`queuedAt`), and an entry
 * whose due time no longer matches is skipped when it surfaces (lazy deletion).
 */
export class DueQueue<T extends { queuedAt: number }> {
  readonly #keys: number[] = [];
  readonly #items: T[] = [];

  get size(): number {
    return this.#keys.length;
  }

  /** Queues `item` at `due` unless it is already queued at or before it. */
  schedule(item: T, due: number): void {
    if (due >= item.queuedAt) return;
    item.queuedAt = due;
    const keys = this.#keys;
    const items = this.#items;
    let i = keys.length;
    keys.push(due);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= due) break;
      keys[i] = keys[parent] as number;
      items[i] = items[parent] as T;
      i = parent;
    }
    keys[i] = due;
    items[i] = item;
  }

  /** Removes and returns the next item due at or before `limit`, or `null`. */
  next(limit: number): T | null {
    const keys = this.#keys;
    const items = this.#items;
    while (keys.length > 0 && (keys[0] as number) <= limit) {
      const key = keys[0] as number;
      const item = items[0] as T;
      const lastKey = keys.pop() as number;
      const lastItem = items.pop() as T;
      const n = keys.length;
      if (n > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= n) break;
          if (c + 1 < n && (keys[c + 1] as number) < (keys[c] as number)) c++;
          if ((keys[c] as number) >= lastKey) break;
          keys[i] = keys[c] as number;
          items[i] = items[c] as T;
          i = c;
        }
        keys[i] = lastKey;
        items[i] = lastItem;
      }
      if (item.queuedAt === key) {
        item.queuedAt = Number.POSITIVE_INFINITY;
        return item;
      }
    }
    return null;
  }

  clear(): void {
    this.#keys.length = 0;
    this.#items.length = 0;
  }
}
