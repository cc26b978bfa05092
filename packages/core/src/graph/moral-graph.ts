/**
 * The moral graph of the ancestral subgraph An(X ∪ Y) of a DAG, with X contracted to one source
 * node s and Y to one target node t. For Z ⊆ An(X ∪ Y) \ (X ∪ Y), Z d-separates X and Y in the DAG
 * iff Z separates s from t in this undirected graph (Lauritzen et al.), which turns adjustment
 * questions into vertex-separator questions. Complexity: O(N + M + Σ_v |Pa(v)|²) (the moral edges).
 * References: S. L. Lauritzen, A. P. Dawid, B. N. Larsen, H.-G. Leimer, "Independence properties of
 * directed Markov fields", Networks 20 (1990) 491–505; B. van der Zander, M. Liśkiewicz, J. Textor,
 * Artificial Intelligence 270 (2019), §4 (the contraction of X and Y for LISTSEP).
 */
import { buildUndirected, type Adjacency, type UndirectedAdjacency } from "./adjacency.js";
import { ancestorMask } from "./ancestry.js";

/** The contracted moral graph and the maps between its nodes and the DAG's. */
export interface ContractedMoralGraph {
  /** The undirected graph; nodes 0..k-1 are DAG nodes, then the source `k` and the target `k+1`. */
  readonly graph: UndirectedAdjacency;
  /** Index of the contracted X. */
  readonly source: number;
  /** Index of the contracted Y. */
  readonly target: number;
  /** DAG index of each graph node below `source`, ascending (so graph order is name order). */
  readonly dagIndex: Int32Array;
}

/**
 * Builds the moral graph of the ancestral subgraph of X ∪ Y and contracts X and Y.
 *
 * @param adj - The DAG (for adjustment: the proper back-door graph).
 * @param xMask - Mask of X.
 * @param yMask - Mask of Y (disjoint from X).
 * @param extraSeeds - Optional further nodes whose ancestors join the ancestral set (An(X ∪ Y ∪ I),
 *   for separators that must contain I; van der Zander et al. 2019, §3).
 * @returns The contracted moral graph.
 */
export function contractedMoralGraph(adj: Adjacency, xMask: Uint8Array, yMask: Uint8Array, extraSeeds: ArrayLike<number> = []): ContractedMoralGraph {
  const n = adj.size;
  const seeds: number[] = Array.from(extraSeeds);
  for (let v = 0; v < n; v++) if (xMask[v] !== 0 || yMask[v] !== 0) seeds.push(v);
  const anc = ancestorMask(adj, seeds);
  const local = new Int32Array(n).fill(-1);
  const dagIndex: number[] = [];
  for (let v = 0; v < n; v++) {
    if (anc[v] !== 0 && xMask[v] === 0 && yMask[v] === 0) {
      local[v] = dagIndex.length;
      dagIndex.push(v);
    }
  }
  const source = dagIndex.length;
  const target = source + 1;
  for (let v = 0; v < n; v++) {
    if (xMask[v] !== 0) local[v] = source;
    else if (yMask[v] !== 0) local[v] = target;
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let v = 0; v < n; v++) {
    if (anc[v] === 0) continue;
    const lo = adj.parentStart[v]!;
    const hi = adj.parentStart[v + 1]!;
    for (let i = lo; i < hi; i++) {
      const p = local[adj.parents[i]!]!;
      a.push(p);
      b.push(local[v]!);
      // NOTE: moralisation — parents of a common child become adjacent.
      for (let j = i + 1; j < hi; j++) {
        a.push(p);
        b.push(local[adj.parents[j]!]!);
      }
    }
  }
  return { graph: buildUndirected(target + 1, a, b), source, target, dagIndex: Int32Array.from(dagIndex) };
}
