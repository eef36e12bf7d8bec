import type { GraphEdge } from './checkGraph.js';

/**
 * The strongly connected components of a step graph (Tarjan's algorithm, iterative, linear)
 * that hold a loop: two steps or more, or one step with a transition to itself. Each is a list
 * of step indices in document order. `next[i]` lists the edges the graph keeps for step `i`
 * (targets must be step indices).
 *
 * @internal
 * @example
 * ```ts
 * import { stronglyConnected } from './stronglyConnected.js';
 * // a → b → a, c → a
 * // stronglyConnected(next); // [[0, 1]]
 * ```
 */
export function stronglyConnected(next: readonly GraphEdge[][]): number[][] {
  const n = next.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [v, k] = frame;
      const edges = next[v] ?? [];
      if (k < edges.length) {
        frame[1] = k + 1;
        const w = (edges[k] as GraphEdge).target;
        if (w < 0 || w >= n) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      const selfLoop = (next[v] ?? []).some((e) => e.target === v);
      if (component.length > 1 || selfLoop) out.push(component.sort((a, b) => a - b));
    }
  }
  return out;
}

/**
 * The shortest way round a loop from its first step (in document order) back to it, inside the
 * loop's component: the steps in order, and the transition that closes the loop (the one to
 * report: it leads back). `null` if `component` holds no loop.
 *
 * @internal
 * @example
 * ```ts
 * import { wayRound } from './stronglyConnected.js';
 * // wayRound(next, [1, 3])?.closing.path; // ['steps', 3, 'next']
 * ```
 */
export function wayRound(
  next: readonly GraphEdge[][],
  component: readonly number[],
): { steps: number[]; closing: GraphEdge } | null {
  const root = component[0] as number;
  const inside = new Set(component);
  const from = new Map<number, number>([[root, -1]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const e of next[v] ?? []) {
      if (e.target === root) {
        const steps = [v];
        for (let at = from.get(v) ?? -1; at >= 0; at = from.get(at) ?? -1) steps.push(at);
        return { steps: steps.reverse(), closing: e };
      }
      if (inside.has(e.target) && !from.has(e.target)) {
        from.set(e.target, v);
        queue.push(e.target);
      }
    }
  }
  return null;
}
