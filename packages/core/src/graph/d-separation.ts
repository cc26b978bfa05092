/**
 * d-separation by reachability over (node, direction) states — the "Bayes-ball" of Shachter, in the
 * form of Koller & Friedman's REACHABLE, with colliders open when they are ancestors of Z — plus a
 * witness: one d-connecting path, recovered from the parent pointers of the breadth-first search.
 * Complexity: O(N + M) for the test and for the witness.
 * References: R. D. Shachter, "Bayes-Ball: The Rational Pastime (for Determining Irrelevance and
 * Requisite Information in Belief Networks and Influence Diagrams)", UAI 1998; D. Koller,
 * N. Friedman, "Probabilistic Graphical Models" (2009), Algorithm 3.1; D. Geiger, T. Verma,
 * J. Pearl, "d-Separation: From Theorems to Algorithms", UAI 1989.
 */
import type { Adjacency } from "./adjacency.js";
import { ancestorMask } from "./ancestry.js";
import { namedPath, type GraphPath } from "./backdoor-paths.js";
import type { Dag } from "./dag.js";
import { maskOf, namesOf, requireDisjoint, resolveNodes } from "./node-lookup.js";

/** State encoding: `2v` = at v, arrived from a child (moving up); `2v+1` = arrived from a parent. */
const UP = 0;
const DOWN = 1;

/** Result of {@link dConnectionSearch}. */
export interface DConnectionResult {
  /** The first target node reached, or -1 when every target is d-separated from the sources. */
  readonly reached: number;
  /** The d-connecting path from a source to `reached` (node indices), or null. */
  readonly path: number[] | null;
  /** One flag per edge of `path`: true when it points from the earlier node to the later one. */
  readonly forward: boolean[] | null;
}

/**
 * Breadth-first search over (node, direction) states from `sources`, stopping at the first node of
 * `targets`. A non-collider passes unless it is in Z; a collider passes when it is an ancestor of
 * Z (Z included). Sources, targets and Z must be pairwise disjoint.
 *
 * NOTE: BFS parent pointers give a shortest state walk, and a shortest walk never visits a node
 * twice (a second visit could be short-cut from the first), so the witness is a simple path that
 * meets a source only at its start and a target only at its end.
 *
 * @param adj - Directed adjacency.
 * @param sources - Start nodes (X).
 * @param targets - Mask of target nodes (Y).
 * @param z - Mask of conditioning nodes (Z).
 * @param withPath - Also reconstruct the path.
 * @returns The first target reached, and the path when asked.
 */
export function dConnectionSearch(adj: Adjacency, sources: ArrayLike<number>, targets: Uint8Array, z: Uint8Array, withPath: boolean): DConnectionResult {
  const n = adj.size;
  const zList: number[] = [];
  for (let v = 0; v < n; v++) if (z[v] !== 0) zList.push(v);
  const openCollider = ancestorMask(adj, zList);
  const visited = new Uint8Array(2 * n);
  const from = withPath ? new Int32Array(2 * n).fill(-1) : null;
  const queue = new Int32Array(2 * n);
  let tail = 0;
  let reachedState = -1;
  const visit = (state: number, previous: number): boolean => {
    if (visited[state] !== 0) return false;
    visited[state] = 1;
    if (from !== null) from[state] = previous;
    queue[tail++] = state;
    if (targets[state >> 1] !== 0) {
      reachedState = state;
      return true;
    }
    return false;
  };
  for (let i = 0; i < sources.length; i++) {
    if (visit(2 * (sources[i] as number) + UP, -1)) break;
  }
  for (let head = 0; head < tail && reachedState < 0; head++) {
    const state = queue[head]!;
    const v = state >> 1;
    const inZ = z[v] !== 0;
    const goUp = (state & 1) === UP ? !inZ : openCollider[v] !== 0;
    const goDown = !inZ;
    if (goUp) {
      for (let k = adj.parentStart[v]!; k < adj.parentStart[v + 1]!; k++) {
        if (visit(2 * adj.parents[k]! + UP, state)) break;
      }
    }
    if (goDown && reachedState < 0) {
      for (let k = adj.childStart[v]!; k < adj.childStart[v + 1]!; k++) {
        if (visit(2 * adj.children[k]! + DOWN, state)) break;
      }
    }
  }
  if (reachedState < 0) return { reached: -1, path: null, forward: null };
  if (from === null) return { reached: reachedState >> 1, path: null, forward: null };
  const path: number[] = [];
  const forward: boolean[] = [];
  for (let s = reachedState; s >= 0; s = from[s]!) {
    path.push(s >> 1);
    // A state entered from a parent (DOWN) was reached along an edge pointing into it.
    if (from[s]! >= 0) forward.push((s & 1) === DOWN);
  }
  path.reverse();
  forward.reverse();
  return { reached: reachedState >> 1, path, forward };
}

/** Resolves and checks the three sets of a d-separation query. */
function resolveQuery(dag: Dag, xs: string | readonly string[], ys: string | readonly string[], zs: string | readonly string[]): [Int32Array, Uint8Array, Uint8Array] {
  const x = resolveNodes(dag, xs, "Source");
  const y = resolveNodes(dag, ys, "Target");
  const z = resolveNodes(dag, zs, "Conditioning");
  requireDisjoint(dag, [["Source", x], ["Target", y], ["Conditioning", z]]);
  return [x, maskOf(dag.size, y), maskOf(dag.size, z)];
}

/**
 * Whether Z d-separates X from Y in the graph: no path between a node of X and a node of Y is
 * d-connecting given Z. Empty X or Y are separated by definition. Latent nodes are ordinary
 * nodes here (a caller who conditions on one is asking a hypothetical question).
 *
 * @param dag - The graph.
 * @param xs - X: one name or several.
 * @param ys - Y: one name or several.
 * @param zs - Z: the conditioning names (may be empty).
 * @returns True when X ⫫ Y | Z holds in every distribution faithful to nothing more than the graph.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when the sets overlap.
 */
export function dSeparated(dag: Dag, xs: string | readonly string[], ys: string | readonly string[], zs: string | readonly string[] = []): boolean {
  const [x, y, z] = resolveQuery(dag, xs, ys, zs);
  return dConnectionSearch(dag, x, y, z, false).reached < 0;
}

/**
 * One d-connecting path between X and Y given Z, as node names from a node of X to a node of Y,
 * or null when X and Y are d-separated by Z. The path is simple, is a shortest d-connecting path
 * in the state search, and is deterministic (ties broken by node name). The hidden node of a
 * bidirected edge a ↔ b on the path is left out (a and b are then consecutive); use
 * {@link dConnectingPath} for the path with its arrows.
 *
 * @param dag - The graph.
 * @param xs - X: one name or several.
 * @param ys - Y: one name or several.
 * @param zs - Z: the conditioning names (may be empty).
 * @returns The path's nodes, or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when the sets overlap.
 */
export function openPath(dag: Dag, xs: string | readonly string[], ys: string | readonly string[], zs: string | readonly string[] = []): string[] | null {
  const [x, y, z] = resolveQuery(dag, xs, ys, zs);
  const { path } = dConnectionSearch(dag, x, y, z, true);
  return path === null ? null : namesOf(dag, path);
}

/**
 * The witness of {@link openPath} with its arrows: one d-connecting path from a node of X to a node
 * of Y given Z, each edge `"->"`, `"<-"` or `"<->"` (a bidirected edge), or null when Z
 * d-separates X and Y. Render it with `formatPath`, e.g. `"X ← Z ↔ Y"`.
 *
 * @param dag - The graph.
 * @param xs - X: one name or several.
 * @param ys - Y: one name or several.
 * @param zs - Z: the conditioning names (may be empty).
 * @returns The path with arrows, or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when the sets overlap.
 */
export function dConnectingPath(dag: Dag, xs: string | readonly string[], ys: string | readonly string[], zs: string | readonly string[] = []): GraphPath | null {
  const [x, y, z] = resolveQuery(dag, xs, ys, zs);
  const { path, forward } = dConnectionSearch(dag, x, y, z, true);
  return path === null ? null : namedPath(dag, path, forward!);
}
