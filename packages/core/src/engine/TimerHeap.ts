import type { Timer } from './Timer.js';

/**
 * A min-heap of timers by due time (then id), indexed by timer id, so that a timer is replaced
 * or removed in O(log n) and the heap holds live timers only. Reading the k earliest due timers
 * costs O(k log k), whatever the number of timers.
 *
 * @internal
 */
interface Node {
  t: Timer;
  i: number;
}

export class TimerHeap {
  readonly #heap: Node[] = [];
  readonly #nodes = new Map<string, Node>();

  get length(): number {
    return this.#heap.length;
  }

  /** Adds a timer, or replaces the one with its id. */
  set(t: Timer): void {
    const node = this.#nodes.get(t.id);
    if (node === undefined) {
      const fresh = { t, i: this.#heap.length };
      this.#heap.push(fresh);
      this.#nodes.set(t.id, fresh);
      this.#up(fresh.i);
      return;
    }
    node.t = t;
    this.#up(node.i);
    this.#down(node.i);
  }

  /** Removes the timer with this id, if any. */
  delete(id: string): void {
    const node = this.#nodes.get(id);
    if (node === undefined) return;
    this.#nodes.delete(id);
    const h = this.#heap;
    const last = h.pop() as Node;
    if (last === node) return;
    h[node.i] = last;
    last.i = node.i;
    this.#up(last.i);
    this.#down(last.i);
  }

  /** Timers due at `now` in due order, for as long as `take` returns true. */
  visitDue(now: number, take: (t: Timer) => boolean): void {
    const h = this.#heap;
    if (h.length === 0) return;
    // best-first walk over the heap's tree with a small heap of indices
    const open: number[] = [0];
    const less = (a: number, b: number) => before((h[a] as Node).t, (h[b] as Node).t);
    while (open.length > 0) {
      const i = popMin(open, less);
      const t = (h[i] as Node).t;
      if (t.dueAt > now) return;
      if (!take(t)) return;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < h.length) pushIndex(open, c, less);
    }
  }

  #up(i: number): void {
    const h = this.#heap;
    const node = h[i] as Node;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Node;
      if (!before(node.t, parent.t)) break;
      h[i] = parent;
      parent.i = i;
      i = p;
    }
    h[i] = node;
    node.i = i;
  }

  #down(i: number): void {
    const h = this.#heap;
    const node = h[i] as Node;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && before((h[r] as Node).t, (h[l] as Node).t) ? r : l;
      const child = h[c] as Node;
      if (!before(child.t, node.t)) break;
      h[i] = child;
      child.i = i;
      i = c;
    }
    h[i] = node;
    node.i = i;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.id < b.id);
}

function pushIndex(open: number[], i: number, less: (a: number, b: number) => boolean): void {
  open.push(i);
  let k = open.length - 1;
  while (k > 0) {
    const p = (k - 1) >> 1;
    if (!less(open[k] as number, open[p] as number)) break;
    [open[k], open[p]] = [open[p] as number, open[k] as number];
    k = p;
  }
}

function popMin(open: number[], less: (a: number, b: number) => boolean): number {
  const top = open[0] as number;
  const last = open.pop() as number;
  if (open.length > 0) {
    open[0] = last;
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < open.length && less(open[l] as number, open[m] as number)) m = l;
      if (r < open.length && less(open[r] as number, open[m] as number)) m = r;
      if (m === k) break;
      [open[k], open[m]] = [open[m] as number, open[k] as number];
      k = m;
    }
  }
  return top;
}
