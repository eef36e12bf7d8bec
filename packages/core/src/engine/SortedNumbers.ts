const CHUNK = 512;

/**
 * A sorted set of numbers in chunks of at most 2 × 512, so that adding, deleting and reading
 * on from any point cost O(log n + 512), not O(n): the in-memory store's list indexes.
 *
 * @internal
 */
export class SortedNumbers {
  readonly #chunks: number[][] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The index of the first chunk whose last element is ≥ n (or the last chunk). */
  #chunkFor(n: number): number {
    let lo = 0;
    let hi = this.#chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.#chunks[mid] as number[];
      if ((chunk[chunk.length - 1] as number) < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(n: number): void {
    if (this.#chunks.length === 0) {
      this.#chunks.push([n]);
      this.#size = 1;
      return;
    }
    const c = this.#chunkFor(n);
    const chunk = this.#chunks[c] as number[];
    const i = lowerBound(chunk, n);
    if (chunk[i] === n) return;
    if (i === chunk.length) chunk.push(n);
    else chunk.splice(i, 0, n);
    this.#size += 1;
    if (chunk.length > 2 * CHUNK) this.#chunks.splice(c + 1, 0, chunk.splice(CHUNK));
  }

  delete(n: number): void {
    if (this.#chunks.length === 0) return;
    const c = this.#chunkFor(n);
    const chunk = this.#chunks[c] as number[];
    const i = lowerBound(chunk, n);
    if (chunk[i] !== n) return;
    chunk.splice(i, 1);
    this.#size -= 1;
    if (chunk.length === 0) this.#chunks.splice(c, 1);
  }

  /** The numbers greater than `after`, ascending. */
  *after(after: number): Generator<number> {
    if (this.#chunks.length === 0) return;
    let c = this.#chunkFor(after + 1);
    let i = lowerBound(this.#chunks[c] as number[], after + 1);
    for (; c < this.#chunks.length; c++, i = 0) {
      const chunk = this.#chunks[c] as number[];
      for (; i < chunk.length; i++) yield chunk[i] as number;
    }
  }
}

function lowerBound(a: readonly number[], n: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
