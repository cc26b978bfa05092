/**
 * Topological order of a directed graph: Kahn's algorithm with a binary min-heap, so the result is
 * the lexicographically smallest topological order by node index (= by node name in a `Dag`).
 * Complexity: O((N + M) log N). When the graph has a cycle the order is partial and the nodes left
 * out are exactly those on or downstream of a cycle.
 * Reference: A. B. Kahn, "Topological sorting of large networks", Communications of the ACM 5(11),
 * 1962, 558–562.
 */
import type { Adjacency } from "./adjacency.js";

/** Result of {@link kahnOrder}. */
export interface KahnResult {
  /** The nodes in topological order; shorter than `size` when the graph has a cycle. */
  readonly order: Int32Array;
  /** Remaining in-degree per node after the run: non-zero exactly for the nodes left out. */
  readonly remainingInDegree: Int32Array;
}

/**
 * Runs Kahn's algorithm, always taking the smallest available node index next.
 *
 * @param adj - The directed adjacency.
 * @returns The (possibly partial) order and the remaining in-degrees.
 */
export function kahnOrder(adj: Adjacency): KahnResult {
  const n = adj.size;
  const inDegree = new Int32Array(n);
  for (let v = 0; v < n; v++) inDegree[v] = adj.parentStart[v + 1]! - adj.parentStart[v]!;
  const heap = new Int32Array(n);
  let heapSize = 0;
  const push = (v: number): void => {
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= v) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  };
  for (let v = 0; v < n; v++) if (inDegree[v] === 0) push(v);
  const order = new Int32Array(n);
  let count = 0;
  while (heapSize > 0) {
    const v = pop();
    order[count++] = v;
    for (let k = adj.childStart[v]!; k < adj.childStart[v + 1]!; k++) {
      const c = adj.children[k]!;
      if (--inDegree[c]! === 0) push(c);
    }
  }
  return { order: count === n ? order : order.slice(0, count), remainingInDegree: inDegree };
}
