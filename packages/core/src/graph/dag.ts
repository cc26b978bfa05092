/**
 * Construction and validation of a causal DAG from plain input: checks the structure (empty graph,
 * duplicate nodes, unknown edge endpoints, self-loops, unknown latent nodes, malformed bidirected
 * edges, reserved names), drops repeated edges, indexes nodes 0..N-1 in name order, turns each
 * bidirected edge a ↔ b into a hidden latent node U_ab → a, U_ab → b (the canonical DAG of the
 * ADMG; see bidirected-nodes.ts), builds CSR adjacency and rejects cycles with the cycle's nodes.
 * Complexity: O(N log N + M + B log B) (sorting the names and the B bidirected edges; directed edges
 * are placed by counting sort).
 * Reference: Kahn (CACM 1962) for the order and the cycle check; see topological-order.ts.
 */
import { IslError } from "../errors.js";
import { buildAdjacency, type Adjacency } from "./adjacency.js";
import { bidirectedNodeName, checkBidirectedEdges, isHiddenNodeName } from "./bidirected-nodes.js";
import { findCycle } from "./find-cycle.js";
import { compareNames, listNamesForMessage } from "./node-lookup.js";
import { kahnOrder } from "./topological-order.js";

/**
 * A graph as callers write it: node names, directed edges `[from, to]`, optional latent nodes and
 * optional bidirected edges `[a, b]`.
 */
export interface DagInput {
  /** Node names, each once. None may start with U+FFFF (reserved for hidden nodes). */
  readonly nodes: readonly string[];
  /** Directed edges `[from, to]` between listed nodes. */
  readonly edges: readonly (readonly [string, string])[];
  /** Unobserved nodes: never part of an adjustment set or a separator. */
  readonly latent?: readonly string[] | null | undefined;
  /**
   * Bidirected edges `[a, b]` (a ↔ b: a and b share an unobserved common cause) between two
   * different listed nodes; `[b, a]` is the same edge, and repeats are dropped.
   */
  readonly bidirected?: readonly (readonly [string, string])[] | null | undefined;
}

/**
 * A validated, acyclic causal graph. Node `i` is `names[i]`; names are sorted in code-unit order
 * (see {@link compareNames}), so every index-ordered result is also name-ordered and no result
 * depends on the order of the input lists. Adjacency lists are ascending.
 *
 * Each bidirected edge a ↔ b of the input is a hidden latent node U_ab with edges U_ab → a and
 * U_ab → b. Hidden nodes have the highest indices (after every input node), are marked in
 * {@link Dag.hidden} and in {@link Dag.latent}, cannot be looked up by name, and never appear in a
 * returned node list; paths through them are reported as a ↔ b.
 */
export interface Dag extends Adjacency {
  /** Node names by index, sorted; input nodes first, then the hidden nodes of bidirected edges. */
  readonly names: readonly string[];
  /** Index of each name (hidden nodes included). */
  readonly indexOf: ReadonlyMap<string, number>;
  /** 1 for latent (unobserved) nodes, 0 for observed ones. Hidden nodes are latent. */
  readonly latent: Uint8Array;
  /** 1 for the hidden node of a bidirected edge, 0 for input nodes. */
  readonly hidden: Uint8Array;
  /** Number of distinct directed edges in the adjacency (two per bidirected edge included). */
  readonly edgeCount: number;
  /** The lexicographically smallest topological order (by name); hidden nodes included. */
  readonly topologicalOrder: Int32Array;
  /** Edges that repeated an earlier edge and were dropped, in input order (for warnings). */
  readonly duplicateEdges: readonly (readonly [string, string])[];
  /** The distinct bidirected edges `[a, b]` with a before b in name order, sorted. */
  readonly bidirected: readonly (readonly [string, string])[];
  /** Bidirected edges that repeated an earlier one (either orientation) and were dropped, in input order. */
  readonly duplicateBidirected: readonly (readonly [string, string])[];
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
 * @param input - Nodes, edges, and optional latent nodes and bidirected edges.
 * @returns The indexed graph.
 * @throws IslError ISL_DAG_EMPTY when there are no nodes; ISL_INVALID_DAG for malformed lists,
 *   duplicate nodes, node names starting with U+FFFF, edges naming unknown nodes, self-loops,
 *   unknown latent nodes, bidirected edges naming unknown nodes or one node twice (all problems
 *   are listed in `validationFailures`); ISL_DAG_CYCLIC with `details.cycle = [a, b, …, a]`.
 */
export function createDag(input: DagInput): Dag {
  const nodes = input?.nodes;
  const edges = input?.edges ?? [];
  const latentIn = input?.latent ?? [];
  const bidirectedIn = input?.bidirected ?? [];
  if (!Array.isArray(nodes) || !Array.isArray(edges) || !Array.isArray(latentIn) || !Array.isArray(bidirectedIn)) {
    throw invalid(
      "The graph must have a 'nodes' array of names, an 'edges' array of [from, to] pairs, and optionally a 'latent' array of names and a 'bidirected' array of [a, b] pairs.",
      ["graph: malformed"],
      {},
    );
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

  // NOTE: plain loops without per-edge allocation: this is the whole cost of building a graph.
  const valid: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const name: unknown = nodes[i];
    if (typeof name !== "string" || name.length === 0) report(`nodes[${i}]`, `Node ${i} must be a non-empty string.`);
    else {
      if (isHiddenNodeName(name)) report(`nodes[${i}]`, `Node ${i} starts with the character U+FFFF, which is reserved for the hidden nodes of bidirected edges. Rename the node.`);
      valid.push(name);
    }
  }
  // NOTE: the default sort compares strings by UTF-16 code units, exactly as compareNames, and faster;
  // after it, repeated names are neighbours.
  valid.sort();
  const names: string[] = [];
  const duplicateNodes: string[] = [];
  for (let i = 0; i < valid.length; i++) {
    const name = valid[i]!;
    if (i > 0 && name === valid[i - 1]) {
      if (duplicateNodes[duplicateNodes.length - 1] !== name) duplicateNodes.push(name);
    } else names.push(name);
  }
  const n = names.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(names[i]!, i);
  if (duplicateNodes.length > 0) {
    report("nodes", `Duplicate nodes found: ${duplicateNodes.map((s) => `'${s}'`).join(", ")}. Each node must be unique.`);
  }

  const available = listNamesForMessage(names);
  const unknownEndpoints: UnknownEndpoint[] = [];
  const selfLoops: string[] = [];
  // Endpoints of every well-formed edge, repeats included; repeats are dropped after the loop.
  const rawFrom = new Int32Array(edges.length);
  const rawTo = new Int32Array(edges.length);
  const rawIndex = new Int32Array(edges.length);
  let rawCount = 0;
  for (let i = 0; i < edges.length; i++) {
    const edge: unknown = edges[i];
    if (!Array.isArray(edge) || edge.length !== 2 || typeof edge[0] !== "string" || typeof edge[1] !== "string") {
      report(`edges[${i}]`, `Edge ${i} must be a pair of node names [from, to].`);
      continue;
    }
    const a = edge[0] as string;
    const b = edge[1] as string;
    const u = indexOf.get(a);
    const v = indexOf.get(b);
    if (u === undefined || v === undefined || a === b) {
      if (a === b) {
        selfLoops.push(a);
        report(`edges[${i}]`, `Self-loops not allowed: ${a} → ${b} (edge ${i}). DAGs must be acyclic.`);
      }
      for (const end of a === b ? [a] : [a, b]) {
        if (indexOf.has(end)) continue;
        unknownEndpoints.push({ edgeIndex: i, edge: [a, b], node: end });
        report(`edges[${i}]`, `Edge ${i} (${a} → ${b}) references non-existent node '${end}'. Add '${end}' to the nodes list or fix the edge. Available nodes: ${available}`);
      }
      continue;
    }
    rawFrom[rawCount] = u;
    rawTo[rawCount] = v;
    rawIndex[rawCount++] = i;
  }
  const { from, to, repeated } = dropRepeatedEdges(n, rawFrom, rawTo, rawCount);
  const duplicateEdges = Array.from(repeated, (k): [string, string] => {
    const edge = edges[rawIndex[k]!]!;
    return [edge[0], edge[1]];
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

  const pairs = checkBidirectedEdges(bidirectedIn, indexOf, available, report);

  if (failures.length > 0) {
    const more = failures.length > 1 ? ` (${failures.length - 1} more problem${failures.length > 2 ? "s" : ""} listed in validationFailures)` : "";
    throw invalid(`${messages[0]!}${more}`, failures, {
      duplicateNodes,
      unknownEndpoints,
      selfLoops: [...new Set(selfLoops)].sort(compareNames),
      unknownLatent,
      unknownBidirected: pairs.unknown,
      availableNodes: names.slice(0, 200),
    });
  }

  // Hidden nodes: one per distinct bidirected pair, after every input node in name order.
  const hiddenNames = pairs.distinct.map(([a, b]) => bidirectedNodeName(names[a]!, names[b]!));
  const hiddenOrder = hiddenNames.map((_, k) => k).sort((p, q) => compareNames(hiddenNames[p]!, hiddenNames[q]!));
  const size = n + hiddenOrder.length;
  const allNames = names.slice();
  const hidden = new Uint8Array(size);
  const latentAll = new Uint8Array(size);
  latentAll.set(latent);
  hiddenOrder.forEach((k, i) => {
    const h = n + i;
    const [a, b] = pairs.distinct[k]!;
    allNames.push(hiddenNames[k]!);
    indexOf.set(hiddenNames[k]!, h);
    hidden[h] = 1;
    latentAll[h] = 1;
    from.push(h, h);
    to.push(a, b);
  });
  const bidirected = pairs.distinct.map(([a, b]) => [names[a]!, names[b]!] as const);
  const duplicateBidirected = pairs.duplicates.map(([a, b]) => [a, b] as const);

  const adj = buildAdjacency(size, from, to);
  const { order, remainingInDegree } = kahnOrder(adj);
  if (order.length < size) {
    const cycle = findCycle(adj, remainingInDegree)!.map((v) => allNames[v]!);
    throw new IslError("ISL_DAG_CYCLIC", `The graph has a cycle: ${cycle.join(" → ")}. A causal DAG must be acyclic.`, {
      details: { cycle },
      recovery: {
        hints: [`Remove or reverse one of the edges ${cycle.slice(0, -1).map((s, i) => `${s} → ${cycle[i + 1]!}`).join(", ")}.`, "Feedback over time can be modelled by time-indexed nodes (X_t → Y_t+1)."],
        suggestion: "Break the cycle by removing or reversing one of its edges.",
      },
    });
  }
  return {
    ...adj,
    names: allNames,
    indexOf,
    latent: latentAll,
    hidden,
    edgeCount: from.length,
    topologicalOrder: order,
    duplicateEdges,
    bidirected,
    duplicateBidirected,
  };
}

/**
 * Drops repeated edges in O(N + M) without hashing: a stable counting sort groups the edges by
 * source (input order kept within a group), and a stamp per target marks the first occurrence.
 * Returns the distinct edges and the positions of the repeats, ascending (input order).
 */
function dropRepeatedEdges(n: number, rawFrom: Int32Array, rawTo: Int32Array, count: number): { from: number[]; to: number[]; repeated: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[rawFrom[e]! + 1]! += 1;
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const bySource = new Int32Array(count);
  const fill = start.slice(0, n);
  for (let e = 0; e < count; e++) bySource[fill[rawFrom[e]!]!++] = e;
  const stamp = new Int32Array(n).fill(-1);
  const from: number[] = [];
  const to: number[] = [];
  const repeated: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let j = start[u]!; j < start[u + 1]!; j++) {
      const e = bySource[j]!;
      const v = rawTo[e]!;
      if (stamp[v] === u) repeated.push(e);
      else {
        stamp[v] = u;
        from.push(u);
        to.push(v);
      }
    }
  }
  return { from, to, repeated: Int32Array.from(repeated).sort() };
}

/** An ISL_INVALID_DAG error with the standard recovery. */
function invalid(message: string, failures: string[], details: Record<string, unknown>): IslError {
  return new IslError("ISL_INVALID_DAG", message, {
    details,
    validationFailures: failures,
    recovery: {
      hints: [
        "Each node name must appear once in 'nodes'.",
        "Every edge [from, to] must connect two different listed nodes.",
        "Every latent node must be listed in 'nodes'.",
        "Every bidirected edge [a, b] must connect two different listed nodes.",
      ],
      suggestion: "Fix the graph structure listed in validationFailures.",
    },
  });
}

/**
 * The graph's directed edges as name pairs, sorted by source then target name. The edges of the
 * hidden nodes of bidirected edges are not listed (see {@link Dag.bidirected}).
 *
 * @param dag - The graph.
 * @returns Every distinct directed edge between input nodes once.
 */
export function edgeList(dag: Dag): [string, string][] {
  const out: [string, string][] = [];
  for (let u = 0; u < dag.size; u++) {
    if (dag.hidden[u] === 1) continue;
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
 * The input nodes declared latent, sorted (the hidden nodes of bidirected edges are not listed).
 *
 * @param dag - The graph.
 * @returns Names of latent input nodes.
 */
export function latentNames(dag: Dag): string[] {
  return dag.names.filter((_, v) => dag.latent[v] === 1 && dag.hidden[v] === 0);
}

/**
 * The input node names, sorted (every node except the hidden nodes of bidirected edges).
 *
 * @param dag - The graph.
 * @returns Names of the input nodes.
 */
export function visibleNames(dag: Dag): string[] {
  return dag.names.filter((_, v) => dag.hidden[v] === 0);
}

/**
 * The input node names in the graph's canonical topological order (hidden nodes left out).
 *
 * @param dag - The graph.
 * @returns The lexicographically smallest topological order by name.
 */
export function topologicalNames(dag: Dag): string[] {
  const out: string[] = [];
  for (const v of dag.topologicalOrder) if (dag.hidden[v] === 0) out.push(dag.names[v]!);
  return out;
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
