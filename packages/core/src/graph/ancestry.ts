/**
 * Ancestors and descendants of a node set by breadth-first search over CSR adjacency, optionally
 * without passing through a blocked set (used for proper causal paths). Complexity: O(N + M).
 * Reference: textbook graph search (Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms",
 * §22.2); An(·)/De(·) include the nodes themselves, as in Pearl, "Causality" (2009), §1.2.
 */
import type { Adjacency } from "./adjacency.js";
import type { Dag } from "./dag.js";
import { indicesOfMask, namesOf, resolveNodes } from "./node-lookup.js";

/**
 * Nodes reachable from `seeds` by following parent links (ancestors, seeds included).
 *
 * @param adj - Directed adjacency.
 * @param seeds - Start nodes.
 * @param blocked - Optional mask of nodes never entered (seeds are always included).
 * @returns A 0/1 mask of the ancestors.
 */
export function ancestorMask(adj: Adjacency, seeds: ArrayLike<number>, blocked?: Uint8Array): Uint8Array {
  return reach(adj.size, adj.parentStart, adj.parents, seeds, blocked);
}

/**
 * Nodes reachable from `seeds` by following child links (descendants, seeds included).
 *
 * @param adj - Directed adjacency.
 * @param seeds - Start nodes.
 * @param blocked - Optional mask of nodes never entered (seeds are always included).
 * @returns A 0/1 mask of the descendants.
 */
export function descendantMask(adj: Adjacency, seeds: ArrayLike<number>, blocked?: Uint8Array): Uint8Array {
  return reach(adj.size, adj.childStart, adj.children, seeds, blocked);
}

/** Breadth-first reach over one CSR direction. */
function reach(n: number, start: Int32Array, list: Int32Array, seeds: ArrayLike<number>, blocked: Uint8Array | undefined): Uint8Array {
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i] as number;
    if (seen[s] === 0) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = list[k]!;
      if (seen[w] === 0 && (blocked === undefined || blocked[w] === 0)) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}

/**
 * Ancestors of the named nodes, the nodes themselves included.
 *
 * @param dag - The graph.
 * @param nodes - One name or several.
 * @returns Ancestor names, sorted.
 * @throws IslError ISL_NODE_NOT_FOUND for an unknown name.
 */
export function ancestorsOf(dag: Dag, nodes: string | readonly string[]): string[] {
  return namesOf(dag, indicesOfMask(ancestorMask(dag, resolveNodes(dag, nodes))));
}

/**
 * Descendants of the named nodes, the nodes themselves included.
 *
 * @param dag - The graph.
 * @param nodes - One name or several.
 * @returns Descendant names, sorted.
 * @throws IslError ISL_NODE_NOT_FOUND for an unknown name.
 */
export function descendantsOf(dag: Dag, nodes: string | readonly string[]): string[] {
  return namesOf(dag, indicesOfMask(descendantMask(dag, resolveNodes(dag, nodes))));
}

/**
 * Parents of a node.
 *
 * @param dag - The graph.
 * @param node - Node name.
 * @returns Parent names, sorted.
 * @throws IslError ISL_NODE_NOT_FOUND for an unknown name.
 */
export function parentsOf(dag: Dag, node: string): string[] {
  const v = resolveNodes(dag, node)[0]!;
  return namesOf(dag, dag.parents.subarray(dag.parentStart[v]!, dag.parentStart[v + 1]!));
}

/**
 * Children of a node.
 *
 * @param dag - The graph.
 * @param node - Node name.
 * @returns Child names, sorted.
 * @throws IslError ISL_NODE_NOT_FOUND for an unknown name.
 */
export function childrenOf(dag: Dag, node: string): string[] {
  const v = resolveNodes(dag, node)[0]!;
  return namesOf(dag, dag.children.subarray(dag.childStart[v]!, dag.childStart[v + 1]!));
}
