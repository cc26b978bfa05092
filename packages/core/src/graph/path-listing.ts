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
import { DEFAULT_MAX_PATH_STEPS, DEFAULT_MAX_PATHS, namedPath, type PathList } from "./backdoor-paths.js";
import type { Dag } from "./dag.js";
import { findNode, positiveCap, requireDisjoint } from "./node-lookup.js";
import { distanceToTarget, searchSimplePaths, type IndexPath } from "./simple-path-search.js";

/** Options of {@link directedPaths} and {@link blockedBackdoorPaths}. */
export interface PathListingOptions {
  /** At most this many paths (default 100). */
  readonly maxPaths?: number;
  /** Search budget in path extensions (default 1,000,000). */
  readonly maxSteps?: number;
}

type Kind = "directed" | "blocked-backdoor";

/** True when some interior node of the path is a collider (both its edges point into it). */
function hasCollider(path: IndexPath): boolean {
  for (let i = 1; i < path.forward.length; i++) if (path.forward[i - 1] && !path.forward[i]) return true;
  return false;
}

function listPaths(dag: Dag, from: number, to: number, kind: Kind, maxPaths: number, maxSteps: number): PathList {
  const directed = kind === "directed";
  const { paths, truncated } = searchSimplePaths(dag, {
    from,
    to,
    distance: distanceToTarget(dag, to, directed),
    firstStep: { parents: !directed, children: directed },
    laterSteps: { parents: !directed, children: true },
    ...(directed ? {} : { accept: hasCollider }),
    maxPaths,
    maxSteps,
  });
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
