/**
 * A minimum-cardinality adjustment set: a minimum s–t vertex cut, inside the admissible nodes, of
 * the contracted moral graph of An(X ∪ Y) in the proper back-door graph, by unit-capacity max-flow
 * on the vertex-split graph (Menger). Ties are broken lexicographically on sorted node names by a
 * greedy pass: a node is kept when deleting it (with the nodes kept so far) lowers the max-flow by
 * exactly one. Complexity: O(k·(n + m)) per flow (k = the minimum size), O(n·k·(n + m)) in all.
 * References: K. Menger (1927); J. Edmonds, R. M. Karp, "Theoretical improvements in algorithmic
 * efficiency for network flow problems", JACM 19 (1972) 248–264; B. van der Zander, M. Liśkiewicz,
 * J. Textor, Artificial Intelligence 270 (2019), §4 (minimum separators and adjustment sets).
 */
import type { UndirectedAdjacency } from "./adjacency.js";
import { admissibleMask } from "./adjustment-criterion.js";
import type { Dag } from "./dag.js";
import { contractedMoralGraph } from "./moral-graph.js";
import { causalStructure } from "./proper-causal-paths.js";

/** Capacity of nodes that cannot be cut (latent, forbidden, s, t) and of every edge. */
const UNCUTTABLE = 1 << 29;

/** Residual network of the vertex-split graph. */
interface Network {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly to: Int32Array;
  readonly cap: Int32Array;
}

/** Builds the split network: node v becomes 2v → 2v+1 with capacity 1 (cuttable) or UNCUTTABLE. */
function splitNetwork(g: UndirectedAdjacency, cuttable: Uint8Array, deleted: Uint8Array): Network {
  const arcs = 2 * (g.size + g.neighbours.length);
  const head = new Int32Array(2 * g.size).fill(-1);
  const next = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const cap = new Int32Array(arcs);
  let e = 0;
  const arc = (u: number, v: number, c: number): void => {
    to[e] = v;
    cap[e] = c;
    next[e] = head[u]!;
    head[u] = e++;
    to[e] = u;
    cap[e] = 0;
    next[e] = head[v]!;
    head[v] = e++;
  };
  for (let v = g.size - 1; v >= 0; v--) {
    if (deleted[v] !== 0) continue;
    arc(2 * v, 2 * v + 1, cuttable[v] !== 0 ? 1 : UNCUTTABLE);
    for (let k = g.start[v + 1]! - 1; k >= g.start[v]!; k--) {
      const w = g.neighbours[k]!;
      if (deleted[w] === 0) arc(2 * v + 1, 2 * w, UNCUTTABLE);
    }
  }
  return { head, next, to, cap };
}

/**
 * Max-flow from `source` to `sink` by shortest augmenting paths, stopping once it exceeds `limit`.
 * Returns `Infinity` when a path of uncuttable capacity exists (no cut at all).
 */
function maxFlow(net: Network, source: number, sink: number, limit: number): number {
  const n = net.head.length;
  const via = new Int32Array(n);
  const queue = new Int32Array(n);
  let flow = 0;
  while (flow <= limit) {
    via.fill(-1);
    via[source] = -2;
    queue[0] = source;
    let tail = 1;
    for (let headPos = 0; headPos < tail && via[sink] === -1; headPos++) {
      const u = queue[headPos]!;
      for (let e = net.head[u]!; e >= 0; e = net.next[e]!) {
        const v = net.to[e]!;
        if (net.cap[e]! > 0 && via[v] === -1) {
          via[v] = e;
          queue[tail++] = v;
        }
      }
    }
    if (via[sink] === -1) return flow;
    let bottleneck = UNCUTTABLE;
    for (let v = sink; v !== source; v = net.to[via[v]! ^ 1]!) bottleneck = Math.min(bottleneck, net.cap[via[v]!]!);
    // NOTE: finite flows are at most n; a huge bottleneck means a path of uncuttable nodes only.
    if (bottleneck >= UNCUTTABLE >> 1) return Infinity;
    for (let v = sink; v !== source; v = net.to[via[v]! ^ 1]!) {
      net.cap[via[v]!]! -= bottleneck;
      net.cap[via[v]! ^ 1]! += bottleneck;
    }
    flow += bottleneck;
  }
  return flow;
}

/**
 * A smallest adjustment set for the total effect of X on Y; among several of the same size, the
 * lexicographically smallest list of sorted names. Null when no adjustment set exists.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @returns The set, sorted by name, or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function minimumAdjustmentSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): string[] | null {
  const structure = causalStructure(dag, exposures, outcomes);
  const allowed = admissibleMask(dag, structure);
  const { graph, source, target, dagIndex } = contractedMoralGraph(structure.backdoorGraph, structure.xMask, structure.yMask);
  const cuttable = new Uint8Array(graph.size);
  for (let i = 0; i < dagIndex.length; i++) cuttable[i] = allowed[dagIndex[i]!]!;
  const deleted = new Uint8Array(graph.size);
  const flowWith = (limit: number): number => maxFlow(splitNetwork(graph, cuttable, deleted), 2 * source + 1, 2 * target, limit);
  const size = flowWith(graph.size);
  if (size === Infinity) return null;
  const chosen: number[] = [];
  for (let v = 0; v < dagIndex.length && chosen.length < size; v++) {
    if (cuttable[v] === 0) continue;
    deleted[v] = 1;
    const needed = size - chosen.length - 1;
    if (flowWith(needed) === needed) chosen.push(v);
    else deleted[v] = 0;
  }
  return chosen.map((i) => dag.names[dagIndex[i]!]!);
}
