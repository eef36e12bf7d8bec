import type { Timer } from './Timer.js';

/**
 * A min-heap of timers by due time (then id), indexed by timer id, so that a timer is replaced
 * or removed in O(log n) and the heap holds live timers only. Reading the k earliest due timers
 * costs O(k log k), whatever the number of timers.
 *
 * @internal
 */
export class TimerHeap {
  readonly #heap: Timer[] = [];
  readonly #at = new Map<string, number>();

  get length(): number {
    return this.#heap.length;
  }

  /** Adds a timer, or replaces the one with its id. */
  set(t: Timer): void {
    const i = this.#at.get(t.id);
    if (i === undefined) {
      this.#heap.push(t);
      this.#at.set(t.id, this.#heap.length - 1);
      this.#up(this.#heap.length - 1);
      return;
    }
    this.#heap[i] = t;
    this.#up(i);
    this.#down(this.#at.get(t.id) as number);
  }

  /** Removes the timer with this id, if any. */
  delete(id: string): void {
    const i = this.#at.get(id);
    if (i === undefined) return;
    const h = this.#heap;
    const last = h.pop() as Timer;
    this.#at.delete(id);
    if (i === h.length) return;
    h[i] = last;
    this.#at.set(last.id, i);
    this.#up(i);
    this.#down(this.#at.get(last.id) as number);
  }

  /** Timers due at `now` in due order, for as long as `take` returns true. */
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

  #swap(a: number, b: number): void {
    const h = this.#heap;
    const ta = h[a] as Timer;
    const tb = h[b] as Timer;
    h[a] = tb;
    h[b] = ta;
    this.#at.set(tb.id, a);
    this.#at.set(ta.id, b);
  }

  #up(i: number): void {
    const h = this.#heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i] as Timer, h[p] as Timer)) return;
      this.#swap(i, p);
      i = p;
    }
  }

  #down(i: number): void {
    const h = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as Timer, h[m] as Timer)) m = l;
      if (r < h.length && before(h[r] as Timer, h[m] as Timer)) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
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
