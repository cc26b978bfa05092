/**
 * Iterative-deepening depth-first enumeration of simple paths from one node to another, shortest
 * first, then lexicographic by node index (neighbours are visited in index order), with rules that
 * say which edges a path may take and which complete paths count. Pruned by a precomputed distance to
 * the target, so a branch is cut as soon as the target cannot be reached in the remaining length.
 * Used for d-connecting (back-door) paths, directed paths and collider-blocked paths.
 * Complexity: exponential in the worst case (the number of paths), bounded by `maxPaths` and the step
 * budget `maxSteps`; O(N + M) per distance array.
 * Reference: R. E. Korf, "Depth-first iterative-deepening", Artificial Intelligence 27 (1985) 97–109.
 */
import type { Adjacency } from "./adjacency.js";

/** A path as node indices, with one flag per edge: true when it points from the earlier node to the later. */
export interface IndexPath {
  nodes: number[];
  forward: boolean[];
}

/** The rules of one path search. */
export interface PathSearchRules {
  /** Start node. */
  readonly from: number;
  /** End node. */
  readonly to: number;
  /** Distance from every node to `to` over the edges the search may use; -1 when unreachable. */
  readonly distance: Int32Array;
  /** Which edges the first step may follow: to a parent of `from` (`w → from`), to a child. */
  readonly firstStep: { readonly parents: boolean; readonly children: boolean };
  /** Which edges every later step may follow. */
  readonly laterSteps: { readonly parents: boolean; readonly children: boolean };
  /**
   * Only d-connecting paths given Z: a non-collider must not be in Z (`given`), a collider must be an
   * ancestor of Z (`openCollider`). Omit to allow every passage.
   */
  readonly blocking?: { readonly given: Uint8Array; readonly openCollider: Uint8Array };
  /** Whether `w` may be an interior node. Omit to allow every node. */
  readonly interior?: Uint8Array;
  /** Whether a complete path counts. Omit to count every path. */
  readonly accept?: (path: IndexPath) => boolean;
  /** Path cap. */
  readonly maxPaths: number;
  /** Step budget in path extensions. */
  readonly maxSteps: number;
}

/**
 * Lists the simple paths allowed by `rules`.
 *
 * @param adj - Directed adjacency (ascending lists).
 * @param rules - Endpoints, distance, edge and passage rules, caps.
 * @returns The paths and whether the cap or the budget was reached.
 */
export function searchSimplePaths(adj: Adjacency, rules: PathSearchRules): { paths: IndexPath[]; truncated: boolean } {
  const { from, to, distance, blocking, interior, accept, maxPaths, maxSteps } = rules;
  const onPath = new Uint8Array(adj.size);
  const nodes: number[] = [from];
  const forward: boolean[] = [];
  const paths: IndexPath[] = [];
  let steps = 0;
  let truncated = false;
  let cutByLength = false;
  let length = 0;
  const extend = (cur: number, depth: number, intoCur: boolean): void => {
    const { parents: useParents, children: useChildren } = depth === 0 ? rules.firstStep : rules.laterSteps;
    const pHi = useParents ? adj.parentStart[cur + 1]! : 0;
    const cHi = useChildren ? adj.childStart[cur + 1]! : 0;
    let p = useParents ? adj.parentStart[cur]! : 0;
    let c = useChildren ? adj.childStart[cur]! : 0;
    // NOTE: merging the two ascending lists visits neighbours in index order (lexicographic output).
    while ((p < pHi || c < cHi) && !truncated) {
      const takeParent = c >= cHi || (p < pHi && adj.parents[p]! < adj.children[c]!);
      const w = takeParent ? adj.parents[p++]! : adj.children[c++]!;
      if (onPath[w] !== 0) continue;
      if (depth > 0 && blocking !== undefined) {
        const collider = intoCur && takeParent;
        if (collider ? blocking.openCollider[cur] === 0 : blocking.given[cur] !== 0) continue;
      }
      const remaining = length - depth - 1;
      if (w === to) {
        if (remaining !== 0) continue;
        const path = { nodes: [...nodes, w], forward: [...forward, !takeParent] };
        if (accept !== undefined && !accept(path)) continue;
        if (paths.length === maxPaths) {
          truncated = true;
          return;
        }
        paths.push(path);
        continue;
      }
      if (interior !== undefined && interior[w] === 0) continue;
      if (distance[w]! < 0) continue;
      if (distance[w]! > remaining) {
        cutByLength = true;
        continue;
      }
      if (++steps > maxSteps) {
        truncated = true;
        return;
      }
      onPath[w] = 1;
      nodes.push(w);
      forward.push(!takeParent);
      extend(w, depth + 1, !takeParent);
      nodes.pop();
      forward.pop();
      onPath[w] = 0;
    }
  };
  onPath[from] = 1;
  for (length = 1; length < adj.size && !truncated; length++) {
    cutByLength = false;
    extend(from, 0, false);
    if (!cutByLength) break;
  }
  return { paths, truncated };
}

/**
 * Distance to `to` over parent links only (`directed`: how far a node is from reaching `to` along
 * directed edges) or over the skeleton; -1 when unreachable. A node outside `interior` gets a distance
 * (it may start a path) but the search is not continued through it. Breadth-first, O(N + M).
 */
export function distanceToTarget(adj: Adjacency, to: number, directed: boolean, interior?: Uint8Array): Int32Array {
  const distance = new Int32Array(adj.size).fill(-1);
  const queue = new Int32Array(adj.size);
  distance[to] = 0;
  queue[0] = to;
  let tail = 1;
  const step = (v: number, w: number): void => {
    if (distance[w] !== -1) return;
    distance[w] = distance[v]! + 1;
    if (interior === undefined || interior[w] !== 0) queue[tail++] = w;
  };
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = adj.parentStart[v]!; k < adj.parentStart[v + 1]!; k++) step(v, adj.parents[k]!);
    if (!directed) for (let k = adj.childStart[v]!; k < adj.childStart[v + 1]!; k++) step(v, adj.children[k]!);
  }
  return distance;
}
