/**
 * Exact search for a conditioning set W that makes Z a conditional instrument when no ancestral set
 * does (deciding this is NP-hard: van der Zander, Textor & Liśkiewicz 2015). It works in the graph
 * G̃ without the first edges of the causal paths, where relevance (Z d-connected to X given W) and
 * exclusion (Z d-separated from Y given W) can both be decided once W avoids Forb(X, Y).
 * A depth-first search extends a simple path P from Z towards X (neighbours nearer to X first). Every interior non-collider of P is
 * barred from W; every collider c of P needs a member of W among its descendants, and it suffices to
 * try the first allowed nodes below c (c itself when allowed): a deeper choice only enlarges the
 * ancestral set that W must separate. After each step the search asks whether some allowed set
 * containing the chosen activators still separates Y and Z (the nearest separator exists); that
 * question only gets harder as P grows, so a "no" prunes the whole subtree. On reaching X, the
 * separator found is a valid W: P is open given it and it separates Y from Z.
 * Complexity: exponential in the worst case (simple paths × activator choices), bounded by a budget
 * of feasibility checks, each O(N + M) (one ancestor search and one reachability search); the
 * witness at the end is one nearest separator, O(N + M + Σ|Pa|²).
 * References: B. van der Zander, J. Textor, M. Liśkiewicz, IJCAI 2015 (conditional instruments,
 * NP-hardness, nearest separators); B. van der Zander, M. Liśkiewicz, UAI 2019 (separators with a
 * required subset).
 */
import { ancestorMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import { nearestSeparator } from "./nearest-separator.js";

/** A mutable budget of feasibility checks. */
export interface SearchBudget {
  /** Checks left. */
  steps: number;
  /** Set when the search stopped for lack of budget. */
  exhausted: boolean;
}

/** What prunes and orders the search, computed once per exposure. */
export interface PathSearchGuide {
  /** Nodes from which some path could still be open to X; others are never entered. */
  readonly reachesX: Uint8Array;
  /** Nodes with an admissible descendant (themselves included): colliders that could be opened. */
  readonly openable: Uint8Array;
  /** Skeleton distance to X (-1: unreachable); nearer neighbours are tried first. */
  readonly distance: Int32Array;
}

/**
 * The guide of the search for one exposure.
 *
 * @param graph - G̃.
 * @param x - The exposure.
 * @param admissible - Mask of the nodes any W may contain.
 * @param reachesX - Nodes that some admissible set could d-connect to X.
 * @returns The guide.
 */
export function pathSearchGuide(graph: Dag, x: number, admissible: Uint8Array, reachesX: Uint8Array): PathSearchGuide {
  const openable = admissible.slice();
  for (let i = graph.size - 1; i >= 0; i--) {
    const v = graph.topologicalOrder[i]!;
    for (let k = graph.childStart[v]!; k < graph.childStart[v + 1]!; k++) if (openable[graph.children[k]!] !== 0) openable[v] = 1;
  }
  return { reachesX, openable, distance: skeletonDistance(graph, x) };
}

/** Skeleton distance of every node to `to` (-1 when unreachable). */
function skeletonDistance(graph: Dag, to: number): Int32Array {
  const distance = new Int32Array(graph.size).fill(-1);
  const queue = new Int32Array(graph.size);
  distance[to] = 0;
  queue[0] = to;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    const visit = (w: number): void => {
      if (distance[w] === -1) {
        distance[w] = distance[v]! + 1;
        queue[tail++] = w;
      }
    };
    for (let k = graph.parentStart[v]!; k < graph.parentStart[v + 1]!; k++) visit(graph.parents[k]!);
    for (let k = graph.childStart[v]!; k < graph.childStart[v + 1]!; k++) visit(graph.children[k]!);
  }
  return distance;
}

/** The first nodes below c (c included) that are allowed, reached through nodes that are not. */
function activatorsOf(graph: Dag, c: number, allowed: (v: number) => boolean): number[] {
  if (allowed(c)) return [c];
  const seen = new Uint8Array(graph.size);
  const out: number[] = [];
  const stack = [c];
  seen[c] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let k = graph.childStart[v]!; k < graph.childStart[v + 1]!; k++) {
      const w = graph.children[k]!;
      if (seen[w] !== 0) continue;
      seen[w] = 1;
      if (allowed(w)) out.push(w);
      else stack.push(w);
    }
  }
  return out.sort((p, q) => p - q);
}

/**
 * A conditioning set W ⊆ `allowed` with Z d-connected to X and d-separated from Y given W in
 * `graph`, or null when none exists (or the budget ran out: then `budget.exhausted` is set).
 *
 * @param graph - G̃: the graph without the first edges of the causal paths from X to Y.
 * @param x - The exposure.
 * @param y - The outcome.
 * @param z - The candidate instrument.
 * @param allowed - Mask of the nodes W may contain (observed, outside Forb(X, Y), not z).
 * @param guide - Per-exposure masks that prune and order the search ({@link pathSearchGuide}).
 * @param budget - Feasibility checks left (shared across calls).
 * @returns W as ascending indices, or null.
 */
export function instrumentByPathSearch(graph: Dag, x: number, y: number, z: number, allowed: Uint8Array, guide: PathSearchGuide, budget: SearchBudget): Int32Array | null {
  const { reachesX, openable, distance } = guide;
  const n = graph.size;
  const barred = new Uint8Array(n);
  const forcedCount = new Int32Array(n);
  const forced: number[] = [];
  const onPath = new Uint8Array(n);
  const usable = (v: number): boolean => allowed[v] !== 0 && barred[v] === 0;
  const currentAllowed = (): Uint8Array => {
    const mask = allowed.slice();
    for (let v = 0; v < n; v++) if (barred[v] !== 0) mask[v] = 0;
    return mask;
  };
  const target = new Uint8Array(n);
  target[z] = 1;
  // NOTE: some set between the activators and the allowed nodes separates Y and Z iff the largest
  // candidate, (allowed ∩ An(Y ∪ Z ∪ activators)) ∪ activators, does: one reachability search.
  const feasible = (): boolean => {
    if (budget.steps <= 0) {
      budget.exhausted = true;
      return false;
    }
    budget.steps--;
    const candidate = ancestorMask(graph, [y, z, ...forced]);
    for (let v = 0; v < n; v++) if (candidate[v] !== 0 && (allowed[v] === 0 || barred[v] !== 0)) candidate[v] = 0;
    for (const v of forced) candidate[v] = 1;
    return dConnectionSearch(graph, [y], target, candidate, false).reached < 0;
  };

  const seenState = new Uint8Array(2 * n);
  const queue = new Int32Array(2 * n);
  /**
   * Whether a walk from `start` (entered along an edge into it when `into`) can still reach X
   * avoiding the path so far, Y, activated non-colliders and colliders nothing could open. A
   * relaxation of the remaining search (walks, not paths), so "no" prunes safely.
   */
  const canReachX = (start: number, into: boolean): boolean => {
    seenState.fill(0);
    let tail = 0;
    const push = (v: number, down: number): boolean => {
      if (v === x) return true;
      if (onPath[v] !== 0 || v === y || seenState[2 * v + down] !== 0) return false;
      seenState[2 * v + down] = 1;
      queue[tail++] = 2 * v + down;
      return false;
    };
    seenState[2 * start + (into ? 1 : 0)] = 1;
    queue[tail++] = 2 * start + (into ? 1 : 0);
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const v = state >> 1;
      const passes = forcedCount[v] === 0;
      const toParents = (state & 1) === 0 ? passes : openable[v] !== 0;
      if (toParents) for (let k = graph.parentStart[v]!; k < graph.parentStart[v + 1]!; k++) if (push(graph.parents[k]!, 0)) return true;
      if (passes) for (let k = graph.childStart[v]!; k < graph.childStart[v + 1]!; k++) if (push(graph.children[k]!, 1)) return true;
    }
    return false;
  };

  /** Continue the path from v (entered along an edge into v when `into`), nearest neighbours to X first. */
  const extend = (v: number, into: boolean): Int32Array | null => {
    const next: number[] = [];
    for (let k = graph.parentStart[v]!; k < graph.parentStart[v + 1]!; k++) next.push(2 * graph.parents[k]! + 1);
    for (let k = graph.childStart[v]!; k < graph.childStart[v + 1]!; k++) next.push(2 * graph.children[k]!);
    next.sort((a, b) => distance[a >> 1]! - distance[b >> 1]! || a - b);
    for (const code of next) {
      if (budget.exhausted) break;
      const w = code >> 1;
      const toParent = (code & 1) === 1;
      if (onPath[w] !== 0 || w === y || distance[w]! < 0 || (w !== x && reachesX[w] === 0)) continue;
      const found = v === z ? step(v, w, toParent, "start") : step(v, w, toParent, into && toParent ? "collider" : "non-collider");
      if (found !== null) return found;
    }
    return null;
  };

  /** Gives v its role on the path, prunes, and moves on to w. */
  const step = (v: number, w: number, toParent: boolean, role: "start" | "collider" | "non-collider"): Int32Array | null => {
    if (role === "non-collider") {
      if (forcedCount[v] !== 0) return null;
      barred[v] = 1;
      const result = advance(w, toParent);
      barred[v] = 0;
      return result;
    }
    if (role === "start") return advance(w, toParent);
    for (const a of activatorsOf(graph, v, usable)) {
      forcedCount[a]!++;
      forced.push(a);
      const result = advance(w, toParent);
      forced.pop();
      forcedCount[a]!--;
      if (result !== null || budget.exhausted) return result;
    }
    return null;
  };

  /** Checks feasibility, then ends the path at X (with the nearest separator) or extends it through w. */
  const advance = (w: number, toParent: boolean): Int32Array | null => {
    if (w !== x && !canReachX(w, !toParent)) return null;
    if (!feasible()) return null;
    if (w === x) return nearestSeparator(graph, y, z, currentAllowed(), forced);
    onPath[w] = 1;
    const result = extend(w, !toParent);
    onPath[w] = 0;
    return result;
  };

  onPath[z] = 1;
  return extend(z, false);
}
