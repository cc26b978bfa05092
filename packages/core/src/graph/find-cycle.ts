/**
 * One directed cycle among the nodes that Kahn's algorithm could not order. Every such node that
 * lies on or downstream of a cycle keeps a parent that is also left over, so walking to such a
 * parent repeatedly must revisit a node; the revisited stretch is a cycle. Complexity: O(N + M).
 * Reference: the standard argument behind Kahn's cycle detection (A. B. Kahn, CACM 5(11), 1962);
 * see also Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms", §22.4.
 */
import type { Adjacency } from "./adjacency.js";

/**
 * Finds one cycle, given the remaining in-degrees of an interrupted Kahn run.
 * Deterministic: the walk starts at the smallest left-over node and always steps to the smallest
 * left-over parent; the cycle is then rotated to start at its smallest node.
 *
 * @param adj - The directed adjacency.
 * @param remainingInDegree - From {@link kahnOrder}: non-zero for nodes left out of the order.
 * @returns The cycle's nodes in edge direction, first node repeated at the end (`[a, b, c, a]`),
 *   or `null` when no node was left out.
 */
export function findCycle(adj: Adjacency, remainingInDegree: Int32Array): number[] | null {
  const n = adj.size;
  let start = -1;
  for (let v = 0; v < n && start < 0; v++) if (remainingInDegree[v]! > 0) start = v;
  if (start < 0) return null;
  const stepOf = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  let v = start;
  while (stepOf[v]! < 0) {
    stepOf[v] = walk.length;
    walk.push(v);
    let next = -1;
    for (let k = adj.parentStart[v]!; k < adj.parentStart[v + 1]!; k++) {
      const p = adj.parents[k]!;
      if (remainingInDegree[p]! > 0) {
        next = p;
        break;
      }
    }
    // NOTE: a left-over node always has a left-over parent (else its in-degree would have hit 0).
    v = next;
  }
  // The walk follows edges backwards; reverse the repeated stretch to get edge direction.
  const cycle = walk.slice(stepOf[v]!).reverse();
  let smallest = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[smallest]!) smallest = i;
  const rotated = [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
  rotated.push(rotated[0]!);
  return rotated;
}
