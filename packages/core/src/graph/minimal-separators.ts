/**
 * All minimal s–t vertex separators of an undirected graph that lie inside an allowed set R, listed
 * with polynomial delay by Takata's backtracking over "close" separators. A minimal separator S is
 * determined by its full component C_s containing s, so the search enumerates the closed sets
 * A = C_s: a node of R\U on the boundary either joins A (and A is re-closed) or is excluded for the
 * rest of that branch (joins U). Nodes outside R can never be in a separator, so a boundary node
 * outside R is absorbed into A during closure; with that rule every node of the search tree outputs
 * a distinct separator ⊆ R and no subtree is barren. Two preprocessing steps: nodes that every
 * separator must contain (I) are deleted, and edges joining two neighbours of s (or two of t) are
 * dropped — they never change which sets separate s from t, and moral graphs have a clique on the
 * parents of X and of Y, so this makes every closure much cheaper.
 * Complexity: O(n·(n + m)) per closure, O(n²·(n + m)) delay between outputs, O(n²) space.
 * References: K. Takata, "Space-optimal, backtracking algorithms to list the minimal vertex
 * separators of a graph", Discrete Applied Mathematics 158 (2010) 1660–1667; B. van der Zander,
 * M. Liśkiewicz, J. Textor, Artificial Intelligence 270 (2019), Algorithm LISTSEP (restriction to R).
 */
import type { UndirectedAdjacency } from "./adjacency.js";

/** Reusable buffers for {@link closeSide}. */
interface Scratch {
  readonly boundary: Uint8Array;
  readonly targetSide: Uint8Array;
  readonly separator: Uint8Array;
  readonly queue: Int32Array;
}

/**
 * Grows `side` (a connected set containing s, not touching t) to the s-side full component of the
 * minimal separator closest to t that lies in `allowed`: repeatedly takes S = N(C_t(G − N[side])),
 * sets side = C_s(G − S), and absorbs the nodes of S outside `allowed`, until S ⊆ allowed.
 *
 * @returns True when the result avoids `excluded` and t; `side` then holds the closed set.
 */
function closeSide(g: UndirectedAdjacency, s: number, t: number, allowed: Uint8Array, side: Uint8Array, excluded: Uint8Array, scratch: Scratch): boolean {
  const { start, neighbours } = g;
  const n = g.size;
  const { boundary, targetSide, separator, queue } = scratch;
  for (;;) {
    boundary.fill(0);
    for (let v = 0; v < n; v++) {
      if (side[v] === 0) continue;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (side[w] === 0) boundary[w] = 1;
      }
    }
    if (boundary[t] !== 0) return false;
    // C_t: the component of t avoiding side ∪ boundary.
    targetSide.fill(0);
    targetSide[t] = 1;
    queue[0] = t;
    for (let head = 0, tail = 1; head < tail; head++) {
      const v = queue[head]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (targetSide[w] === 0 && side[w] === 0 && boundary[w] === 0) {
          targetSide[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    separator.fill(0);
    for (let v = 0; v < n; v++) {
      if (boundary[v] === 0) continue;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        if (targetSide[neighbours[k]!] !== 0) {
          separator[v] = 1;
          break;
        }
      }
    }
    // The new side: the component of s avoiding the separator, plus separator nodes outside R.
    side.fill(0);
    side[s] = 1;
    queue[0] = s;
    for (let head = 0, tail = 1; head < tail; head++) {
      const v = queue[head]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const w = neighbours[k]!;
        if (side[w] === 0 && separator[w] === 0) {
          side[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    let grew = false;
    for (let v = 0; v < n; v++) {
      if (separator[v] !== 0 && allowed[v] === 0) {
        side[v] = 1;
        grew = true;
      }
    }
    for (let v = 0; v < n; v++) if (side[v] !== 0 && excluded[v] !== 0) return false;
    if (!grew) return true;
  }
}

/** The boundary N(side) of a closed side, ascending. */
function boundaryOf(g: UndirectedAdjacency, side: Uint8Array, mark: Uint8Array): Int32Array {
  mark.fill(0);
  let count = 0;
  for (let v = 0; v < g.size; v++) {
    if (side[v] === 0) continue;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      const w = g.neighbours[k]!;
      if (side[w] === 0 && mark[w] === 0) {
        mark[w] = 1;
        count++;
      }
    }
  }
  const out = new Int32Array(count);
  let i = 0;
  for (let v = 0; v < g.size; v++) if (mark[v] !== 0) out[i++] = v;
  return out;
}

/**
 * The graph with every edge at a removed node dropped (removed nodes stay, isolated).
 *
 * @param g - Undirected graph.
 * @param removed - Mask of nodes to isolate.
 * @returns A new adjacency over the same nodes.
 */
export function withoutNodes(g: UndirectedAdjacency, removed: Uint8Array): UndirectedAdjacency {
  const start = new Int32Array(g.size + 1);
  const neighbours = new Int32Array(g.neighbours.length);
  let fill = 0;
  for (let v = 0; v < g.size; v++) {
    start[v] = fill;
    if (removed[v] !== 0) continue;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      const w = g.neighbours[k]!;
      if (removed[w] === 0) neighbours[fill++] = w;
    }
  }
  start[g.size] = fill;
  return { size: g.size, start, neighbours: neighbours.slice(0, fill) };
}

/**
 * The graph without the edges that join two neighbours of s or two neighbours of t. They never
 * matter for s–t separation: for any S avoiding s and t, both ends of such an edge (when not in S)
 * lie in the component of s (resp. t) of G − S, and a node of S next to s or t keeps that neighbour.
 * So the minimal s–t separators are the same, and every closure scans fewer edges (moral graphs
 * have a clique on the parents of X and on the parents of Y).
 *
 * @param g - Undirected graph.
 * @param s - Source node.
 * @param t - Target node.
 * @returns The pruned adjacency over the same nodes.
 */
export function withoutEdgesAroundEnds(g: UndirectedAdjacency, s: number, t: number): UndirectedAdjacency {
  const nearS = new Uint8Array(g.size);
  const nearT = new Uint8Array(g.size);
  for (let k = g.start[s]!; k < g.start[s + 1]!; k++) nearS[g.neighbours[k]!] = 1;
  for (let k = g.start[t]!; k < g.start[t + 1]!; k++) nearT[g.neighbours[k]!] = 1;
  const start = new Int32Array(g.size + 1);
  const neighbours = new Int32Array(g.neighbours.length);
  let fill = 0;
  for (let v = 0; v < g.size; v++) {
    start[v] = fill;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      const w = g.neighbours[k]!;
      if ((nearS[v] !== 0 && nearS[w] !== 0) || (nearT[v] !== 0 && nearT[w] !== 0)) continue;
      neighbours[fill++] = w;
    }
  }
  start[g.size] = fill;
  return { size: g.size, start, neighbours: neighbours.slice(0, fill) };
}

/** One node of the backtracking tree. */
interface Frame {
  readonly side: Uint8Array;
  readonly excluded: Uint8Array;
  /** Boundary nodes not excluded: the branching candidates, ascending. */
  readonly candidates: Int32Array;
  next: number;
}

/**
 * Lists every minimal s–t separator S ⊆ `allowed` of `g`, lazily, each as ascending node indices.
 * Order: depth-first over the backtracking tree, candidates by ascending index (deterministic).
 * Lists nothing when s and t cannot be separated inside `allowed` (e.g. they are adjacent).
 *
 * @param g - Undirected graph.
 * @param s - Source node (never in a separator).
 * @param t - Target node (never in a separator).
 * @param allowed - Mask of nodes allowed in a separator (`s` and `t` are ignored).
 * @param removed - Optional mask of nodes deleted from `g` first (used when every separator must
 *   contain a set I: the separators containing I are I plus the separators of g − I).
 * @returns A generator of separators.
 */
export function* minimalSeparators(g: UndirectedAdjacency, s: number, t: number, allowed: Uint8Array, removed?: Uint8Array): Generator<Int32Array, void, undefined> {
  const graph = withoutEdgesAroundEnds(removed === undefined ? g : withoutNodes(g, removed), s, t);
  const n = graph.size;
  const allowedHere = allowed.slice();
  allowedHere[s] = 0;
  allowedHere[t] = 0;
  const scratch: Scratch = { boundary: new Uint8Array(n), targetSide: new Uint8Array(n), separator: new Uint8Array(n), queue: new Int32Array(n) };
  const mark = new Uint8Array(n);
  const makeFrame = (side: Uint8Array, excluded: Uint8Array): [Frame, Int32Array] => {
    const sep = boundaryOf(graph, side, mark);
    const candidates = sep.filter((v) => excluded[v] === 0);
    return [{ side, excluded, candidates, next: 0 }, sep];
  };
  const rootSide = new Uint8Array(n);
  rootSide[s] = 1;
  const rootExcluded = new Uint8Array(n);
  if (!closeSide(graph, s, t, allowedHere, rootSide, rootExcluded, scratch)) return;
  const [root, rootSeparator] = makeFrame(rootSide, rootExcluded);
  yield rootSeparator;
  const stack: Frame[] = [root];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.candidates.length) {
      stack.pop();
      continue;
    }
    const i = frame.next++;
    const v = frame.candidates[i]!;
    // Branch i: v joins the s-side; the candidates before it are excluded from the s-side.
    const excluded = frame.excluded.slice();
    for (let j = 0; j < i; j++) excluded[frame.candidates[j]!] = 1;
    const side = frame.side.slice();
    side[v] = 1;
    if (!closeSide(graph, s, t, allowedHere, side, excluded, scratch)) continue;
    const [child, separator] = makeFrame(side, excluded);
    yield separator;
    stack.push(child);
  }
}
