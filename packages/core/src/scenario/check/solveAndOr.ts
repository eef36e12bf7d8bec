/**
 * Solves an and/or graph backwards in linear time: node `k` is done once `need[k]` of its
 * children are done (`need[k] <= 0` from the start means done at once); `parents[k]` lists the
 * nodes waiting on `k`. Returns `done[k] = 1` for every node that can be done. `need` is used up.
 * The finishing steps of `checkReachability` and the steps that finish at once of
 * `checkInstantLoops` are both this graph over the steps (and a virtual node per parallel step).
 *
 * @internal
 * @example
 * ```ts
 * import { solveAndOr } from './solveAndOr.js';
 * // node 0 needs one of its children, node 1 is done at once and is a child of 0
 * solveAndOr(Int32Array.from([1, 0]), [[], [0]]); // Uint8Array [1, 1]
 * ```
 */
export function solveAndOr(need: Int32Array, parents: readonly (readonly number[])[]): Uint8Array {
  const done = new Uint8Array(need.length);
  const queue: number[] = [];
  for (let k = 0; k < need.length; k++) {
    // a node nobody set up (a virtual node of a non-parallel step) has need 0 and no parents
    if ((need[k] as number) <= 0) {
      done[k] = 1;
      queue.push(k);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const p of parents[queue[head] as number] ?? []) {
      if (done[p] === 1) continue;
      need[p] = (need[p] as number) - 1;
      if ((need[p] as number) <= 0) {
        done[p] = 1;
        queue.push(p);
      }
    }
  }
  return done;
}
