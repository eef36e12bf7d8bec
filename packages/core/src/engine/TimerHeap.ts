import type { Timer } from './Timer.js';

/**
 * A min-heap of timers by due time (then id) with lazy deletion: a replaced or removed timer
 * stays in the heap until it surfaces or the heap is rebuilt, and is skipped because the
 * store's live timer of that id is another object. Reading the k earliest due timers costs
 * O(k log k) plus the stale entries met, whatever the number of timers.
 *
 * @internal
 */
export class TimerHeap {
  #heap: Timer[] = [];

  get length(): number {
    return this.#heap.length;
  }

  push(t: Timer): void {
    const h = this.#heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i] as Timer, h[p] as Timer)) break;
      [h[i], h[p]] = [h[p] as Timer, h[i] as Timer];
      i = p;
    }
  }

  /** Rebuilds from the live timers (drops every stale entry). */
  rebuild(live: Iterable<Timer>): void {
    this.#heap = [...live].sort((a, b) => (before(a, b) ? -1 : 1));
  }

  /** Heap entries due at `now` in due order, for as long as `take` returns true. */
  visitDue(now: number, take: (t: Timer) => boolean): void {
    const h = this.#heap;
    if (h.length === 0) return;
    // best-first walk over the heap's tree with a small heap of indices
    const open: number[] = [0];
    const less = (a: number, b: number) => before(h[a] as Timer, h[b] as Timer);
    while (open.length > 0) {
      const i = popMin(open, less);
      const t = h[i] as Timer;
      if (t.dueAt > now) return;
      if (!take(t)) return;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < h.length) pushIndex(open, c, less);
    }
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
