/**
 * Construction and validation of a causal DAG from plain input: checks the structure (empty graph,
 * duplicate nodes, unknown edge endpoints, self-loops, unknown latent nodes), drops repeated edges,
 * indexes nodes 0..N-1 in name order, builds CSR adjacency and rejects cycles with the cycle's nodes.
 * Complexity: O(N log N + M) (sorting the names; edges are placed by counting sort).
 * Reference: Kahn (CACM 1962) for the order and the cycle check; see topological-order.ts.
 */
import { IslError } from "../errors.js";
import { buildAdjacency, type Adjacency } from "./adjacency.js";
import { findCycle } from "./find-cycle.js";
import { compareNames, listNamesForMessage } from "./node-lookup.js";
import { kahnOrder } from "./topological-order.js";

/** A graph as callers write it: node names, directed edges `[from, to]`, optional latent nodes. */
export interface DagInput {
  /** Node names, each once. */
  readonly nodes: readonly string[];
  /** Directed edges `[from, to]` between listed nodes. */
  readonly edges: readonly (readonly [string, string])[];
  /** Unobserved nodes: never part of an adjustment set or a separator. */
  readonly latent?: readonly string[] | null | undefined;
}

/**
 * A validated, acyclic causal graph. Node `i` is `names[i]`; names are sorted in code-unit order
 * (see {@link compareNames}), so every index-ordered result is also name-ordered and no result
 * depends on the order of the input lists. Adjacency lists are ascending.
 */
export interface Dag extends Adjacency {
  /** Node names by index, sorted. */
  readonly names: readonly string[];
  /** Index of each name. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** 1 for latent (unobserved) nodes, 0 for observed ones. */
  readonly latent: Uint8Array;
  /** Number of distinct edges. */
  readonly edgeCount: number;
  /** The lexicographically smallest topological order (by name). */
  readonly topologicalOrder: Int32Array;
  /** Edges that repeated an earlier edge and were dropped, in input order (for warnings). */
  readonly duplicateEdges: readonly (readonly [string, string])[];
}

/** Edge problems found while validating, for `details`. */
interface UnknownEndpoint {
  edgeIndex: number;
  edge: [string, string];
  node: string;
}

/**
 * Validates plain graph input and builds a {@link Dag}.
 *
 * Repeated edges are accepted and dropped (they do not change the graph's meaning); they are
 * listed in {@link Dag.duplicateEdges} so a caller can warn. Every other problem throws.
 *
 * @param input - Nodes, edges and optional latent nodes.
 * @returns The indexed graph.
 * @throws IslError ISL_DAG_EMPTY when there are no nodes; ISL_INVALID_DAG for malformed lists,
 *   duplicate nodes, edges naming unknown nodes, self-loops or unknown latent nodes (all problems
 *   are listed in `validationFailures`); ISL_DAG_CYCLIC with `details.cycle = [a, b, …, a]`.
 */
export function createDag(input: DagInput): Dag {
  const nodes = input?.nodes;
  const edges = input?.edges ?? [];
  const latentIn = input?.latent ?? [];
  if (!Array.isArray(nodes) || !Array.isArray(edges) || !Array.isArray(latentIn)) {
    throw invalid("The graph must have a 'nodes' array of names, an 'edges' array of [from, to] pairs and optionally a 'latent' array of names.", ["graph: malformed"], {});
  }
  if (nodes.length === 0) {
    throw new IslError("ISL_DAG_EMPTY", "The graph has no nodes. Add at least one node.", {
      details: { nodes: 0, edges: edges.length },
      recovery: { hints: ["List every variable of the model in 'nodes'."], suggestion: "Add at least one node.", example: '{"nodes": ["X", "Y"], "edges": [["X", "Y"]]}' },
    });
  }
  const failures: string[] = [];
  const messages: string[] = [];
  const report = (path: string, message: string): void => {
    failures.push(`${path}: ${message}`);
    messages.push(message);
  };

  nodes.forEach((name, i) => {
    if (typeof name !== "string" || name.length === 0) report(`nodes[${i}]`, `Node ${i} must be a non-empty string.`);
  });
  const names = [...new Set(nodes.filter((s): s is string => typeof s === "string" && s.length > 0))].sort(compareNames);
  const indexOf = new Map<string, number>();
  names.forEach((name, i) => indexOf.set(name, i));
  const counts = new Map<string, number>();
  for (const name of nodes) counts.set(name, (counts.get(name) ?? 0) + 1);
  const duplicateNodes = names.filter((name) => counts.get(name)! > 1);
  if (duplicateNodes.length > 0) {
    report("nodes", `Duplicate nodes found: ${duplicateNodes.map((s) => `'${s}'`).join(", ")}. Each node must be unique.`);
  }

  const available = listNamesForMessage(names);
  const unknownEndpoints: UnknownEndpoint[] = [];
  const selfLoops: string[] = [];
  const n = names.length;
  const from: number[] = [];
  const to: number[] = [];
  const seenEdges = new Set<number>();
  const duplicateEdges: [string, string][] = [];
  edges.forEach((edge: unknown, i) => {
    if (!Array.isArray(edge) || edge.length !== 2 || typeof edge[0] !== "string" || typeof edge[1] !== "string") {
      report(`edges[${i}]`, `Edge ${i} must be a pair of node names [from, to].`);
      return;
    }
    const [a, b] = edge as [string, string];
    if (a === b) {
      selfLoops.push(a);
      report(`edges[${i}]`, `Self-loops not allowed: ${a} → ${b} (edge ${i}). DAGs must be acyclic.`);
    }
    const u = indexOf.get(a);
    const v = indexOf.get(b);
    for (const [end, index] of a === b ? ([[a, u]] as const) : ([[a, u], [b, v]] as const)) {
      if (index === undefined) {
        unknownEndpoints.push({ edgeIndex: i, edge: [a, b], node: end });
        report(`edges[${i}]`, `Edge ${i} (${a} → ${b}) references non-existent node '${end}'. Add '${end}' to the nodes list or fix the edge. Available nodes: ${available}`);
      }
    }
    if (u === undefined || v === undefined || u === v) return;
    const key = u * n + v;
    if (seenEdges.has(key)) {
      duplicateEdges.push([a, b]);
      return;
    }
    seenEdges.add(key);
    from.push(u);
    to.push(v);
  });

  const latent = new Uint8Array(n);
  const unknownLatent: string[] = [];
  latentIn.forEach((name, i) => {
    const v = typeof name === "string" ? indexOf.get(name) : undefined;
    if (v === undefined) {
      unknownLatent.push(String(name));
      report(`latent[${i}]`, `Latent node '${String(name)}' is not in nodes. Add it to nodes or remove it from latent.`);
    } else latent[v] = 1;
  });

  if (failures.length > 0) {
    const more = failures.length > 1 ? ` (${failures.length - 1} more problem${failures.length > 2 ? "s" : ""} listed in validationFailures)` : "";
    throw invalid(`${messages[0]!}${more}`, failures, {
      duplicateNodes,
      unknownEndpoints,
      selfLoops: [...new Set(selfLoops)].sort(compareNames),
      unknownLatent,
      availableNodes: names.slice(0, 200),
    });
  }

  const adj = buildAdjacency(n, from, to);
  const { order, remainingInDegree } = kahnOrder(adj);
  if (order.length < n) {
    const cycle = findCycle(adj, remainingInDegree)!.map((v) => names[v]!);
    throw new IslError("ISL_DAG_CYCLIC", `The graph has a cycle: ${cycle.join(" → ")}. A causal DAG must be acyclic.`, {
      details: { cycle },
      recovery: {
        hints: [`Remove or reverse one of the edges ${cycle.slice(0, -1).map((s, i) => `${s} → ${cycle[i + 1]!}`).join(", ")}.`, "Feedback over time can be modelled by time-indexed nodes (X_t → Y_t+1)."],
        suggestion: "Break the cycle by removing or reversing one of its edges.",
      },
    });
  }
  return { ...adj, names, indexOf, latent, edgeCount: from.length, topologicalOrder: order, duplicateEdges };
}

/** An ISL_INVALID_DAG error with the standard recovery. */
function invalid(message: string, failures: string[], details: Record<string, unknown>): IslError {
  return new IslError("ISL_INVALID_DAG", message, {
    details,
    validationFailures: failures,
    recovery: {
      hints: ["Each node name must appear once in 'nodes'.", "Every edge [from, to] must connect two different listed nodes.", "Every latent node must be listed in 'nodes'."],
      suggestion: "Fix the graph structure listed in validationFailures.",
    },
  });
}

/**
 * The graph's edges as name pairs, sorted by source then target name.
 *
 * @param dag - The graph.
 * @returns Every distinct edge once.
 */
export function edgeList(dag: Dag): [string, string][] {
  const out: [string, string][] = [];
  for (let u = 0; u < dag.size; u++) {
    for (let k = dag.childStart[u]!; k < dag.childStart[u + 1]!; k++) out.push([dag.names[u]!, dag.names[dag.children[k]!]!]);
  }
  return out;
}

/**
 * The observed (non-latent) node names, sorted.
 *
 * @param dag - The graph.
 * @returns Names of nodes not marked latent.
 */
export function observedNodes(dag: Dag): string[] {
  return dag.names.filter((_, v) => dag.latent[v] === 0);
}

/**
 * The node names in the graph's canonical topological order.
 *
 * @param dag - The graph.
 * @returns The lexicographically smallest topological order by name.
 */
export function topologicalNames(dag: Dag): string[] {
  return Array.from(dag.topologicalOrder, (v) => dag.names[v]!);
}

/**
 * A graph with the same nodes as `dag` and a different edge set given as CSR adjacency (for
 * derived graphs such as the proper back-door graph). The topological order of `dag` stays valid
 * because `adj` must only drop edges.
 *
 * @param dag - The original graph.
 * @param adj - Adjacency over the same node indices whose edges are a subset of `dag`'s.
 * @returns The derived graph.
 */
export function withAdjacency(dag: Dag, adj: Adjacency): Dag {
  return { ...dag, ...adj, edgeCount: adj.children.length, duplicateEdges: [] };
}
