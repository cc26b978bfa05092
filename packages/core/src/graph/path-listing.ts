/**
 * Bounded listing of two kinds of simple paths for path analysis: directed (causal) paths from X to
 * Y, and back-door paths from X to Y that are blocked without conditioning because they contain a
 * collider (conditioning on that collider or a descendant would open them). Iterative-deepening
 * depth-first search over simple paths, pruned by the distance to the target (directed distance for
 * causal paths, skeleton distance otherwise), so the output is shortest first, then lexicographic
 * by node names (node index order, hidden nodes of bidirected edges rendered as ↔). Complexity: exponential in the worst case (the number of paths), bounded by
 * `maxPaths` and a step budget `maxSteps`; O(N + M) set-up.
 * References: J. Pearl, "Causality" (2009), §3.3 (front-door and back-door paths); R. E. Korf,
 * "Depth-first iterative-deepening", Artificial Intelligence 27 (1985) 97–109.
 */
import type { Adjacency } from "./adjacency.js";
import { DEFAULT_MAX_PATH_STEPS, DEFAULT_MAX_PATHS, namedPath, type PathList } from "./backdoor-paths.js";
import type { Dag } from "./dag.js";
import { findNode, positiveCap, requireDisjoint } from "./node-lookup.js";

/** Options of {@link directedPaths} and {@link blockedBackdoorPaths}. */
export interface PathListingOptions {
  /** At most this many paths (default 100). */
  readonly maxPaths?: number;
  /** Search budget in path extensions (default 1,000,000). */
  readonly maxSteps?: number;
}

type Kind = "directed" | "blocked-backdoor";

/** Distance to `to` over parent links (directed) or both (skeleton); -1 when unreachable. */
function distanceTo(adj: Adjacency, to: number, directed: boolean): Int32Array {
  const distance = new Int32Array(adj.size).fill(-1);
  const queue = new Int32Array(adj.size);
  distance[to] = 0;
  queue[0] = to;
  let tail = 1;
  const step = (v: number, w: number): void => {
    if (distance[w] !== -1) return;
    distance[w] = distance[v]! + 1;
    queue[tail++] = w;
  };
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = adj.parentStart[v]!; k < adj.parentStart[v + 1]!; k++) step(v, adj.parents[k]!);
    if (!directed) for (let k = adj.childStart[v]!; k < adj.childStart[v + 1]!; k++) step(v, adj.children[k]!);
  }
  return distance;
}

function listPaths(dag: Dag, from: number, to: number, kind: Kind, maxPaths: number, maxSteps: number): PathList {
  const n = dag.size;
  const directed = kind === "directed";
  const distance = distanceTo(dag, to, directed);
  const onPath = new Uint8Array(n);
  const nodes: number[] = [from];
  const forward: boolean[] = [];
  const paths: { nodes: number[]; forward: boolean[] }[] = [];
  let steps = 0;
  let truncated = false;
  let cutByLength = false;
  let length = 0;
  let colliders = 0;
  const extend = (cur: number, depth: number, intoCur: boolean): void => {
    const pLo = directed ? 0 : dag.parentStart[cur]!;
    const pHi = directed ? 0 : dag.parentStart[cur + 1]!;
    const cLo = depth === 0 && !directed ? 0 : dag.childStart[cur]!;
    const cHi = depth === 0 && !directed ? 0 : dag.childStart[cur + 1]!;
    let p = pLo;
    let c = cLo;
    // NOTE: merging the two ascending lists visits neighbours in name order (lexicographic output).
    while ((p < pHi || c < cHi) && !truncated) {
      const takeParent = c >= cHi || (p < pHi && dag.parents[p]! < dag.children[c]!);
      const w = takeParent ? dag.parents[p++]! : dag.children[c++]!;
      if (onPath[w] !== 0) continue;
      const collider = depth > 0 && intoCur && takeParent;
      const remaining = length - depth - 1;
      if (w === to) {
        if (remaining !== 0 || (kind === "blocked-backdoor" && colliders + (collider ? 1 : 0) === 0)) continue;
        if (paths.length === maxPaths) {
          truncated = true;
          return;
        }
        paths.push({ nodes: [...nodes, w], forward: [...forward, !takeParent] });
        continue;
      }
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
      if (collider) colliders++;
      extend(w, depth + 1, !takeParent);
      if (collider) colliders--;
      nodes.pop();
      forward.pop();
      onPath[w] = 0;
    }
  };
  onPath[from] = 1;
  for (length = 1; length < n && !truncated; length++) {
    cutByLength = false;
    extend(from, 0, false);
    if (!cutByLength) break;
  }
  return { paths: paths.map((p) => namedPath(dag, p.nodes, p.forward)), truncated };
}

function endpoints(dag: Dag, exposure: string, outcome: string, options: PathListingOptions): [number, number, number, number] {
  const x = findNode(dag, exposure, "Treatment");
  const y = findNode(dag, outcome, "Outcome");
  requireDisjoint(dag, [["Treatment", Int32Array.of(x)], ["Outcome", Int32Array.of(y)]]);
  return [x, y, positiveCap(options.maxPaths, DEFAULT_MAX_PATHS, "maxPaths"), positiveCap(options.maxSteps, DEFAULT_MAX_PATH_STEPS, "maxSteps")];
}

/**
 * Directed paths X → … → Y (the causal paths, through which front-door sets must pass).
 *
 * @param dag - The graph.
 * @param exposure - X.
 * @param outcome - Y.
 * @param options - `maxPaths` (default 100), `maxSteps` (default 1e6).
 * @returns The paths, shortest first then lexicographic, and whether the list may be incomplete.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for X = Y or bad caps.
 */
export function directedPaths(dag: Dag, exposure: string, outcome: string, options: PathListingOptions = {}): PathList {
  const [x, y, maxPaths, maxSteps] = endpoints(dag, exposure, outcome, options);
  return listPaths(dag, x, y, "directed", maxPaths, maxSteps);
}

/**
 * Back-door paths from X to Y (first edge into X) that contain a collider, so that they are
 * blocked when nothing is conditioned on; conditioning on a collider or one of its descendants
 * opens them.
 *
 * @param dag - The graph.
 * @param exposure - X.
 * @param outcome - Y.
 * @param options - `maxPaths` (default 100), `maxSteps` (default 1e6).
 * @returns The paths, shortest first then lexicographic, and whether the list may be incomplete.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for X = Y or bad caps.
 */
export function blockedBackdoorPaths(dag: Dag, exposure: string, outcome: string, options: PathListingOptions = {}): PathList {
  const [x, y, maxPaths, maxSteps] = endpoints(dag, exposure, outcome, options);
  return listPaths(dag, x, y, "blocked-backdoor", maxPaths, maxSteps);
}
