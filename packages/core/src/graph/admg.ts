/**
 * Acyclic directed mixed graphs (ADMGs): observed nodes, directed edges a → b (direct causation) and
 * bidirected edges a ↔ b (an unobserved common cause). The representation the ID algorithm works on;
 * a DAG with latent nodes becomes one by latent projection (latent-projection.ts).
 * Complexity: O(N log N + M) to build (names sorted, adjacency lists sorted).
 * Reference: T. Verma, J. Pearl, "Equivalence and synthesis of causal models", UAI 1990 (latent
 * projection); I. Shpitser, J. Pearl, "Identification of joint interventional distributions in
 * recursive semi-Markovian causal models", AAAI 2006 (ADMGs in identification).
 */
import { IslError } from "../errors.js";
import { createDag } from "./dag.js";
import { compareNames } from "./node-lookup.js";

/**
 * An acyclic directed mixed graph over nodes `names[0..n)` (sorted by {@link compareNames}).
 * Every adjacency list is ascending and free of repeats; `spouses` is symmetric.
 */
export interface Admg {
  /** Node names by index, sorted. */
  readonly names: readonly string[];
  /** Index of each name. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Directed parents of each node. */
  readonly parents: readonly (readonly number[])[];
  /** Directed children of each node. */
  readonly children: readonly (readonly number[])[];
  /** Bidirected neighbours of each node. */
  readonly spouses: readonly (readonly number[])[];
  /** The lexicographically smallest topological order of the directed part. */
  readonly topologicalOrder: readonly number[];
}

/**
 * Builds and validates an ADMG.
 *
 * @param nodes - Node names, each once.
 * @param directed - Directed edges `[from, to]`; the directed part must be acyclic.
 * @param bidirected - Bidirected edges `[a, b]` (order irrelevant; repeats dropped); no self-loops.
 * @returns The ADMG.
 * @throws IslError as {@link createDag} for the directed part (empty, duplicates, unknown nodes,
 *   self-loops, cycles), and ISL_INVALID_DAG for a bidirected edge naming an unknown node or a node twice.
 */
export function createAdmg(
  nodes: readonly string[],
  directed: readonly (readonly [string, string])[],
  bidirected: readonly (readonly [string, string])[] = [],
): Admg {
  const dag = createDag({ nodes, edges: directed });
  const n = dag.size;
  const spouseSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  bidirected.forEach(([a, b], i) => {
    const ia = dag.indexOf.get(a);
    const ib = dag.indexOf.get(b);
    if (ia === undefined || ib === undefined) {
      const missing = ia === undefined ? a : b;
      throw new IslError("ISL_INVALID_DAG", `Bidirected edge ${a} ↔ ${b} references non-existent node: '${missing}'. Add '${missing}' to nodes list.`, {
        details: { field: "bidirected", index: i, edge: [a, b], node: missing },
        validationFailures: [`bidirected.${i}: unknown node '${missing}'`],
      });
    }
    if (ia === ib) {
      throw new IslError("ISL_INVALID_DAG", `Bidirected self-loop ${a} ↔ ${a} is not allowed: a bidirected edge joins two different nodes.`, {
        details: { field: "bidirected", index: i, edge: [a, b] },
        validationFailures: [`bidirected.${i}: self-loop`],
      });
    }
    spouseSets[ia]!.add(ib);
    spouseSets[ib]!.add(ia);
  });
  const listOf = (start: Int32Array, flat: Int32Array, v: number): number[] => Array.from(flat.subarray(start[v]!, start[v + 1]!));
  return {
    names: dag.names,
    indexOf: dag.indexOf,
    parents: Array.from({ length: n }, (_, v) => listOf(dag.parentStart, dag.parents, v)),
    children: Array.from({ length: n }, (_, v) => listOf(dag.childStart, dag.children, v)),
    spouses: spouseSets.map((s) => [...s].sort((a, b) => a - b)),
    topologicalOrder: Array.from(dag.topologicalOrder),
  };
}

/** The bidirected edges of an ADMG as sorted name pairs `[a, b]` with a < b, the list sorted. */
export function bidirectedEdges(admg: Admg): [string, string][] {
  const out: [string, string][] = [];
  admg.spouses.forEach((list, a) => {
    for (const b of list) if (a < b) out.push([admg.names[a]!, admg.names[b]!]);
  });
  return out.sort((p, q) => compareNames(p[0], q[0]) || compareNames(p[1], q[1]));
}
